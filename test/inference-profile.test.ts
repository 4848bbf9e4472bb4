/**
 * The profile construct alone (`InferenceProfile`), synthesized with cdktf's `Testing.synthScope`
 * beside the whole-app tests of stacks.test.ts: what it writes for one resolved profile, and that
 * each value of a profile lands in the arguments its facts (`stacks/resource-facts.ts`) say, so
 * the review's reading of a change is the provider's.
 */
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import type { ResolvedProfile } from "../config/resolve.ts";
import { profileValueChanges } from "../review/profile-changes.ts";
import { InferenceProfile } from "../stacks/inference-profile.ts";
import { PROFILE_RESOURCE_FACTS, PROFILE_VALUE_ARGUMENTS } from "../stacks/resource-facts.ts";
import { configFrom, resolve, shopConfigYaml } from "./helpers.ts";

const ACCOUNT = "444444444444";

/** The one profile of a config whose `shop/main` profile has `settings` (YAML flow mapping entries). */
function shopMain(settings: string): ResolvedProfile {
  const [prod] = resolve(
    configFrom(
      shopConfigYaml({ region: "eu-central-1", tags: "{ team: shop }", profile: `envs: [prod], ${settings}` }),
    ),
  );
  return prod.profiles[0];
}

/** The construct's synthesized JSON, in a stack whose provider region is eu-central-1. */
// biome-ignore lint/suspicious/noExplicitAny: synthesized Terraform JSON is read structurally
function synthProfile(profile: ResolvedProfile): any {
  return JSON.parse(
    Testing.synthScope((scope) => {
      new InferenceProfile(scope, profile.address, { profile, stackRegion: "eu-central-1", accountId: ACCOUNT });
    }),
  );
}

const BASE = "model: claude-sonnet-45, description: Shop assistant";
const synthesized = synthProfile(shopMain(BASE));
const resource = synthesized.resource.aws_bedrock_inference_profile["shop-main"];

describe("InferenceProfile", () => {
  it("names the profile from the name template", () => {
    expect(resource.name).toBe("shop-claude-sonnet-45-prod");
  });

  it("copies from the geography's system profile in the environment's account and region", () => {
    expect(resource.model_source).toEqual([
      {
        copy_from: `arn:aws:bedrock:eu-central-1:${ACCOUNT}:inference-profile/eu.anthropic.claude-sonnet-4-5-20250929-v1:0`,
      },
    ]);
    expect(resource.description).toBe("Shop assistant");
    expect(resource.region).toBeUndefined();
  });

  it("tags the profile and both parameters with the product and its tags", () => {
    const tags = { product: "shop", team: "shop" };
    expect(resource.tags).toEqual(tags);
    expect(synthesized.resource.aws_ssm_parameter["shop-main"].tags).toEqual(tags);
    expect(synthesized.resource.aws_ssm_parameter["shop-main-model-id"].tags).toEqual(tags);
  });

  it("creates the replacement before destroying the old profile, as its facts declare", () => {
    expect(resource.lifecycle).toEqual({ create_before_destroy: true });
    expect(PROFILE_RESOURCE_FACTS.createBeforeDestroy).toBe(true);
    expect(PROFILE_RESOURCE_FACTS.ignoreChanges).toEqual([]);
  });

  it("stores the ARN and the base model ID in SSM parameters at stable addresses", () => {
    expect(synthesized.resource.aws_ssm_parameter).toEqual({
      "shop-main": {
        description: "ARN of the Bedrock application inference profile shop/main in prod",
        name: "/prod/shop/bedrock/inference-profile-arn",
        tags: { product: "shop", team: "shop" },
        type: "String",
        value: "${aws_bedrock_inference_profile.shop-main.arn}",
      },
      "shop-main-model-id": {
        description: "Base model ID of the Bedrock application inference profile shop/main in prod",
        name: "/prod/shop/bedrock/inference-profile-model-id",
        tags: { product: "shop", team: "shop" },
        type: "String",
        value: "anthropic.claude-sonnet-4-5-20250929-v1:0",
      },
    });
  });

  it("sets region on the profile and its parameters only where the profile's differs from the stack's", () => {
    const elsewhere = synthProfile(shopMain(`${BASE}, region: eu-west-1`));
    expect(elsewhere.resource.aws_bedrock_inference_profile["shop-main"].region).toBe("eu-west-1");
    expect(elsewhere.resource.aws_ssm_parameter["shop-main"].region).toBe("eu-west-1");
    expect(elsewhere.resource.aws_ssm_parameter["shop-main-model-id"].region).toBe("eu-west-1");
  });

  it("makes the profile and its two parameters, and no data source: the consumer policy is the output's text", () => {
    expect(Object.keys(synthesized.resource)).toEqual(["aws_bedrock_inference_profile", "aws_ssm_parameter"]);
    expect(Object.keys(synthesized.resource.aws_ssm_parameter)).toEqual(["shop-main", "shop-main-model-id"]);
    expect(synthesized.data).toBeUndefined();
  });
});

describe("each value of a profile", () => {
  // A literal name keeps the model out of it, so each variant changes one value only.
  const base = `name: shop-main, ${BASE}`;
  const variants = {
    model: `name: shop-main, model: claude-opus-45, description: Shop assistant`,
    name: `name: shop-assistant, ${BASE}`,
    description: `name: shop-main, model: claude-sonnet-45, description: Shop helper`,
    geography: `${base}, geography: global`,
    region: `${base}, region: eu-west-1`,
  } as const;
  const before = shopMain(base);
  const beforeResource = synthProfile(before).resource.aws_bedrock_inference_profile["shop-main"];

  for (const [field, settings] of Object.entries(variants) as [keyof typeof variants, string][]) {
    it(`lands in the arguments its facts name, and the review reads it as that change: ${field}`, () => {
      const after = shopMain(settings);
      const afterResource = synthProfile(after).resource.aws_bedrock_inference_profile["shop-main"];
      const keys = [...new Set([...Object.keys(beforeResource), ...Object.keys(afterResource)])].sort();
      const changed = keys.filter((key) => JSON.stringify(beforeResource[key]) !== JSON.stringify(afterResource[key]));
      expect(changed).toEqual([...PROFILE_VALUE_ARGUMENTS[field]]);
      const review = profileValueChanges(before, after, { before: ACCOUNT, after: ACCOUNT });
      expect([...review.causes, ...review.ignored, ...review.inPlace].map((c) => c.field)).toEqual([field]);
    });
  }
});
