/**
 * Rules on the config as written: environment keys, the `models:` additions, tag maps, and what
 * each profile refers to (its environments, model, geography and region). Registered in `rules.ts`.
 */
import { MODEL_ID, PROFILE_NAME, SSM_NAME, TAG } from "./aws-limits.ts";
import { GEOGRAPHIES, type Geography, offersGeography, sourceRegions } from "./catalog.ts";
import { type ConfigIssue, type ConfigPath, didYouMean, listSome, show } from "./errors.ts";
import { checkNamePlaceholders } from "./name-rules.ts";
import { environmentRegion, nameTemplateOf } from "./resolve.ts";
import type { EntryRule, FileRule } from "./rule-context.ts";

/** Fold a string into one AWS accepts as a tag key or value: accents dropped, other characters removed. */
function tagSuggestion(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-zA-Z0-9\s._:/=+@-]+/g, "")
    .trim();
}

/** Whether Bedrock accepts `key` as a tag key (its length and characters; the reserved prefix apart). */
export function isTagKey(key: string): boolean {
  return key.length >= 1 && key.length <= TAG.maxKey && TAG.pattern.test(key);
}

/** Whether `key` has the prefix AWS keeps for its own tags, in any case. */
export function isReservedTagKey(key: string): boolean {
  return key.toLowerCase().startsWith(TAG.reservedPrefix);
}

/** The key of a tag against Bedrock's pattern and its reserved prefix. */
function tagKeyIssues(key: string, path: ConfigPath): ConfigIssue[] {
  if (!isTagKey(key)) {
    const suggestion = tagSuggestion(key);
    return [
      {
        path,
        atKey: true,
        message: `tag key ${show(key)} is not accepted by Bedrock`,
        allowed: `1-${TAG.maxKey} characters: ${TAG.allowed}`,
        fix: suggestion === "" ? "rename the key" : `write the key as ${show(suggestion.slice(0, TAG.maxKey))}`,
      },
    ];
  }
  if (!isReservedTagKey(key)) return [];
  return [
    {
      path,
      atKey: true,
      message: `tag key ${show(key)} uses the prefix "aws:", which AWS reserves for its own tags`,
      fix: `rename the key, e.g. ${show(key.slice(TAG.reservedPrefix.length))}`,
    },
  ];
}

/** Tag keys and values against Bedrock's patterns; `where` is the path of the tags map. */
function checkTagMap(tags: Readonly<Record<string, string>> | undefined, where: ConfigPath): ConfigIssue[] {
  return Object.entries(tags ?? {}).flatMap(([key, value]): ConfigIssue[] => [
    ...tagKeyIssues(key, [...where, key]),
    ...(value.length > TAG.maxValue || !TAG.pattern.test(value)
      ? [
          {
            path: [...where, key],
            message: `tag value ${show(value)} is not accepted by Bedrock`,
            allowed: `0-${TAG.maxValue} characters: ${TAG.allowed}`,
            fix: `write ${key}: ${show(tagSuggestion(value).slice(0, TAG.maxValue))}`,
          },
        ]
      : []),
  ]);
}

/** The global `tags:`. */
export const globalTags: FileRule = ({ config }) => checkTagMap(config.tags, ["tags"]);

/** Each product's `tags:`. */
export const productTags: FileRule = ({ config }) =>
  Object.entries(config.products).flatMap(([product, { tags }]) => checkTagMap(tags, ["products", product, "tags"]));

/** A profile's own `tags:`. */
export const profileTags: EntryRule = ({ profile, origin }) => checkTagMap(profile.tags, [...origin.profile, "tags"]);

/** Environment keys become the first level of SSM parameter names, which may not start with aws or ssm. */
export const environmentNames: FileRule = ({ config }) =>
  Object.keys(config.environments).flatMap((env): ConfigIssue[] =>
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

/** The `models:` additions: new keys, and foundation model IDs rather than profile IDs or ARNs. */
export const customModels: FileRule = ({ config, builtIn }) =>
  Object.entries(config.models).flatMap(([key, model]): ConfigIssue[] => {
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
    if (
      (GEOGRAPHIES as readonly string[]).includes(prefix) &&
      MODEL_ID.pattern.test(model.id.slice(prefix.length + 1))
    ) {
      issues.push({
        path: ["models", key, "id"],
        message: `${show(model.id)} is the ID of the ${prefix} cross-region profile, not of a foundation model`,
        allowed: "the foundation model ID, e.g. anthropic.claude-opus-4-6-v1; the tool adds the geography prefix",
        fix: `write id: ${model.id.slice(prefix.length + 1)} and list ${prefix} under geographies:`,
      });
    } else if (!MODEL_ID.pattern.test(model.id)) {
      issues.push({
        path: ["models", key, "id"],
        message: `${show(model.id)} is not a Bedrock model ID`,
        allowed: MODEL_ID.allowed,
        fix: /^(arn:|[a-z-]+\.[a-z]+\.)/.test(model.id)
          ? "give the foundation model ID alone: no ARN, no geography prefix such as eu."
          : undefined,
      });
    }
    return issues;
  });

/** Each environment a profile lists exists. */
export const knownEnvironments: EntryRule = ({ profile, origin }, { config }) =>
  profile.envs.flatMap((env, index): ConfigIssue[] =>
    env in config.environments
      ? []
      : [
          {
            path: [...origin.profile, "envs", index],
            message: `unknown environment ${show(env)}`,
            allowed: listSome(Object.keys(config.environments)),
            fix: didYouMean(env, Object.keys(config.environments)) ?? "add it under environments: or remove it here",
          },
        ],
  );

/** A profile's model is in the catalog. */
export const knownModel: EntryRule = ({ profile, origin }, { catalog }) =>
  profile.model in catalog
    ? []
    : [
        {
          path: origin.model,
          message: `unknown model ${show(profile.model)}`,
          allowed: `a key of the model catalog: ${listSome(Object.keys(catalog).sort(), 40)}`,
          fix:
            didYouMean(profile.model, Object.keys(catalog)) ??
            "add the model under models: with its id and geographies",
        },
      ];

/** A known model has a profile in the profile's geography. */
export const offeredGeography: EntryRule = ({ profile, origin }, { config, catalog }) => {
  const model = catalog[profile.model];
  const geography = profile.geography ?? config.defaults.geography;
  if (model === undefined || offersGeography(model, geography)) return [];
  const offered = Object.keys(model.geographies);
  return [
    {
      path: origin.geography.path,
      message: `${model.name} (${profile.model}) has no ${geography} cross-region profile`,
      allowed: `geographies offering it: ${[...offered, "none"].join(", ")}`,
      fix:
        offered.length > 0
          ? `set geography: ${offered[0]} on this profile, or geography: none for the foundation model in one region, or choose another model`
          : "set geography: none on this profile (single-region foundation model), or choose another model",
    },
  ];
};

/** The region of a profile in each of its environments is a source region of its geography's profile. */
export const sourceRegion: EntryRule = ({ profile, origin }, { config, catalog }) => {
  const model = catalog[profile.model];
  const geography = profile.geography ?? config.defaults.geography;
  if (model === undefined || !offersGeography(model, geography)) return [];
  const sources = sourceRegions(model, geography);
  if (sources === undefined) return [];
  return profile.envs
    .filter((env) => env in config.environments)
    .flatMap((env): ConfigIssue[] => {
      const region = profile.region ?? environmentRegion(config, config.environments[env]);
      if (sources.includes(region)) return [];
      const servingRegion = Object.keys(model.geographies).filter((geo) =>
        sourceRegions(model, geo as Geography)?.includes(region),
      );
      return [
        {
          path: origin.region.path,
          atKey: origin.region.atKey,
          message: `${region} (${origin.region.inherited ? `region of environment ${env}` : "region"}) is not a source region of the ${geography} profile for ${model.name}`,
          allowed: `source regions: ${sources.join(", ")}`,
          fix: `set region: to one of them${servingRegion.length > 0 ? `, or geography: ${servingRegion.join(" or ")}, which ${region} can call` : ", or choose another geography"}`,
        },
      ];
    });
};

/** `{modle}` in a `name:` template. */
export const namePlaceholders: EntryRule = ({ product, purpose, profile, origin }) =>
  checkNamePlaceholders(
    [...origin.profile, "name"],
    nameTemplateOf(purpose, profile),
    profile.envs,
    { product, purpose, model: profile.model },
    PROFILE_NAME.max,
  );
