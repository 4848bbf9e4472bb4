/**
 * What a change of one profile kept at its address does to its resources, as the facts declared
 * beside the constructs say (`stacks/resource-facts.ts`): which changed values replace the
 * profile, which are updated in place or ignored, and whether its SSM parameter stays. Pure.
 */
import type { ResolvedProfile } from "../config/resolve.ts";
import {
  PROFILE_RESOURCE_FACTS,
  PROFILE_VALUE_ARGUMENTS,
  type ResourceFacts,
  SSM_PARAMETER_FACTS,
} from "../stacks/resource-facts.ts";
import type { ReplacementCause, SsmValueChange, TagChange, ValueChange } from "./review-types.ts";

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
export function change<Field extends string>(
  field: Field,
  before: string | undefined,
  after: string | undefined,
): ValueChange<Field>[] {
  if (before === after) return [];
  return [{ field, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) }];
}

/** The environments' accounts at both sides; undefined where the account is not pinned. */
export interface Accounts {
  readonly before?: string;
  readonly after?: string;
}

/**
 * Every changed value of a kept profile that lands in an argument of its resource. The accounts
 * are the environments' `accountId`s: a foundation-model ARN (`geography: none`) has no account
 * part, so reading it from `copy_from` would report a move to a cross-region profile as a change
 * of account.
 */
function valueChanges(before: ResolvedProfile, after: ResolvedProfile, accounts: Accounts) {
  // A model key whose ID was edited under `models:` is a model change too.
  const model = (p: ResolvedProfile) =>
    before.modelKey === after.modelKey ? `${p.modelKey} (${p.modelId})` : p.modelKey;
  const accountsKnown = accounts.before !== undefined && accounts.after !== undefined;
  return [
    ...(before.modelId === after.modelId && before.modelKey === after.modelKey
      ? []
      : change<ReplacementCause>("model", model(before), model(after))),
    ...change<ReplacementCause>("name", before.name, after.name),
    // Absent means "whatever the adopted profile has": setting one may change it; dropping one does not.
    ...(after.description === undefined
      ? []
      : change<ReplacementCause>("description", before.description, after.description)),
    ...change<ReplacementCause>("geography", before.geography, after.geography),
    ...change<ReplacementCause>("region", before.region, after.region),
    // An account not pinned is the deploying one, known only at plan time: not a change by itself.
    ...(accountsKnown ? change<ReplacementCause>("account", accounts.before, accounts.after) : []),
  ];
}

/**
 * What a resource of `facts` does when `changed` arguments change: replaced when any of them
 * forces it (and is not ignored), nothing when all are ignored, updated in place otherwise.
 */
export function effectOf(facts: ResourceFacts, changed: readonly string[]): "replace" | "ignore" | "update" {
  const applied = changed.filter((argument) => !facts.ignoreChanges.includes(argument));
  if (applied.length === 0 && changed.length > 0) return "ignore";
  return applied.some((argument) => facts.forcesReplacement.includes(argument)) ? "replace" : "update";
}

/** The changed values of a kept profile, by what `aws_bedrock_inference_profile` does with them. */
export interface ProfileValueChanges {
  /** Every change that forces the replacement; nothing moves a resource to another account. */
  readonly causes: ValueChange<ReplacementCause>[];
  /** Changes `ignore_changes` keeps from being applied. */
  readonly ignored: ValueChange<ReplacementCause>[];
  /** Changes the provider updates in place. */
  readonly inPlace: ValueChange<ReplacementCause>[];
}

/** Sort the changed values of a kept profile by the profile resource's facts. */
export function profileValueChanges(
  before: ResolvedProfile,
  after: ResolvedProfile,
  accounts: Accounts,
): ProfileValueChanges {
  const sorted: ProfileValueChanges = { causes: [], ignored: [], inPlace: [] };
  for (const valueChange of valueChanges(before, after, accounts)) {
    const effect =
      valueChange.field === "account"
        ? "replace"
        : effectOf(PROFILE_RESOURCE_FACTS, PROFILE_VALUE_ARGUMENTS[valueChange.field]);
    const list = effect === "replace" ? sorted.causes : effect === "ignore" ? sorted.ignored : sorted.inPlace;
    list.push(valueChange);
  }
  return sorted;
}

/** Where an SSM parameter lives: its region, with the environment's account when that changes. */
function ssmLocation(profile: ResolvedProfile, withAccount: boolean, account: string | undefined): string {
  return withAccount ? `${profile.region} of account ${account}` : profile.region;
}

/**
 * The profile's ARN parameter when the profile is replaced: its value changes in place unless
 * the parameter itself is replaced (a new name or region, by its facts) or moves account.
 */
export function ssmValueChange(
  before: ResolvedProfile,
  after: ResolvedProfile,
  accounts: Accounts,
  accountChanged: boolean,
): SsmValueChange {
  const changed = [
    ...(before.ssmParameterName === after.ssmParameterName ? [] : ["name"]),
    ...(before.region === after.region ? [] : ["region"]),
  ];
  const replaced = effectOf(SSM_PARAMETER_FACTS, changed) === "replace";
  const inPlace = !replaced && !accountChanged;
  return {
    name: after.ssmParameterName,
    location: ssmLocation(after, accountChanged, accounts.after),
    inPlace,
    ...(inPlace ? {} : { from: ssmLocation(before, accountChanged, accounts.before) }),
  };
}
