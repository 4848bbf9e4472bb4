/**
 * The shape of a review: what `compare.ts` finds and `report.ts` renders (profiles added,
 * removed, moved, replaced, updated in place; environment changes; hazards).
 */
import type { ConfigError } from "../config/errors.ts";
import type { ResolvedEnvironment, ResolvedProfile } from "../config/resolve.ts";
import type { BillingReview, BudgetRemoval } from "./billing-review.ts";

/** One side of the comparison: its resolved environments, or why its config is invalid. */
export type ReviewSide = readonly ResolvedEnvironment[] | ConfigError;

/**
 * A value of a profile that lands in an argument of `aws_bedrock_inference_profile`: a change of
 * it replaces the profile, is updated in place or ignored, as the resource's facts say.
 */
export type ReplacementCause = "model" | "name" | "description" | "geography" | "region" | "account";

/** One changed value, as text. `before` is undefined when the base did not manage it. */
export interface ValueChange<Field extends string = string> {
  readonly field: Field;
  readonly before?: string;
  readonly after?: string;
}

/** One resource tag added, removed or changed. */
export interface TagChange {
  readonly key: string;
  readonly before?: string;
  readonly after?: string;
}

/** An SSM parameter whose value changes to the new profile's ARN. */
export interface SsmValueChange {
  readonly name: string;
  /** Its region, with the account when that changes too. */
  readonly location: string;
  /** Updated in place when its name, account and region stay; recreated elsewhere otherwise. */
  readonly inPlace: boolean;
  /** Where consumers read it before, when it moves. */
  readonly from?: string;
}

/** A profile replaced at the same address. */
export interface ProfileReplacement {
  readonly before: ResolvedProfile;
  readonly after: ResolvedProfile;
  /** Every change that forces the replacement: model, name, description, geography, region, account. */
  readonly causes: readonly ValueChange<ReplacementCause>[];
  readonly tags: readonly TagChange[];
  /**
   * Consumers never see a gap: same address, create_before_destroy (as the profile's facts declare), the
   * new profile's name is free when it is created, and the SSM parameter keeps its name, account
   * and region.
   */
  readonly zeroGap: boolean;
  /** The new profile's name is still held by a profile of the base when it is created. */
  readonly nameHeld: boolean;
  readonly ssmParameters: readonly SsmValueChange[];
  /** Set when `import:` was added, removed or changed. */
  readonly importChange?: ValueChange<"import">;
}

/** A profile kept at its address with only in-place changes. */
export interface ProfileUpdate {
  readonly before: ResolvedProfile;
  readonly after: ResolvedProfile;
  readonly tags: readonly TagChange[];
  /** Set when `import:` was added, removed or changed. */
  readonly importChange?: ValueChange<"import">;
  /** `copy_from` changes that `ignore_changes = [model_source]` keeps from being applied. */
  readonly ignoredSourceChanges: readonly ValueChange<ReplacementCause>[];
  /** Values whose argument the resource's facts neither replace on nor ignore: updated in place. */
  readonly inPlaceChanges?: readonly ValueChange<ReplacementCause>[];
}

/** A profile whose product or purpose changed: a destroy and an unrelated create. */
export interface ProfileMove {
  readonly before: ResolvedProfile;
  readonly after: ResolvedProfile;
}

/** A change of an environment's stack settings. */
export type EnvironmentField =
  | "account"
  | "region"
  | "backend"
  | "backend role"
  | "assume role"
  | "encryption"
  | "default tags";

/** What happens to one environment's stack. */
export interface EnvironmentReview {
  readonly env: string;
  readonly stackName: string;
  /** Production: named `prod`, `production`, or starting with `prod-`. */
  readonly production: boolean;
  readonly status: "added" | "removed" | "changed" | "unchanged";
  readonly changes: readonly ValueChange<EnvironmentField>[];
  readonly added: readonly ResolvedProfile[];
  readonly removed: readonly ResolvedProfile[];
  readonly moved: readonly ProfileMove[];
  readonly replaced: readonly ProfileReplacement[];
  readonly updated: readonly ProfileUpdate[];
  readonly unchanged: number;
}

/** Something a reviewer must look at before approving, with what it is about. */
export type Hazard =
  | { readonly kind: "invalid-config"; readonly side: "base" | "head"; readonly error: ConfigError }
  | { readonly kind: "environment-removed"; readonly env: string; readonly profiles: readonly ResolvedProfile[] }
  | {
      readonly kind: "backend-changed" | "account-changed" | "region-changed";
      readonly env: string;
      readonly change: ValueChange<EnvironmentField>;
    }
  | { readonly kind: "profile-removed"; readonly env: string; readonly profile: ResolvedProfile }
  | { readonly kind: "profile-moved"; readonly env: string; readonly move: ProfileMove }
  | {
      readonly kind: "name-held";
      readonly env: string;
      readonly profile: ResolvedProfile;
      /** The base profile holding the name: the profile itself for a replacement. */
      readonly holder: ResolvedProfile;
      readonly holderEnv: string;
    }
  | {
      readonly kind: "ssm-region-moved";
      readonly env: string;
      readonly profile: ResolvedProfile;
      readonly from: string;
    }
  | {
      readonly kind: "import-removed" | "import-changed";
      readonly env: string;
      readonly profile: ResolvedProfile;
      readonly importChange: ValueChange<"import">;
    }
  | { readonly kind: "source-change-ignored"; readonly env: string; readonly update: ProfileUpdate }
  | { readonly kind: "budget-removed"; readonly removal: BudgetRemoval };

/** The kind of a {@link Hazard}. */
export type HazardKind = Hazard["kind"];

/** The whole review of a change. */
export interface Review {
  readonly hazards: readonly Hazard[];
  /** In head order, then environments only the base has. Empty when either side is invalid. */
  readonly environments: readonly EnvironmentReview[];
  /** Budgets, cost allocation tags and alarms (`billing-review.ts`), when compared. */
  readonly billing?: BillingReview;
}
