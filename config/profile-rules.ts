/**
 * Rules on the values a resolved profile synthesizes, before anything is synthesized: each
 * checks the value `resolve.ts` made, so a default AWS would
 * refuse is caught as surely as a typed one, and points where the profile's origins say it was
 * written. Registered in `rules.ts`.
 */
import { COPY_FROM, DESCRIPTION, EXAMPLE_ACCOUNT_ID, PROFILE_NAME, SSM_NAME, TAG } from "./aws-limits.ts";
import { type ConfigIssue, didYouMean, show } from "./errors.ts";
import { templateFitting } from "./name-rules.ts";
import { defaultTags, formatArn, nameSlot, nameTemplateOf, type ResolvedProfile, ssmParameterArn } from "./resolve.ts";
import { clashes, type FileRule, type ProfileRule, type RuleContext } from "./rule-context.ts";

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

/** The profile as written that `resolved` was resolved from. */
function entryOf(resolved: ResolvedProfile, { entries }: RuleContext) {
  const entry = entries.get(resolved.key);
  if (entry === undefined) throw new Error(`no entry for the resolved profile ${resolved.key}`);
  return entry;
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

/** The profile name Bedrock will be sent. */
export const profileName: ProfileRule = (resolved, context) => {
  if (resolved.name.length <= PROFILE_NAME.max && PROFILE_NAME.pattern.test(resolved.name)) return [];
  const { profile } = entryOf(resolved, context);
  const { name: origin } = resolved.origin;
  const written = profile.name ?? "";
  return [
    {
      path: origin.path,
      atKey: origin.atKey,
      message: `profile name ${show(resolved.name)}${origin.inherited ? " (the default)" : ""} is not accepted by Bedrock`,
      allowed: PROFILE_NAME.allowed,
      fix:
        resolved.name.length > PROFILE_NAME.max
          ? shorterNameFix(resolved, profile.envs, nameTemplateOf(resolved.purpose, profile))
          : `write name: ${/\{(product|purpose|model|env)\}/.test(written) ? show(templateSuggestion(written)) : nameSuggestion(resolved.name)}`,
    },
  ];
};

/** The description Bedrock will be sent, when one is. */
export const profileDescription: ProfileRule = ({ description, origin }) => {
  if (description === undefined || (description.length <= DESCRIPTION.max && DESCRIPTION.pattern.test(description))) {
    return [];
  }
  const suggestion = descriptionSuggestion(description);
  return [
    {
      path: origin.description.path,
      atKey: origin.description.atKey,
      message: `description ${show(description)} is not accepted by Bedrock`,
      allowed: DESCRIPTION.allowed,
      fix: suggestion === "" ? "remove the description" : `write description: ${suggestion}`,
    },
  ];
};

/** The model source ARN (`copy_from`), its account filled in as it will be at plan time. */
export const modelSource: ProfileRule = ({ copyFrom, origin }) => {
  const arn = formatArn(copyFrom, EXAMPLE_ACCOUNT_ID);
  if (arn.length <= COPY_FROM.max && COPY_FROM.pattern.test(arn)) return [];
  return [
    {
      path: origin.model,
      message: `model source ${show(arn)} is not a valid copy_from ARN`,
      allowed: COPY_FROM.allowed,
      fix: "check the region and the model's id it is made of",
    },
  ];
};

/** Whether SSM accepts a parameter `name` whose ARN is `arnLength` characters long. */
function ssmAccepts(name: string, arnLength: number): boolean {
  return (
    SSM_NAME.pattern.test(name) &&
    name.split("/").filter((part) => part !== "").length <= SSM_NAME.maxLevels &&
    arnLength <= SSM_NAME.maxWithArn
  );
}

/** Both SSM parameters of the profile; the model ID's name is the longer, so the ARN's is reported first. */
export const ssmParameterNames: ProfileRule = (resolved, { config }) => {
  const { accountId } = config.environments[resolved.env];
  const bad = [resolved.ssmParameterName, resolved.modelIdParameterName].find(
    (name) =>
      !ssmAccepts(name, formatArn(ssmParameterArn(resolved.region, accountId, name), EXAMPLE_ACCOUNT_ID).length),
  );
  if (bad === undefined) return [];
  return [
    {
      path: resolved.origin.profile,
      atKey: true,
      message: `SSM parameter name ${show(bad)} is not accepted by SSM`,
      allowed: SSM_NAME.allowed,
      fix: "shorten the environment, product or purpose key",
    },
  ];
};

/** The product and environment keys become tag values no one typed: check them as Bedrock will. */
export const keysAsTagValues: ProfileRule = (resolved) =>
  (
    [
      ["product", resolved.tags.product, ["products", resolved.product]],
      ["env", resolved.env, ["environments", resolved.env]],
    ] as const
  ).flatMap(([tag, value, path]): ConfigIssue[] =>
    value.length > TAG.maxValue
      ? [
          {
            path,
            atKey: true,
            message: `the key ${show(value)} becomes the value of the tag ${tag}, and Bedrock allows ${TAG.maxValue} characters (${value.length} now)`,
            fix: "choose a shorter key",
          },
        ]
      : [],
  );

/** The merged tags of each resolved profile, made once for the three tag rules. */
const merged = new WeakMap<ResolvedProfile, Readonly<Record<string, string>>>();

/** The tags of the resource: the provider's default_tags merged under the profile's own. */
function mergedTags(resolved: ResolvedProfile, { config }: RuleContext): Readonly<Record<string, string>> {
  let tags = merged.get(resolved);
  if (tags === undefined) {
    tags = { ...defaultTags(config, resolved.env), ...resolved.tags };
    merged.set(resolved, tags);
  }
  return tags;
}

/** At most 50 tags per resource, default_tags included. */
export const tagCount: ProfileRule = (resolved, context) => {
  const count = Object.keys(mergedTags(resolved, context)).length;
  if (count <= TAG.maxPerResource) return [];
  return [
    {
      path: resolved.origin.profile,
      atKey: true,
      message: `profile has ${count} tags after merging the provider's default_tags; Bedrock allows ${TAG.maxPerResource} per resource`,
      fix: `remove ${count - TAG.maxPerResource} tag(s) from tags:, products.${resolved.product}.tags or this profile's tags:`,
    },
  ];
};

/** Every tag of `tagPolicy.required`. */
export const requiredTags: ProfileRule = (resolved, context) => {
  const tags = mergedTags(resolved, context);
  return context.config.tagPolicy.required
    .filter((required) => !(required in tags))
    .map((required) => ({
      path: resolved.origin.profile,
      atKey: true,
      message: `profile lacks the tag ${show(required)} required by tagPolicy.required`,
      fix: `add ${required}: to products.${resolved.product}.tags, to this profile's tags:, or to the global tags:`,
    }));
};

/** Each tag `tagPolicy.allowed` lists has one of its values, pointed at where the value was written. */
export const allowedTagValues: ProfileRule = (resolved, context) => {
  const tags = mergedTags(resolved, context);
  return Object.entries(context.config.tagPolicy.allowed).flatMap(([tagKey, allowedValues]): ConfigIssue[] => {
    const value = tags[tagKey];
    if (value === undefined || allowedValues.includes(value)) return [];
    return [
      {
        path: resolved.origin.tags[tagKey] ?? resolved.origin.profile,
        message: `tag ${tagKey}: ${show(value)} is not allowed by tagPolicy.allowed`,
        allowed: allowedValues.join(", "),
        fix: didYouMean(value, allowedValues),
      },
    ];
  });
};

/**
 * The fix of a name clash: a template valid in every environment the profile lists, never a
 * literal (the same in every environment, and unchanged by a model upgrade).
 */
function uniqueNameFix(mine: ResolvedProfile, withOthers: boolean, context: RuleContext): string {
  const { product, purpose, modelKey: model } = mine;
  const { profile } = entryOf(mine, context);
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
export const uniqueNames: FileRule = (context) => {
  const { config, resolved } = context;
  const accountOf = (env: string) => config.environments[env].accountId;
  return clashes(resolved, (p) => nameSlot(p.env, accountOf(p.env), p.region, p.name)).flatMap((clash) => {
    const [{ name, region, env }] = clash;
    const account = accountOf(env);
    const where = `names are unique per account${account ? ` (${account})` : ""} and region (${region})`;
    return [...new Set(clash.map((profile) => profile.key))].map((key): ConfigIssue => {
      const mine = clash.filter((profile) => profile.key === key);
      const others = clash.filter((profile) => profile.key !== key);
      const envs = mine.map((profile) => profile.env).join(" and ");
      return {
        path: mine[0].origin.name.path,
        atKey: mine[0].origin.name.atKey,
        message:
          others.length > 0
            ? `profile name ${show(name)} in ${envs} is also used by ${others.map((other) => `products.${other.product}.profiles.${other.purpose} in ${other.env}`).join(" and ")}; ${where}`
            : `profile name ${show(name)} is used in both ${envs}, which share an account and region; ${where}`,
        fix: uniqueNameFix(mine[0], others.length > 0, context),
      };
    });
  });
};
