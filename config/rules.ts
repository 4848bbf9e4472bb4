/**
 * The rules that need more than one field or the model catalog (docs/rules.md lists every rule
 * with its message). Each rule checks the value `resolve.ts` will synthesize,
 * so a default that AWS would refuse is caught as surely as a typed one.
 * Facts and sources: the "where it comes from" column of docs/rules.md (AWS API references, user guides).
 */
import {
  GEOGRAPHIES,
  type Geography,
  KNOWN_REGIONS,
  type ModelCatalog,
  offersGeography,
  sourceRegions,
} from "./catalog.ts";
import {
  checkEnvironmentSettings,
  checkImports,
  checkNamesPerStack,
  checkProfilePartitions,
  checkRegionSpelling,
  checkRepeatedEnvs,
  checkUniqueAddresses,
} from "./environment-rules.ts";
import { type ConfigIssue, type ConfigPath, didYouMean, listSome, show } from "./errors.ts";
import { checkNamePlaceholders, nameTemplateOf, templateFitting } from "./name-rules.ts";
import {
  defaultTags,
  environmentRegion,
  formatArn,
  modelCatalog,
  nameSlot,
  partitionOf,
  type ResolvedProfile,
  resolveProfile,
} from "./resolve.ts";
import { checkBillingRules } from "./rules-billing.ts";
import type { ProfilesConfig } from "./schema.ts";

/** CreateInferenceProfile `inferenceProfileName`: 1–64 characters. */
export const PROFILE_NAME = { pattern: /^([0-9a-zA-Z][ _-]?)+$/, max: 64 };
/** CreateInferenceProfile `description`: 1–200 characters; no commas, parentheses, slashes. */
export const DESCRIPTION = { pattern: /^([0-9a-zA-Z:.][ _-]?)+$/, max: 200 };
/** CreateInferenceProfile `modelSource.copyFrom`: 1–2048 characters. */
export const COPY_FROM = {
  pattern:
    /^arn:aws(|-us-gov|-cn|-iso|-iso-b):bedrock:(|[0-9a-z-]{0,20}):(|[0-9]{12}):(inference-profile|foundation-model)\/[a-zA-Z0-9-:.]+$/,
  max: 2048,
};
/** Bedrock TagKey / TagValue (ASCII only); 50 tags per resource, default_tags included. */
export const TAG = { pattern: /^[a-zA-Z0-9\s._:/=+@-]*$/, maxKey: 128, maxValue: 256, maxPerResource: 50 };
/** GetInferenceProfile FoundationModelArn's model part: the form of a Bedrock model ID. */
export const MODEL_ID = /^[a-z0-9-]{1,63}[.]([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2}$/;
/**
 * SSM parameter names: `a-zA-Z0-9_.-/`, at most 15 levels, no `aws`/`ssm` prefix, and at most
 * 1011 characters counted with the parameter ARN prefix (sysman-parameter-name-constraints).
 */
export const SSM_NAME = { pattern: /^[a-zA-Z0-9_.\-/]+$/, maxLevels: 15, maxWithArn: 1011, reserved: /^\/?(aws|ssm)/i };

const NAME_ALLOWED = "1-64 letters or digits, each optionally followed by one space, _ or -";
const DESCRIPTION_ALLOWED =
  "1-200 characters: letters, digits, : and ., each optionally followed by one space, _ or - (no commas, parentheses, slashes or other dashes)";
const TAG_ALLOWED = "letters, digits, spaces and . _ : / = + @ - (ASCII only)";

type Path = ConfigPath;

/** Where a profile's value sits in the YAML. */
function profilePath(product: string, purpose: string, ...rest: (string | number)[]): Path {
  return ["products", product, "profiles", purpose, ...rest];
}

/** Fold a string into one AWS accepts as a description, for the fix hint. */
function descriptionSuggestion(text: string): string {
  const words = text
    .replace(/[^0-9a-zA-Z:. _-]+/g, " ")
    .split(/\s+/)
    .filter((word) => word !== "" && /[0-9a-zA-Z]/.test(word))
    .map((word) => word.replace(/[-_]{2,}/g, "-").replace(/^[-_]+|[-_]+$/g, ""));
  const joined = words.join(" ");
  return joined.length <= DESCRIPTION.max ? joined : joined.slice(0, joined.lastIndexOf(" ", DESCRIPTION.max));
}

/** Fold a string into one AWS accepts as a profile name, for the fix hint. */
function nameSuggestion(text: string): string {
  return text
    .replace(/[^0-9a-zA-Z]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, PROFILE_NAME.max)
    .replace(/-+$/, "");
}

/** Fold a name template into one whose every name AWS accepts, keeping its placeholders. */
function templateSuggestion(template: string): string {
  return template
    .split(/(\{(?:product|purpose|model|env)\})/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[^0-9a-zA-Z]+/g, "-")))
    .join("")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Fold a string into one AWS accepts as a tag key or value: accents dropped, other characters removed. */
function tagSuggestion(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-zA-Z0-9\s._:/=+@-]+/g, "")
    .trim();
}

/** Tag keys and values against Bedrock's patterns; `where` is the path of the tags map. */
function checkTagMap(tags: Readonly<Record<string, string>> | undefined, where: Path): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const [key, value] of Object.entries(tags ?? {})) {
    if (key.length < 1 || key.length > TAG.maxKey || !TAG.pattern.test(key)) {
      issues.push({
        path: [...where, key],
        atKey: true,
        message: `tag key ${show(key)} is not accepted by Bedrock`,
        allowed: `1-${TAG.maxKey} characters: ${TAG_ALLOWED}`,
        fix:
          tagSuggestion(key) === ""
            ? "rename the key"
            : `write the key as ${show(tagSuggestion(key).slice(0, TAG.maxKey))}`,
      });
    } else if (key.toLowerCase().startsWith("aws:")) {
      issues.push({
        path: [...where, key],
        atKey: true,
        message: `tag key ${show(key)} uses the prefix "aws:", which AWS reserves for its own tags`,
        fix: `rename the key, e.g. ${show(key.slice(4))}`,
      });
    }
    if (value.length > TAG.maxValue || !TAG.pattern.test(value)) {
      issues.push({
        path: [...where, key],
        message: `tag value ${show(value)} is not accepted by Bedrock`,
        allowed: `0-${TAG.maxValue} characters: ${TAG_ALLOWED}`,
        fix: `write ${key}: ${show(tagSuggestion(value).slice(0, TAG.maxValue))}`,
      });
    }
  }
  return issues;
}

/** Rules on environments alone. */
function checkEnvironments(config: ProfilesConfig): ConfigIssue[] {
  return Object.keys(config.environments).flatMap((env): ConfigIssue[] =>
    SSM_NAME.reserved.test(env)
      ? [
          {
            path: ["environments", env],
            atKey: true,
            message: `environment ${show(env)} would start its SSM parameter names with /${env}/, and SSM refuses names beginning with "aws" or "ssm"`,
            fix: `rename the environment, e.g. ${show(env.replace(/^(aws|ssm)-*/i, "") || "sandbox")}`,
          },
        ]
      : [],
  );
}

/** Rules on the `models:` additions. */
function checkCustomModels(config: ProfilesConfig, builtIn: ModelCatalog): ConfigIssue[] {
  return Object.entries(config.models).flatMap(([key, model]): ConfigIssue[] => {
    const issues: ConfigIssue[] = [];
    if (key in builtIn) {
      issues.push({
        path: ["models", key],
        atKey: true,
        message: `model ${show(key)} is already in the built-in catalog (${builtIn[key].id})`,
        fix: "remove this entry to use the built-in one, or choose another key",
      });
    }
    const [prefix] = model.id.split(".");
    if ((GEOGRAPHIES as readonly string[]).includes(prefix) && MODEL_ID.test(model.id.slice(prefix.length + 1))) {
      issues.push({
        path: ["models", key, "id"],
        message: `${show(model.id)} is the ID of the ${prefix} cross-region profile, not of a foundation model`,
        allowed: "the foundation model ID, e.g. anthropic.claude-opus-4-6-v1; the tool adds the geography prefix",
        fix: `write id: ${model.id.slice(prefix.length + 1)} and list ${prefix} under geographies:`,
      });
    } else if (!MODEL_ID.test(model.id)) {
      issues.push({
        path: ["models", key, "id"],
        message: `${show(model.id)} is not a Bedrock model ID`,
        allowed: "provider.model-name with an optional :version, lowercase, e.g. anthropic.claude-opus-4-6-v1",
        fix: /^(arn:|[a-z-]+\.[a-z]+\.)/.test(model.id)
          ? "give the foundation model ID alone: no ARN, no geography prefix such as eu."
          : undefined,
      });
    }
    return issues;
  });
}

/** Rules on one profile's references: its model, environments, geography and region. */
function checkReferences(
  config: ProfilesConfig,
  catalog: ModelCatalog,
  product: string,
  purpose: string,
): ConfigIssue[] {
  const profile = config.products[product].profiles[purpose];
  const issues: ConfigIssue[] = [];
  profile.envs.forEach((env, index) => {
    if (!(env in config.environments)) {
      issues.push({
        path: profilePath(product, purpose, "envs", index),
        message: `unknown environment ${show(env)}`,
        allowed: listSome(Object.keys(config.environments)),
        fix: didYouMean(env, Object.keys(config.environments)) ?? "add it under environments: or remove it here",
      });
    }
  });
  const model = catalog[profile.model];
  if (model === undefined) {
    issues.push({
      path: profilePath(product, purpose, "model"),
      message: `unknown model ${show(profile.model)}`,
      allowed: `a key of the model catalog: ${listSome(Object.keys(catalog).sort(), 40)}`,
      fix: didYouMean(profile.model, Object.keys(catalog)) ?? "add the model under models: with its id and geographies",
    });
    return issues;
  }
  const geography = profile.geography ?? config.defaults.geography;
  const geographyPath =
    profile.geography === undefined ? ["defaults", "geography"] : profilePath(product, purpose, "geography");
  if (!offersGeography(model, geography)) {
    const offered = Object.keys(model.geographies);
    issues.push({
      path: profile.geography === undefined ? profilePath(product, purpose, "model") : geographyPath,
      message: `${model.name} (${profile.model}) has no ${geography} cross-region profile`,
      allowed: `geographies offering it: ${[...offered, "none"].join(", ")}`,
      fix:
        offered.length > 0
          ? `set geography: ${offered[0]} on this profile, or geography: none for the foundation model in one region, or choose another model`
          : "set geography: none on this profile (single-region foundation model), or choose another model",
    });
    return issues;
  }
  const sources = sourceRegions(model, geography);
  for (const env of profile.envs.filter((e) => e in config.environments)) {
    const region = profile.region ?? environmentRegion(config, config.environments[env]);
    if (sources !== undefined && !sources.includes(region)) {
      const servingRegion = Object.keys(model.geographies).filter((geo) =>
        sourceRegions(model, geo as Geography)?.includes(region),
      );
      issues.push({
        path: profile.region === undefined ? profilePath(product, purpose) : profilePath(product, purpose, "region"),
        atKey: profile.region === undefined,
        message: `${region} (${profile.region === undefined ? `region of environment ${env}` : "region"}) is not a source region of the ${geography} profile for ${model.name}`,
        allowed: `source regions: ${sources.join(", ")}`,
        fix: `set region: to one of them${servingRegion.length > 0 ? `, or geography: ${servingRegion.join(" or ")}, which ${region} can call` : ", or choose another geography"}`,
      });
    }
  }
  return issues;
}

/** The fix of a name over 64 characters: a shorter template that fits in every listed environment. */
function shorterNameFix(resolved: ResolvedProfile, envs: readonly string[], template: string): string {
  const { product, purpose, modelKey: model } = resolved;
  const shorter = templateFitting({ product, purpose, model }, envs, PROFILE_NAME.max, template);
  const now = `${resolved.name.length} characters now`;
  return shorter === undefined
    ? `set name: to a template of at most ${PROFILE_NAME.max} characters in every environment, with {model} and {env} (${now})`
    : `write name: ${show(shorter)} (${now}), or shorten the product or purpose key`;
}

/** Rules on the values a resolved profile synthesizes. */
function checkResolved(config: ProfilesConfig, resolved: ResolvedProfile): ConfigIssue[] {
  const { product, purpose } = resolved;
  const profile = config.products[product].profiles[purpose];
  const issues: ConfigIssue[] = [];
  const namePath = profile.name === undefined ? profilePath(product, purpose) : profilePath(product, purpose, "name");
  if (resolved.name.length > PROFILE_NAME.max || !PROFILE_NAME.pattern.test(resolved.name)) {
    issues.push({
      path: namePath,
      atKey: profile.name === undefined,
      message: `profile name ${show(resolved.name)}${profile.name === undefined ? " (the default)" : ""} is not accepted by Bedrock`,
      allowed: NAME_ALLOWED,
      fix:
        resolved.name.length > PROFILE_NAME.max
          ? shorterNameFix(resolved, profile.envs, nameTemplateOf(purpose, profile))
          : `write name: ${/\{(product|purpose|model|env)\}/.test(profile.name ?? "") ? show(templateSuggestion(profile.name ?? "")) : nameSuggestion(resolved.name)}`,
    });
  }
  if (
    resolved.description !== undefined &&
    (resolved.description.length > DESCRIPTION.max || !DESCRIPTION.pattern.test(resolved.description))
  ) {
    const suggestion = descriptionSuggestion(resolved.description);
    issues.push({
      path:
        profile.description === undefined
          ? profilePath(product, purpose)
          : profilePath(product, purpose, "description"),
      atKey: profile.description === undefined,
      message: `description ${show(resolved.description)} is not accepted by Bedrock`,
      allowed: DESCRIPTION_ALLOWED,
      fix: suggestion === "" ? "remove the description" : `write description: ${suggestion}`,
    });
  }
  const copyFrom = formatArn(resolved.copyFrom, "123456789012");
  if (copyFrom.length > COPY_FROM.max || !COPY_FROM.pattern.test(copyFrom)) {
    issues.push({
      path: profilePath(product, purpose, "model"),
      message: `model source ${show(copyFrom)} is not a valid copy_from ARN`,
      allowed:
        "arn:<partition>:bedrock:<region>:<account>:inference-profile/<id> or arn:<partition>:bedrock:<region>::foundation-model/<id>, at most 2048 characters, a region of at most 20",
      fix: "check the region and the model's id it is made of",
    });
  }
  const ssmArn = `arn:${partitionOf(resolved.region)}:ssm:${resolved.region}:${config.environments[resolved.env].accountId ?? "123456789012"}:parameter`;
  // Both parameters of the profile; the model ID's name is the longer, so the ARN's is reported first.
  const badSsmName = [resolved.ssmParameterName, resolved.modelIdParameterName].find(
    (name) =>
      !SSM_NAME.pattern.test(name) ||
      name.split("/").filter((part) => part !== "").length > SSM_NAME.maxLevels ||
      ssmArn.length + name.length > SSM_NAME.maxWithArn,
  );
  if (badSsmName !== undefined) {
    issues.push({
      path: profilePath(product, purpose),
      atKey: true,
      message: `SSM parameter name ${show(badSsmName)} is not accepted by SSM`,
      allowed: `a-zA-Z0-9_.-/, at most ${SSM_NAME.maxLevels} levels and ${SSM_NAME.maxWithArn} characters with its ARN prefix`,
      fix: "shorten the environment, product or purpose key",
    });
  }
  // The product and environment keys become tag values no one typed: check them as Bedrock will.
  for (const [tag, value, path] of [
    ["product", resolved.tags.product, ["products", product]],
    ["env", resolved.env, ["environments", resolved.env]],
  ] as const) {
    if (value.length > TAG.maxValue) {
      issues.push({
        path,
        atKey: true,
        message: `the key ${show(value)} becomes the value of the tag ${tag}, and Bedrock allows ${TAG.maxValue} characters (${value.length} now)`,
        fix: "choose a shorter key",
      });
    }
  }
  const merged = { ...defaultTags(config, resolved.env), ...resolved.tags };
  const count = Object.keys(merged).length;
  if (count > TAG.maxPerResource) {
    issues.push({
      path: profilePath(product, purpose),
      atKey: true,
      message: `profile has ${count} tags after merging the provider's default_tags; Bedrock allows ${TAG.maxPerResource} per resource`,
      fix: `remove ${count - TAG.maxPerResource} tag(s) from tags:, products.${product}.tags or this profile's tags:`,
    });
  }
  for (const required of config.tagPolicy.required) {
    if (!(required in merged)) {
      issues.push({
        path: profilePath(product, purpose),
        atKey: true,
        message: `profile lacks the tag ${show(required)} required by tagPolicy.required`,
        fix: `add ${required}: to products.${product}.tags, to this profile's tags:, or to the global tags:`,
      });
    }
  }
  for (const [tagKey, allowedValues] of Object.entries(config.tagPolicy.allowed)) {
    const value = merged[tagKey];
    if (value !== undefined && !allowedValues.includes(value)) {
      issues.push({
        path: tagPath(config, product, purpose, tagKey),
        message: `tag ${tagKey}: ${show(value)} is not allowed by tagPolicy.allowed`,
        allowed: allowedValues.join(", "),
        fix: didYouMean(value, allowedValues),
      });
    }
  }
  return issues;
}

/** Where a merged tag's value was written: the profile's tags, the product's, or the global ones. */
function tagPath(config: ProfilesConfig, product: string, purpose: string, tagKey: string): Path {
  if (config.products[product].profiles[purpose].tags?.[tagKey] !== undefined) {
    return profilePath(product, purpose, "tags", tagKey);
  }
  if (config.products[product].tags?.[tagKey] !== undefined) return ["products", product, "tags", tagKey];
  if (config.tags[tagKey] !== undefined) return ["tags", tagKey];
  return profilePath(product, purpose);
}

/**
 * The fix of a name clash: a template valid in every environment the profile lists, never a
 * literal (the same in every environment, and unchanged by a model upgrade).
 */
function uniqueNameFix(config: ProfilesConfig, mine: ResolvedProfile, withOthers: boolean): string {
  const { product, purpose, modelKey: model } = mine;
  const profile = config.products[product].profiles[purpose];
  const template = nameTemplateOf(purpose, profile);
  const fitting = templateFitting({ product, purpose, model }, profile.envs, PROFILE_NAME.max, template);
  if (withOthers && fitting?.includes("{purpose}")) {
    return `write name: ${show(fitting)}, which holds the purpose and follows the model and environment`;
  }
  if (withOthers) return "give one of them another name: template, e.g. one holding {purpose}";
  return profile.name === undefined || /\{env\}/.test(profile.name)
    ? "give these environments different accounts"
    : `write name: ${show(fitting ?? `${profile.name}-{env}`)}, which differs per environment and follows the model, or give these environments different accounts`;
}

/** Names are unique per account and region, across every stack sharing them. */
function checkUniqueNames(config: ProfilesConfig, resolved: readonly ResolvedProfile[]): ConfigIssue[] {
  const byPlace = new Map<string, ResolvedProfile[]>();
  for (const profile of resolved) {
    const place = nameSlot(profile.env, config.environments[profile.env].accountId, profile.region, profile.name);
    byPlace.set(place, [...(byPlace.get(place) ?? []), profile]);
  }
  const issues: ConfigIssue[] = [];
  for (const clash of byPlace.values()) {
    if (clash.length < 2) continue;
    const [{ name, region, env }] = clash;
    const account = config.environments[env].accountId;
    const where = `names are unique per account${account ? ` (${account})` : ""} and region (${region})`;
    for (const key of new Set(clash.map((profile) => profile.key))) {
      const mine = clash.filter((profile) => profile.key === key);
      const others = clash.filter((profile) => profile.key !== key);
      const [{ product, purpose }] = mine;
      const envs = mine.map((profile) => profile.env).join(" and ");
      const written = config.products[product].profiles[purpose].name !== undefined;
      issues.push({
        path: written ? profilePath(product, purpose, "name") : profilePath(product, purpose),
        atKey: !written,
        message:
          others.length > 0
            ? `profile name ${show(name)} in ${envs} is also used by ${others.map((other) => `products.${other.product}.profiles.${other.purpose} in ${other.env}`).join(" and ")}; ${where}`
            : `profile name ${show(name)} is used in both ${envs}, which share an account and region; ${where}`,
        fix: uniqueNameFix(config, mine[0], others.length > 0),
      });
    }
  }
  return issues;
}

/**
 * Every rule violation of a config that passed the shape check, in no particular order
 * (the loader sorts them by position).
 */
export function checkRules(config: ProfilesConfig, builtIn: ModelCatalog): ConfigIssue[] {
  const catalog = modelCatalog(builtIn, config);
  const issues: ConfigIssue[] = [
    ...checkEnvironments(config),
    ...checkCustomModels(config, builtIn),
    ...checkTagMap(config.tags, ["tags"]),
    ...checkEnvironmentSettings(config),
    ...checkImports(config),
    ...checkProfilePartitions(config),
    ...checkRegionSpelling(config, KNOWN_REGIONS),
    ...checkRepeatedEnvs(config),
  ];
  const resolved: ResolvedProfile[] = [];
  for (const [product, productConfig] of Object.entries(config.products)) {
    issues.push(...checkTagMap(productConfig.tags, ["products", product, "tags"]));
    for (const [purpose, profile] of Object.entries(productConfig.profiles)) {
      issues.push(...checkTagMap(profile.tags, profilePath(product, purpose, "tags")));
      const referenceIssues = checkReferences(config, catalog, product, purpose);
      issues.push(...referenceIssues);
      const placeholderIssues = checkNamePlaceholders(
        profilePath(product, purpose, "name"),
        nameTemplateOf(purpose, profile),
        profile.envs,
        { product, purpose, model: profile.model },
        PROFILE_NAME.max,
      );
      issues.push(...placeholderIssues);
      if (
        placeholderIssues.length > 0 ||
        !(profile.model in catalog) ||
        !offersGeography(catalog[profile.model], profile.geography ?? config.defaults.geography)
      )
        continue;
      for (const env of [...new Set(profile.envs)].filter((e) => e in config.environments)) {
        const one = resolveProfile(config, catalog, product, purpose, env);
        resolved.push(one);
        issues.push(...checkResolved(config, one));
      }
    }
  }
  issues.push(
    ...checkUniqueNames(config, resolved),
    ...checkUniqueAddresses(resolved),
    ...checkNamesPerStack(resolved),
  );
  issues.push(...checkBillingRules(config));
  return issues;
}

/**
 * Not errors, but worth a line on stderr: profiles on a model whose catalog entry carries a
 * lifecycle note (Legacy, end of life), so the team plans the upgrade before AWS retires it.
 */
export function lifecycleWarnings(config: ProfilesConfig, builtIn: ModelCatalog): ConfigIssue[] {
  const catalog = modelCatalog(builtIn, config);
  return Object.entries(config.products).flatMap(([product, productConfig]) =>
    Object.entries(productConfig.profiles).flatMap(([purpose, profile]): ConfigIssue[] => {
      const note = catalog[profile.model]?.note;
      return note === undefined
        ? []
        : [
            {
              path: profilePath(product, purpose, "model"),
              message: `${catalog[profile.model].name} (${profile.model}): ${note}`,
              fix: "plan a model upgrade (README: How a model upgrade works)",
            },
          ];
    }),
  );
}
