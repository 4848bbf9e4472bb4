/**
 * What a profile change means, before anyone runs a plan: the resolved environments at a base
 * and at a head in, a structured review out (profiles added, removed, moved, replaced, updated in
 * place; environment changes; hazards). Pure: no git, no cdktf, no files. `report.ts` renders it.
 *
 * What the provider does with each change is not restated here: the facts of each resource type
 * (`stacks/resource-facts.ts`, beside the constructs that write them) say which arguments force a
 * replacement, and whether the replacement is created before the old resource is destroyed.
 * `profile-changes.ts` reads them for the profile and its SSM parameter. With create_before_destroy
 * the replacement exists while the old profile still does, so it needs a name not held in that
 * account and region.
 */
import type { ConfigError } from "../config/errors.ts";
import { byCodeUnit, nameSlot, type ResolvedEnvironment, type ResolvedProfile } from "../config/resolve.ts";
import { PROFILE_RESOURCE_FACTS } from "../stacks/resource-facts.ts";
import { change, profileValueChanges, ssmValueChange, tagChanges } from "./profile-changes.ts";
import type {
  EnvironmentField,
  EnvironmentReview,
  Hazard,
  ProfileMove,
  ProfileReplacement,
  ProfileUpdate,
  Review,
  ReviewSide,
  ValueChange,
} from "./review-types.ts";

export type {
  EnvironmentField,
  EnvironmentReview,
  Hazard,
  HazardKind,
  ProfileMove,
  ProfileReplacement,
  ProfileUpdate,
  ReplacementCause,
  Review,
  ReviewSide,
  SsmValueChange,
  TagChange,
  ValueChange,
} from "./review-types.ts";

/** Production environments get marked in the report: `prod`, `production`, `prod-…`. */
export function isProduction(env: string): boolean {
  return /^prod(uction)?(-|$)/.test(env);
}

/** Is this side an error rather than environments? */
function isError(side: ReviewSide): side is ConfigError {
  return !Array.isArray(side);
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

/** The `name-held` hazard when a profile of the base holds `profile`'s name slot, else undefined. */
function nameHeld(
  holders: NameHolders,
  environment: ResolvedEnvironment,
  profile: ResolvedProfile,
): Hazard | undefined {
  const holder = holders.get(slotOf(environment, profile));
  if (holder === undefined) return undefined;
  return { kind: "name-held", env: environment.env, profile, holder: holder.profile, holderEnv: holder.env };
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
      .sort(([a], [b]) => byCodeUnit(a, b))
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

/** The hazards of an environment's own changes: its backend, its region, a pinned account. */
function environmentHazards(env: string, changes: readonly ValueChange<EnvironmentField>[]): Hazard[] {
  const hazards: Hazard[] = [];
  for (const envChange of changes) {
    if (envChange.field === "backend") hazards.push({ kind: "backend-changed", env, change: envChange });
    if (envChange.field === "region") hazards.push({ kind: "region-changed", env, change: envChange });
    // Pinning an account that was not pinned only makes a plan against another account fail.
    if (envChange.field === "account" && envChange.before !== undefined && envChange.after !== undefined) {
      hazards.push({ kind: "account-changed", env, change: envChange });
    }
  }
  return hazards;
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

/** One environment present at both sides, while it is compared: what it finds goes to `hazards`. */
class EnvironmentComparison {
  readonly env: string;
  readonly replaced: ProfileReplacement[] = [];
  readonly updated: ProfileUpdate[] = [];
  unchanged = 0;

  constructor(
    readonly before: ResolvedEnvironment,
    readonly after: ResolvedEnvironment,
    private readonly holders: NameHolders,
    readonly hazards: Hazard[],
  ) {
    this.env = after.env;
  }

  /** Is the profile's name free in its slot? A `name-held` hazard when it is not. */
  checkNameFree(profile: ResolvedProfile): boolean {
    const hazard = nameHeld(this.holders, this.after, profile);
    if (hazard === undefined) return true;
    this.hazards.push(hazard);
    return false;
  }

  /** A hazard when `import:` is changed, or removed while the adopted profile is kept. */
  checkImport(profile: ResolvedProfile, importChange: ValueChange<"import">, keepsAdopted: boolean): void {
    const { env } = this;
    if (importChange.before === undefined) return;
    if (importChange.after !== undefined) this.hazards.push({ kind: "import-changed", env, profile, importChange });
    else if (keepsAdopted) this.hazards.push({ kind: "import-removed", env, profile, importChange });
  }

  /** Compare a profile of the head with the one the base has at its address. */
  compareProfile(old: ResolvedProfile, profile: ResolvedProfile): void {
    const accounts = { before: this.before.accountId, after: this.after.accountId };
    const tags = tagChanges(old.tags, profile.tags);
    const importChange = change("import", old.importId, profile.importId)[0];
    const values = profileValueChanges(old, profile, accounts);
    if (values.causes.length > 0) {
      this.replace(old, profile, { causes: values.causes, tags, importChange });
      return;
    }
    if (tags.length === 0 && importChange === undefined && values.ignored.length + values.inPlace.length === 0) {
      this.unchanged++;
      return;
    }
    const update: ProfileUpdate = {
      before: old,
      after: profile,
      tags,
      ...(importChange === undefined ? {} : { importChange }),
      ignoredSourceChanges: values.ignored,
      ...(values.inPlace.length === 0 ? {} : { inPlaceChanges: values.inPlace }),
    };
    this.updated.push(update);
    if (importChange !== undefined) this.checkImport(profile, importChange, true);
    if (values.ignored.length > 0) this.hazards.push({ kind: "source-change-ignored", env: this.env, update });
  }

  /** A replacement of `old` by `profile` at the same address, and its hazards. */
  private replace(
    old: ResolvedProfile,
    profile: ResolvedProfile,
    found: Pick<ProfileReplacement, "causes" | "tags"> & { importChange: ValueChange<"import"> | undefined },
  ): void {
    const { before, after, env } = this;
    const { importChange } = found;
    const nameHeld = !this.checkNameFree(profile);
    // Dropping the import with a replacement under a free name is how an adopted profile is
    // handed over to one the app creates: a note, not a hazard.
    if (importChange !== undefined) this.checkImport(profile, importChange, nameHeld);
    const accountChanged = found.causes.some((cause) => cause.field === "account");
    const accounts = { before: before.accountId, after: after.accountId };
    const ssm = ssmValueChange(old, profile, accounts, accountChanged);
    // An environment's new region or account is one hazard of its own, not one per profile.
    if (old.region !== profile.region && before.region === after.region && !accountChanged) {
      this.hazards.push({ kind: "ssm-region-moved", env, profile, from: old.region });
    }
    this.replaced.push({
      before: old,
      after: profile,
      causes: found.causes,
      tags: found.tags,
      nameHeld,
      zeroGap: PROFILE_RESOURCE_FACTS.createBeforeDestroy && !nameHeld && ssm.inPlace,
      ssmParameters: [ssm],
      ...(importChange === undefined ? {} : { importChange }),
    });
  }
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
  hazards.push(...environmentHazards(env, changes));

  const baseByAddress = new Map(before.profiles.map((p) => [p.address, p]));
  const headAddresses = new Set(after.profiles.map((p) => p.address));
  const removed = before.profiles.filter((p) => !headAddresses.has(p.address));
  const added = after.profiles.filter((p) => !baseByAddress.has(p.address));
  const moved = pairMoves(removed, added);
  const comparison = new EnvironmentComparison(before, after, holders, hazards);
  for (const profile of after.profiles) {
    const old = baseByAddress.get(profile.address);
    if (old !== undefined) comparison.compareProfile(old, profile);
  }

  for (const profile of removed) hazards.push({ kind: "profile-removed", env, profile });
  for (const move of moved) {
    hazards.push({ kind: "profile-moved", env, move });
    comparison.checkNameFree(move.after);
  }
  // An adopted profile holds its own name outside the state: the import takes it over, nothing is created.
  for (const profile of added) if (profile.importId === undefined) comparison.checkNameFree(profile);

  const { replaced, updated, unchanged } = comparison;
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
      const hazard = profile.importId === undefined ? nameHeld(holders, environment, profile) : undefined;
      if (hazard !== undefined) hazards.push(hazard);
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
