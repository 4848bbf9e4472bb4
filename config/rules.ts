/**
 * Every rule the profiles file is checked against beyond its shape, before anything is
 * synthesized, listed once in {@link RULES}: a new rule is one function in
 * the module of its kind and one line here. The rules check the plan that will be synthesized,
 * resolved once here and handed to the loader, so what is validated is exactly what is built.
 * docs/rules.md lists every rule with its message and the public source of its limit.
 */
import { KNOWN_REGIONS, type ModelCatalog } from "./catalog.ts";
import {
  checkEnvironmentSettings,
  checkImports,
  checkNamesPerStack,
  checkProfilePartitions,
  checkRegionSpelling,
  checkRepeatedEnvs,
  checkSharedStates,
  checkUniqueAddresses,
} from "./environment-rules.ts";
import type { ConfigIssue } from "./errors.ts";
import { profileOrigins } from "./origins.ts";
import {
  allowedTagValues,
  keysAsTagValues,
  modelSource,
  profileDescription,
  profileName,
  requiredTags,
  ssmParameterNames,
  tagCount,
  uniqueNames,
} from "./profile-rules.ts";
import {
  customModels,
  environmentNames,
  globalTags,
  knownEnvironments,
  knownModel,
  namePlaceholders,
  offeredGeography,
  productTags,
  profileTags,
  sourceRegion,
} from "./reference-rules.ts";
import { modelCatalog, profileEntries, type ResolvedProfile, resolveProfiles } from "./resolve.ts";
import type { Rule, RuleContext } from "./rule-context.ts";
import { checkAlarms, checkBillingStackName, checkBudgets, checkCostAllocationTags } from "./rules-billing.ts";
import type { ProfilesConfig } from "./schema.ts";

/**
 * The rules, in the order their issues are reported when two fall on the same line. Consecutive
 * rules of one kind run together per entry or per resolved profile, so one profile's issues stay
 * together.
 */
export const RULES: readonly Rule[] = [
  { name: "SSM-safe environment names", each: "file", check: environmentNames },
  { name: "custom models", each: "file", check: customModels },
  { name: "global tags", each: "file", check: globalTags },
  { name: "environment settings", each: "file", check: ({ config }) => checkEnvironmentSettings(config) },
  { name: "one state per stack", each: "file", check: ({ config }) => checkSharedStates(config) },
  { name: "one adoption per import", each: "file", check: ({ config }) => checkImports(config) },
  { name: "profile region partitions", each: "file", check: ({ config }) => checkProfilePartitions(config) },
  { name: "region spelling", each: "file", check: ({ config }) => checkRegionSpelling(config, KNOWN_REGIONS) },
  { name: "repeated envs", each: "file", check: ({ config }) => checkRepeatedEnvs(config) },
  { name: "product tags", each: "file", check: productTags },
  { name: "profile tags", each: "entry", check: profileTags },
  { name: "known environments", each: "entry", check: knownEnvironments },
  { name: "known model", each: "entry", check: knownModel },
  { name: "geography offered", each: "entry", check: offeredGeography },
  { name: "source region", each: "entry", check: sourceRegion },
  { name: "name placeholders", each: "entry", check: namePlaceholders },
  { name: "profile name", each: "profile", check: profileName },
  { name: "description", each: "profile", check: profileDescription },
  { name: "model source ARN", each: "profile", check: modelSource },
  { name: "SSM parameter names", each: "profile", check: ssmParameterNames },
  { name: "keys as tag values", each: "profile", check: keysAsTagValues },
  { name: "tags per resource", each: "profile", check: tagCount },
  { name: "required tags", each: "profile", check: requiredTags },
  { name: "allowed tag values", each: "profile", check: allowedTagValues },
  { name: "unique names per account and region", each: "file", check: uniqueNames },
  { name: "unique addresses per stack", each: "file", check: ({ resolved }) => checkUniqueAddresses(resolved) },
  { name: "unique names per stack", each: "file", check: ({ resolved }) => checkNamesPerStack(resolved) },
  { name: "billing stack name", each: "file", check: ({ config }) => checkBillingStackName(config) },
  { name: "cost allocation tags", each: "file", check: ({ config }) => checkCostAllocationTags(config) },
  { name: "budgets", each: "file", check: ({ config }) => checkBudgets(config) },
  { name: "alarms", each: "file", check: ({ config }) => checkAlarms(config) },
];

/** The issues of `rules`, all of one kind: each file rule once, the others per entry or resolved profile. */
function runGroup(rules: readonly Rule[], context: RuleContext): ConfigIssue[] {
  const fileRules = rules.flatMap((rule) => (rule.each === "file" ? [rule.check] : []));
  const entryRules = rules.flatMap((rule) => (rule.each === "entry" ? [rule.check] : []));
  const profileRules = rules.flatMap((rule) => (rule.each === "profile" ? [rule.check] : []));
  return [
    ...fileRules.flatMap((check) => check(context)),
    ...(entryRules.length === 0 ? [] : [...context.entries.values()]).flatMap((entry) =>
      entryRules.flatMap((check) => check(entry, context)),
    ),
    ...(profileRules.length === 0 ? [] : context.resolved).flatMap((profile) =>
      profileRules.flatMap((check) => check(profile, context)),
    ),
  ];
}

/** What the rules found, and the plan's profiles they checked (all of them when `issues` is empty). */
export interface RuleResult {
  readonly issues: ConfigIssue[];
  readonly resolved: readonly ResolvedProfile[];
}

/**
 * Every rule violation of a config that passed the shape check, in no particular order (the
 * loader sorts them by position), and every profile resolved on the way.
 */
export function checkRules(config: ProfilesConfig, builtIn: ModelCatalog, rules = RULES): RuleResult {
  const catalog = modelCatalog(builtIn, config);
  const entries = profileEntries(config);
  const context: RuleContext = {
    config,
    builtIn,
    catalog,
    entries,
    resolved: resolveProfiles(config, catalog, entries.values()),
  };
  const issues: ConfigIssue[] = [];
  let start = 0;
  for (let end = 1; end <= rules.length; end++) {
    if (end < rules.length && rules[end].each === rules[start].each) continue;
    issues.push(...runGroup(rules.slice(start, end), context));
    start = end;
  }
  return { issues, resolved: context.resolved };
}

/**
 * Not errors, but worth a line on stderr: profiles on a model whose catalog entry carries a
 * lifecycle note (Legacy, end of life), so the team plans the upgrade before AWS retires it.
 */
export function lifecycleWarnings(config: ProfilesConfig, builtIn: ModelCatalog): ConfigIssue[] {
  const catalog = modelCatalog(builtIn, config);
  const warnings: ConfigIssue[] = [];
  // Only a profile warned about needs its path: most models carry no note.
  for (const [product, { profiles }] of Object.entries(config.products)) {
    for (const [purpose, profile] of Object.entries(profiles)) {
      const note = catalog[profile.model]?.note;
      if (note === undefined) continue;
      warnings.push({
        path: profileOrigins(config, product, purpose).model,
        message: `${catalog[profile.model].name} (${profile.model}): ${note}`,
        fix: "plan a model upgrade (README: How a model upgrade works)",
      });
    }
  }
  return warnings;
}
