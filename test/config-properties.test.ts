/**
 * Property: any config built from valid and invalid parts is either refused with a located
 * message for every problem, or synthesizes JSON whose every value AWS accepts. Never another
 * exception, never an invalid value passed through.
 *
 * The AWS constraints are written out here from their AWS sources (docs/rules.md) rather
 * than imported from config/rules.ts: a test that borrowed the rules' own patterns would pass
 * whatever those patterns said.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { BUILT_IN_MODELS, GEOGRAPHIES } from "../config/catalog.ts";
import { ConfigError } from "../config/errors.ts";
import { parseConfig } from "../config/loader.ts";
import { formatArn } from "../config/resolve.ts";
import type { ProfilesConfig } from "../config/schema.ts";
import { resolve, type SynthesizedStack, synth } from "./helpers.ts";

/** CreateInferenceProfile, SSM PutParameter and Bedrock TagResource, as AWS documents them. */
const AWS = {
  name: (value: string) => value.length >= 1 && value.length <= 64 && /^([0-9a-zA-Z][ _-]?)+$/.test(value),
  description: (value: string) => value.length >= 1 && value.length <= 200 && /^([0-9a-zA-Z:.][ _-]?)+$/.test(value),
  copyFrom: (value: string) =>
    value.length <= 2048 &&
    /^arn:aws(|-us-gov|-cn|-iso|-iso-b):bedrock:(|[0-9a-z-]{0,20}):(|[0-9]{12}):(inference-profile|foundation-model)\/[a-zA-Z0-9-:.]+$/.test(
      value,
    ),
  tagKey: (key: string) =>
    key.length >= 1 && key.length <= 128 && /^[a-zA-Z0-9\s._:/=+@-]*$/.test(key) && !/^aws:/i.test(key),
  tagValue: (value: string) => value.length <= 256 && /^[a-zA-Z0-9\s._:/=+@-]*$/.test(value),
  tagsPerResource: 50,
  // 1011 characters counted with the ARN prefix `arn:aws:ssm:<region>:<account>:parameter`.
  ssmName: (name: string, region: string) =>
    /^[a-zA-Z0-9_.\-/]+$/.test(name) &&
    !/^\/?(aws|ssm)/i.test(name) &&
    name.split("/").filter((level) => level !== "").length <= 15 &&
    `arn:aws:ssm:${region}:123456789012:parameter`.length + name.length <= 1011,
};

/** A valid part most of the time, an invalid one sometimes. */
function mostly<T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 15, arbitrary: valid }, { weight: 1, arbitrary: invalid });
}

/** For parts that come in dozens (tags): invalid rarely, so that many configs are still accepted. */
function rarely<T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 40, arbitrary: valid }, { weight: 1, arbitrary: invalid });
}

/** Characters a person types into a description, a name or a tag, including the ones AWS refuses. */
const anyText = (maxLength: number) =>
  fc.string({ unit: fc.constantFrom(..."aZ09 .:-_,()/—é\t@+=".split("")), maxLength });
const words = (maxWords: number) =>
  fc.array(fc.stringMatching(/^[a-zA-Z0-9]{1,8}$/), { minLength: 1, maxLength: maxWords }).map((w) => w.join(" "));

const BUILT_IN_KEYS = Object.keys(BUILT_IN_MODELS);
const misspelledModel = fc
  .constantFrom(...BUILT_IN_KEYS)
  .chain((key) => fc.nat({ max: key.length - 1 }).map((at) => key.slice(0, at) + key.slice(at + 1)));
const region = fc.constantFrom("eu-central-1", "eu-west-1", "us-east-1", "ap-south-1");
const badRegion = fc.constantFrom("Frankfurt", "eu-centralnorthwestern-1", "us-gov-west-1");

/** A model with where it runs: coherent most of the time, any mix of catalog and typo otherwise. */
const placement = mostly<{ model: string; geography?: string; region?: string }>(
  fc.constantFrom(
    { model: "claude-sonnet-45" },
    { model: "claude-haiku-45", region: "eu-west-1" },
    { model: "nova-pro", geography: "none", region: "us-east-1" },
    { model: "claude-haiku-35", geography: "us", region: "us-east-1" },
    { model: "claude-sonnet-4", geography: "global" },
    { model: "custom" },
  ),
  fc.record(
    {
      model: fc.oneof(fc.constantFrom(...BUILT_IN_KEYS, "custom"), misspelledModel),
      geography: fc.constantFrom(...GEOGRAPHIES, "europe"),
      region: fc.oneof(region, badRegion),
    },
    { requiredKeys: ["model"] },
  ),
);
const accountId = mostly<unknown>(
  fc.constantFrom("111111111111", "222222222222"),
  fc.constantFrom(111111111111, "12345", "01234567890a"),
);
const validTagKey = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
const validTagValue = fc.stringMatching(/^[a-zA-Z0-9 ._:/=+@-]{0,20}$/);
const tagKey = rarely(validTagKey, fc.constantFrom("aws:team", "AWS:x", "cost center!", "größe"));
const tagValue = rarely(validTagValue, anyText(300));
const tags = (maxKeys: number) => fc.dictionary(tagKey, tagValue, { maxKeys });
const environment = fc.record(
  { accountId, region: mostly(fc.constantFrom("eu-central-1", "eu-west-1"), fc.oneof(region, badRegion)) },
  { requiredKeys: [] },
);

const profile = fc
  .record(
    {
      placement,
      envs: mostly<string[]>(
        fc.constantFrom(["dev"], ["dev", "pre"], ["pre"]),
        fc.uniqueArray(fc.constantFrom("dev", "pre", "prod", "prdo", "aws-sandbox"), { maxLength: 3 }),
      ),
      // Mostly the default name: two environments sharing an account would clash on a fixed one.
      name: fc.oneof(
        { weight: 4, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: mostly(fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}$/), anyText(70)) },
      ),
      description: mostly(words(8), anyText(220)),
      tags: tags(4),
    },
    { requiredKeys: ["placement", "envs"] },
  )
  .map(({ placement, ...rest }) => ({ ...placement, ...rest }));

const config = fc.record(
  {
    version: mostly<unknown>(fc.constant(1), fc.constant("1")),
    defaults: fc.record({
      region: mostly(fc.constant("eu-central-1"), badRegion),
      geography: mostly(fc.constant("eu"), fc.constantFrom(...GEOGRAPHIES)),
    }),
    tagPolicy: fc.record({
      required: fc.subarray(["product", "env", "billing-mode"]),
      allowed: fc.constant({ "billing-mode": ["client", "saas", "rd"] }),
    }),
    // 46 to 49 global tags at times: with env, product and a product's tags, near and past Bedrock's 50.
    tags: fc.oneof(
      { weight: 4, arbitrary: tags(4) },
      { weight: 1, arbitrary: fc.dictionary(validTagKey, validTagValue, { minKeys: 46, maxKeys: 49 }) },
    ),
    environments: fc
      .record({
        dev: environment,
        pre: environment,
        third: fc.option(
          fc.tuple(mostly(fc.constant("prod"), fc.constantFrom("aws-sandbox", "ssm-test", "Prod")), environment),
          { nil: undefined },
        ),
      })
      .map(({ dev, pre, third }) => ({
        dev,
        pre,
        ...(third === undefined ? {} : { [third[0]]: third[1] }),
      })),
    models: fc.record({
      custom: fc.record({
        id: mostly(
          fc.constant("anthropic.claude-opus-4-6-v1"),
          fc.constantFrom(
            "eu.anthropic.claude-haiku-3-5-20241022-v1:0",
            "arn:aws:bedrock:::foundation-model/x.y",
            "Opus",
          ),
        ),
        geographies: mostly<readonly string[]>(fc.constantFrom(["eu"], ["eu", "us"]), fc.constant([])),
      }),
    }),
    products: fc.dictionary(
      mostly(fc.stringMatching(/^[a-z]{1,8}(-[a-z0-9]{1,5})?$/), fc.constantFrom("Bad_Key", "agents-")),
      fc.record({
        tags: fc.record({ "billing-mode": mostly(fc.constantFrom("client", "saas"), fc.constant("clinet")) }),
        profiles: fc.dictionary(fc.stringMatching(/^[a-z]{1,10}$/), profile, { minKeys: 1, maxKeys: 2 }),
      }),
      { minKeys: 1, maxKeys: 2 },
    ),
  },
  { requiredKeys: ["version", "defaults", "environments", "products"] },
);

/** The outcome of a random config: accepted, or refused with its report. */
function check(yaml: string): ProfilesConfig | ConfigError {
  try {
    return parseConfig(yaml, "random.yaml");
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw new Error(`a crash, not a config error, for:\n${yaml}`, { cause: error });
  }
}

/** The values of an `aws_bedrock_inference_profile` that AWS checks. */
interface SynthesizedProfile {
  readonly name: string;
  readonly description?: string;
  readonly model_source: readonly { readonly copy_from: string }[];
  readonly tags?: Readonly<Record<string, string>>;
}

/** Every value of one synthesized stack that AWS would refuse, as readable lines. */
function refusedValues(stack: SynthesizedStack): string[] {
  const { json } = stack;
  const problems: string[] = [];
  const [provider] = json.provider.aws;
  const defaultTags: Record<string, string> = provider.default_tags?.[0]?.tags ?? {};
  for (const [address, profile] of Object.entries<SynthesizedProfile>(
    json.resource?.aws_bedrock_inference_profile ?? {},
  )) {
    const { name, description, model_source, tags: own } = profile;
    const copyFrom = model_source[0].copy_from.replace(
      "${data.aws_caller_identity.current.account_id}",
      "123456789012",
    );
    const merged = { ...defaultTags, ...own };
    if (!AWS.name(name)) problems.push(`${address} name ${name}`);
    if (description !== undefined && !AWS.description(description))
      problems.push(`${address} description ${description}`);
    if (!AWS.copyFrom(copyFrom)) problems.push(`${address} copy_from ${copyFrom}`);
    if (Object.keys(merged).length > AWS.tagsPerResource)
      problems.push(`${address} has ${Object.keys(merged).length} tags`);
    for (const [key, value] of Object.entries(merged)) {
      if (!AWS.tagKey(key) || !AWS.tagValue(value)) problems.push(`${address} tag ${key}: ${value}`);
    }
  }
  for (const [address, parameter] of Object.entries<{ name: string }>(json.resource?.aws_ssm_parameter ?? {})) {
    if (!AWS.ssmName(parameter.name, provider.region)) problems.push(`${address} SSM name ${parameter.name}`);
  }
  return problems;
}

describe("random configs from valid and invalid parts", () => {
  it("are refused with a located message for every problem, or every resolved value meets AWS's constraints", () => {
    fc.assert(
      fc.property(config, (input) => {
        const outcome = check(stringify(input));
        if (outcome instanceof ConfigError) {
          expect(outcome.issues.length).toBeGreaterThan(0);
          for (const issue of outcome.issues) {
            expect(issue.position, issue.message).toBeDefined();
            expect(issue.message).not.toBe("");
          }
          return;
        }
        for (const environment of resolve(outcome)) {
          for (const profile of environment.profiles) {
            const tags = Object.entries({ ...environment.defaultTags, ...profile.tags });
            const copyFrom = formatArn(profile.copyFrom, "123456789012");
            expect(AWS.name(profile.name), profile.name).toBe(true);
            if (profile.description !== undefined) expect(AWS.description(profile.description)).toBe(true);
            expect(AWS.copyFrom(copyFrom), copyFrom).toBe(true);
            expect(tags.length).toBeLessThanOrEqual(AWS.tagsPerResource);
            expect(tags.filter(([key, value]) => !AWS.tagKey(key) || !AWS.tagValue(value))).toEqual([]);
            expect(AWS.ssmName(profile.ssmParameterName, profile.region), profile.ssmParameterName).toBe(true);
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  it("that are accepted synthesize JSON whose every value AWS accepts", () => {
    // Synthesizing costs far more than checking: a few accepted configs are enough here.
    let synthesized = 0;
    fc.assert(
      fc.property(config, (input) => {
        const outcome = check(stringify(input));
        if (outcome instanceof ConfigError || synthesized >= 6) return;
        synthesized++;
        for (const [name, stack] of Object.entries(synth(outcome))) expect(refusedValues(stack), name).toEqual([]);
      }),
      { numRuns: 30 },
    );
    expect(synthesized).toBeGreaterThan(0);
  });
});
