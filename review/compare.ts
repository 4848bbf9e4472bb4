/**
 * What a profile change means, before anyone runs a plan: the resolved environments at a base
 * and at a head in, a structured review out (profiles added, removed, moved, replaced, updated in
 * place; environment changes; hazards). Pure: no git, no cdktf, no files. `report.ts` renders it.
 *
 * The effects follow the resources `stacks/` synthesizes with hashicorp/aws 6.25.0:
 * - `aws_bedrock_inference_profile` is replaced when `name`, `description`, `model_source`
 *   (`copy_from`) or its `region` changes; only `tags` are updated in place.
 * - It has `create_before_destroy`: the replacement is created while the old profile still
 *   exists, so it needs a name not held in that account and region.
 * - Adopted profiles (`import:`) are no different: the provider floor 6.29.0 reads `model_source`
 *   back after an import (hashicorp/terraform-provider-aws#45713), so no `ignore_changes` pin.
 * - `aws_ssm_parameter` holds the profile ARN at a name derived from env, product and purpose,
 *   in the profile's region: a replacement rewrites its value in place, unless its region changes.
 */
import type { ConfigError } from "../config/errors.ts";
import { nameSlot, type ResolvedEnvironment, type ResolvedProfile } from "../config/resolve.ts";
import type { BillingReview, BudgetRemoval } from "./billing-review.ts";

/** One side of the comparison: its resolved environments, or why its config is invalid. */
export type ReviewSide = readonly ResolvedEnvironment[] | ConfigError;

/** What changed in a profile that forces its replacement. */
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
   * Consumers never see a gap: same address, create_before_destroy (always set by the app), the
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

/** Production environments get marked in the report: `prod`, `production`, `prod-…`. */
export function isProduction(env: string): boolean {
  return /^prod(uction)?(-|$)/.test(env);
}

/** Is this side an error rather than environments? */
function isError(side: ReviewSide): side is ConfigError {
  return !Array.isArray(side);
}

/** Added, removed and changed keys of two tag maps, sorted by key. */
export function tagChanges(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): TagChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys
    .filter((key) => before[key] !== after[key])
    .map((key) => ({
      key,
      ...(key in before ? { before: before[key] } : {}),
      ...(key in after ? { after: after[key] } : {}),
    }));
}

/** A change of `field` when the values differ. */
function change<Field extends string>(
  field: Field,
  before: string | undefined,
  after: string | undefined,
): ValueChange<Field>[] {
  if (before === after) return [];
  return [{ field, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) }];
}

/**
 * Every change of a kept profile that would force a replacement, `copy_from` ones included. The
 * accounts are the environments' `accountId`s: a foundation-model ARN (`geography: none`) has no
 * account part, so reading it from `copy_from` would report a move to a cross-region profile as a
 * change of account.
 */
function replacementCauses(
  before: ResolvedProfile,
  after: ResolvedProfile,
  accounts: { readonly before?: string; readonly after?: string },
): ValueChange<ReplacementCause>[] {
  // A model key whose ID was edited under `models:` is a model change too.
  const model = (p: ResolvedProfile) =>
    before.modelKey === after.modelKey ? `${p.modelKey} (${p.modelId})` : p.modelKey;
  const accountsKnown = accounts.before !== undefined && accounts.after !== undefined;
  return [
    ...(before.modelId === after.modelId && before.modelKey === after.modelKey
      ? []
      : change("model", model(before), model(after))),
    ...change("name", before.name, after.name),
    // Absent means "whatever the adopted profile has": setting one may change it; dropping one does not.
    ...(after.description === undefined ? [] : change("description", before.description, after.description)),
    ...change("geography", before.geography, after.geography),
    ...change("region", before.region, after.region),
    // An account not pinned is the deploying one, known only at plan time: not a change by itself.
    ...(accountsKnown ? change("account", accounts.before, accounts.after) : []),
  ];
}

/** Where an SSM parameter lives: its region, with the environment's account when that changes. */
function ssmLocation(profile: ResolvedProfile, withAccount: boolean, account: string | undefined): string {
  return withAccount ? `${profile.region} of account ${account}` : profile.region;
}

/** The name slot (`nameSlot` of the resolver) a profile takes in its environment. */
function slotOf(environment: ResolvedEnvironment, profile: ResolvedProfile): string {
  return nameSlot(environment.env, environment.accountId, profile.region, profile.name);
}

/** The base profile holding each name slot, and its environment. */
type NameHolders = ReadonlyMap<string, { readonly profile: ResolvedProfile; readonly env: string }>;

function nameHolders(environments: readonly ResolvedEnvironment[]): NameHolders {
  const holders = new Map<string, { profile: ResolvedProfile; env: string }>();
  for (const environment of environments) {
    for (const profile of environment.profiles) {
      holders.set(slotOf(environment, profile), { profile, env: environment.env });
    }
  }
  return holders;
}

/** Changes of the environment's stack settings. */
function environmentChanges(before: ResolvedEnvironment, after: ResolvedEnvironment): ValueChange<EnvironmentField>[] {
  const stateLocation = (e: ResolvedEnvironment) =>
    e.backend === undefined ? "local state" : `s3://${e.backend.bucket}/${e.backend.key} (${e.backend.region})`;
  const encryption = (e: ResolvedEnvironment) =>
    e.encryption === undefined ? undefined : `${e.encryption.kmsKeyId} (${e.encryption.region})`;
  const assumeRole = (e: ResolvedEnvironment) =>
    e.assumeRole === undefined
      ? undefined
      : `${e.assumeRole.roleArn}${e.assumeRole.sessionName ? ` (session ${e.assumeRole.sessionName})` : ""}`;
  const tags = (e: ResolvedEnvironment) =>
    Object.entries(e.defaultTags)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => `${key}=${value}`)
      .join(", ");
  return [
    ...change("account", before.accountId, after.accountId),
    ...change("region", before.region, after.region),
    ...change("backend", stateLocation(before), stateLocation(after)),
    ...change("backend role", before.backend?.roleArn, after.backend?.roleArn),
    ...change("assume role", assumeRole(before), assumeRole(after)),
    ...change("encryption", encryption(before), encryption(after)),
    ...change("default tags", tags(before), tags(after)),
  ];
}

/**
 * Pairs removed and added profiles that are one profile under a new product or purpose: same
 * adopted ID, same name, or same model with the product or the purpose kept.
 */
function pairMoves(removed: ResolvedProfile[], added: ResolvedProfile[]): ProfileMove[] {
  const moves: ProfileMove[] = [];
  const sameProfile = (a: ResolvedProfile, b: ResolvedProfile) =>
    (a.importId !== undefined && a.importId === b.importId) ||
    a.name === b.name ||
    (a.modelKey === b.modelKey && (a.product === b.product || a.purpose === b.purpose));
  for (const before of [...removed]) {
    const after = added.find((candidate) => sameProfile(before, candidate));
    if (after === undefined) continue;
    moves.push({ before, after });
    removed.splice(removed.indexOf(before), 1);
    added.splice(added.indexOf(after), 1);
  }
  return moves;
}

/** Everything that happens to one environment present at both sides, and its hazards. */
function compareEnvironment(
  before: ResolvedEnvironment,
  after: ResolvedEnvironment,
  holders: NameHolders,
  hazards: Hazard[],
): EnvironmentReview {
  const { env } = after;
  const changes = environmentChanges(before, after);
  for (const envChange of changes) {
    if (envChange.field === "backend") hazards.push({ kind: "backend-changed", env, change: envChange });
    if (envChange.field === "region") hazards.push({ kind: "region-changed", env, change: envChange });
    // Pinning an account that was not pinned only makes a plan against another account fail.
    if (envChange.field === "account" && envChange.before !== undefined && envChange.after !== undefined) {
      hazards.push({ kind: "account-changed", env, change: envChange });
    }
  }

  const baseByAddress = new Map(before.profiles.map((p) => [p.address, p]));
  const headAddresses = new Set(after.profiles.map((p) => p.address));
  const removed = before.profiles.filter((p) => !headAddresses.has(p.address));
  const added = after.profiles.filter((p) => !baseByAddress.has(p.address));
  const moved = pairMoves(removed, added);
  const replaced: ProfileReplacement[] = [];
  const updated: ProfileUpdate[] = [];
  let unchanged = 0;

  const nameHolder = (profile: ResolvedProfile) => holders.get(slotOf(after, profile));
  const checkNameFree = (profile: ResolvedProfile): boolean => {
    const holder = nameHolder(profile);
    if (holder === undefined) return true;
    hazards.push({ kind: "name-held", env, profile, holder: holder.profile, holderEnv: holder.env });
    return false;
  };

  const checkImport = (profile: ResolvedProfile, importChange: ValueChange<"import">, keepsAdopted: boolean) => {
    if (importChange.before === undefined) return;
    if (importChange.after !== undefined) hazards.push({ kind: "import-changed", env, profile, importChange });
    else if (keepsAdopted) hazards.push({ kind: "import-removed", env, profile, importChange });
  };

  for (const profile of after.profiles) {
    const old = baseByAddress.get(profile.address);
    if (old === undefined) continue;
    const tags = tagChanges(old.tags, profile.tags);
    const importChange = change("import", old.importId, profile.importId)[0];
    const causes = replacementCauses(old, profile, { before: before.accountId, after: after.accountId });
    if (causes.length > 0) {
      const nameHeld = !checkNameFree(profile);
      // Dropping the import with a replacement under a free name is how an adopted profile is
      // handed over to one the app creates: a note, not a hazard.
      if (importChange !== undefined) checkImport(profile, importChange, nameHeld);
      const accountChanged = causes.some((cause) => cause.field === "account");
      const ssmInPlace = old.region === profile.region && !accountChanged;
      // An environment's new region or account is one hazard of its own, not one per profile.
      if (old.region !== profile.region && before.region === after.region && !accountChanged) {
        hazards.push({ kind: "ssm-region-moved", env, profile, from: old.region });
      }
      replaced.push({
        before: old,
        after: profile,
        causes,
        tags,
        nameHeld,
        zeroGap: !nameHeld && ssmInPlace,
        ssmParameters: [
          {
            name: profile.ssmParameterName,
            location: ssmLocation(profile, accountChanged, after.accountId),
            inPlace: ssmInPlace,
            ...(ssmInPlace ? {} : { from: ssmLocation(old, accountChanged, before.accountId) }),
          },
        ],
        ...(importChange === undefined ? {} : { importChange }),
      });
      continue;
    }
    const ignoredSourceChanges: ValueChange<ReplacementCause>[] = [];
    if (tags.length === 0 && importChange === undefined && ignoredSourceChanges.length === 0) {
      unchanged++;
      continue;
    }
    const update: ProfileUpdate = {
      before: old,
      after: profile,
      tags,
      ...(importChange === undefined ? {} : { importChange }),
      ignoredSourceChanges,
    };
    updated.push(update);
    if (importChange !== undefined) checkImport(profile, importChange, true);
    if (ignoredSourceChanges.length > 0) hazards.push({ kind: "source-change-ignored", env, update });
  }

  for (const profile of removed) hazards.push({ kind: "profile-removed", env, profile });
  for (const move of moved) {
    hazards.push({ kind: "profile-moved", env, move });
    checkNameFree(move.after);
  }
  // An adopted profile holds its own name outside the state: the import takes it over, nothing is created.
  for (const profile of added) if (profile.importId === undefined) checkNameFree(profile);

  const touched = changes.length + added.length + removed.length + moved.length + replaced.length + updated.length;
  return {
    env,
    stackName: after.stackName,
    production: isProduction(env),
    status: touched === 0 ? "unchanged" : "changed",
    changes,
    added,
    removed,
    moved,
    replaced,
    updated,
    unchanged,
  };
}

/** An environment only one side has. */
function oneSided(environment: ResolvedEnvironment, status: "added" | "removed"): EnvironmentReview {
  return {
    env: environment.env,
    stackName: environment.stackName,
    production: isProduction(environment.env),
    status,
    changes: [],
    added: status === "added" ? environment.profiles : [],
    removed: [],
    moved: [],
    replaced: [],
    updated: [],
    unchanged: 0,
  };
}

/**
 * Compare the resolved environments at a base and a head. A side that is a {@link ConfigError}
 * is reported as a hazard and nothing is compared. A config missing at the base is `[]`.
 */
export function compareConfigs(base: ReviewSide, head: ReviewSide): Review {
  const invalid: Hazard[] = [];
  if (isError(base)) invalid.push({ kind: "invalid-config", side: "base", error: base });
  if (isError(head)) invalid.push({ kind: "invalid-config", side: "head", error: head });
  if (isError(base) || isError(head)) return { hazards: invalid, environments: [] };

  const hazards: Hazard[] = [];
  const holders = nameHolders(base);
  const baseByEnv = new Map(base.map((e) => [e.env, e]));
  const headEnvs = new Set(head.map((e) => e.env));
  const environments = head.map((environment) => {
    const before = baseByEnv.get(environment.env);
    if (before !== undefined) return compareEnvironment(before, environment, holders, hazards);
    for (const profile of environment.profiles) {
      const holder = holders.get(slotOf(environment, profile));
      if (holder !== undefined && profile.importId === undefined) {
        hazards.push({
          kind: "name-held",
          env: environment.env,
          profile,
          holder: holder.profile,
          holderEnv: holder.env,
        });
      }
    }
    return oneSided(environment, "added");
  });
  for (const environment of base) {
    if (headEnvs.has(environment.env)) continue;
    environments.push(oneSided(environment, "removed"));
    hazards.push({ kind: "environment-removed", env: environment.env, profiles: environment.profiles });
  }
  return { hazards, environments };
}

/** The kinds of profile change, in the order a summary lists them. */
export const CHANGE_KINDS = ["replaced", "added", "removed", "moved", "updated"] as const;

/** How many profiles of `environments` are replaced, added, removed, moved and updated. */
export function countChanges(
  environments: readonly EnvironmentReview[],
): Record<(typeof CHANGE_KINDS)[number] | "unchanged", number> {
  const sum = (count: (e: EnvironmentReview) => number) => environments.reduce((total, e) => total + count(e), 0);
  return {
    replaced: sum((e) => e.replaced.length),
    added: sum((e) => e.added.length),
    removed: sum((e) => e.removed.length),
    moved: sum((e) => e.moved.length),
    updated: sum((e) => e.updated.length),
    unchanged: sum((e) => e.unchanged),
  };
}
