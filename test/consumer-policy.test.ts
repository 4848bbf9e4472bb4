/**
 * The consumer policy of each shape of profile, pinned statement by statement: the pure
 * function, and the JSON text the stack's `consumer_iam_policies` output holds.
 */
import { describe, expect, it } from "vitest";
import { consumerPolicyStatements, iamPolicyDocument } from "../config/consumer-policy.ts";
import type { ResolvedProfile } from "../config/resolve.ts";
import { fixtureConfig, resolve, synth } from "./helpers.ts";

const config = fixtureConfig("consumer-policy-shapes.yaml");
const environments = resolve(config);

/** The resolved profile `key` of `env` in the fixture. */
function profileOf(env: string, key: string): ResolvedProfile {
  const found = environments.find((e) => e.env === env)?.profiles.find((p) => p.key === key);
  if (found === undefined) throw new Error(`no ${key} in ${env}`);
  return found;
}

const PROFILE_ARN = "arn:aws:bedrock:eu-central-1:444444444444:application-inference-profile/abc123";
const ACTIONS = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];
const SONNET_45 = "anthropic.claude-sonnet-4-5-20250929-v1:0";

const THROUGH_PROFILE = { test: "StringEquals", variable: "bedrock:InferenceProfileArn", values: [PROFILE_ARN] };
const inRegion = (region: string) => ({ test: "StringEquals", variable: "aws:RequestedRegion", values: [region] });

describe("consumerPolicyStatements", () => {
  it("cross-region EU: the two profiles, then the model in each EU destination region only through the application profile", () => {
    const systemProfile = `arn:aws:bedrock:eu-central-1:444444444444:inference-profile/eu.${SONNET_45}`;
    expect(
      consumerPolicyStatements(profileOf("prod", "shop/main"), { profileArn: PROFILE_ARN, accountId: "444444444444" }),
    ).toEqual([
      { sid: "InvokeProfile", actions: ACTIONS, resources: [PROFILE_ARN, systemProfile] },
      {
        sid: "InvokeModelThroughProfile",
        actions: ACTIONS,
        resources: ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"].map(
          (region) => `arn:aws:bedrock:${region}::foundation-model/${SONNET_45}`,
        ),
        conditions: [THROUGH_PROFILE],
      },
    ]);
  });

  it("single-region (geography none): the profile, and the foundation model in its region through it only", () => {
    expect(
      consumerPolicyStatements(profileOf("prod", "shop/single"), {
        profileArn: PROFILE_ARN,
        accountId: "444444444444",
      }),
    ).toEqual([
      { sid: "InvokeProfile", actions: ACTIONS, resources: [PROFILE_ARN] },
      {
        sid: "InvokeModelThroughProfile",
        actions: ACTIONS,
        resources: ["arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"],
        conditions: [THROUGH_PROFILE],
      },
    ]);
  });

  it("global: AWS's three-part form, the models only through the application profile", () => {
    const model = "anthropic.claude-haiku-4-5-20251001-v1:0";
    expect(
      consumerPolicyStatements(profileOf("prod", "shop/worldwide"), {
        profileArn: PROFILE_ARN,
        accountId: "444444444444",
      }),
    ).toEqual([
      { sid: "InvokeProfile", actions: ACTIONS, resources: [PROFILE_ARN] },
      {
        sid: "InvokeGlobalProfile",
        actions: ACTIONS,
        resources: [`arn:aws:bedrock:eu-central-1:444444444444:inference-profile/global.${model}`],
        conditions: [inRegion("eu-central-1")],
      },
      {
        sid: "InvokeModelThroughProfile",
        actions: ACTIONS,
        resources: [`arn:aws:bedrock:eu-central-1::foundation-model/${model}`],
        conditions: [THROUGH_PROFILE, inRegion("eu-central-1")],
      },
      {
        sid: "InvokeGlobalModelThroughProfile",
        actions: ACTIONS,
        resources: [`arn:aws:bedrock:::foundation-model/${model}`],
        conditions: [THROUGH_PROFILE, inRegion("unspecified")],
      },
    ]);
  });

  it("a us profile in us-east-1 of an eu-central-1 stack: its own source region and US destinations", () => {
    const model = "anthropic.claude-3-5-haiku-20241022-v1:0";
    const usProfileArn = "arn:aws:bedrock:us-east-1:444444444444:application-inference-profile/def456";
    const systemProfile = `arn:aws:bedrock:us-east-1:444444444444:inference-profile/us.${model}`;
    expect(
      consumerPolicyStatements(profileOf("prod", "shop/us"), { profileArn: usProfileArn, accountId: "444444444444" }),
    ).toEqual([
      { sid: "InvokeProfile", actions: ACTIONS, resources: [usProfileArn, systemProfile] },
      {
        sid: "InvokeModelThroughProfile",
        actions: ACTIONS,
        resources: ["us-east-1", "us-east-2", "us-west-2"].map(
          (region) => `arn:aws:bedrock:${region}::foundation-model/${model}`,
        ),
        conditions: [{ ...THROUGH_PROFILE, values: [usProfileArn] }],
      },
    ]);
  });

  it("names the deploying account in the system-defined profile when the environment has none", () => {
    const [first] = consumerPolicyStatements(profileOf("sandbox", "shop/main"), {
      profileArn: "PROFILE",
      accountId: "${data.aws_caller_identity.current.account_id}",
    });
    expect(first.resources).toEqual([
      "PROFILE",
      `arn:aws:bedrock:eu-central-1:\${data.aws_caller_identity.current.account_id}:inference-profile/eu.${SONNET_45}`,
    ]);
  });

  it("never grants bedrock:* nor Resource *, and grants every model only through the application profile", () => {
    for (const environment of environments) {
      for (const profile of environment.profiles) {
        for (const statement of consumerPolicyStatements(profile, { profileArn: "P", accountId: "A" })) {
          expect(statement.actions).toEqual(ACTIONS);
          expect(statement.resources).not.toContain("*");
          if (statement.resources.some((arn) => arn.includes(":foundation-model/"))) {
            expect(statement.conditions).toContainEqual({ ...THROUGH_PROFILE, values: ["P"] });
          }
        }
      }
    }
  });
});

describe("iamPolicyDocument", () => {
  it("renders the statements as the IAM JSON a consumer attaches, both keys of a global grant in one StringEquals", () => {
    const statements = consumerPolicyStatements(profileOf("prod", "shop/worldwide"), {
      profileArn: "P",
      accountId: "444444444444",
    });
    const model = "anthropic.claude-haiku-4-5-20251001-v1:0";
    expect(iamPolicyDocument(statements)).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Sid: "InvokeProfile", Effect: "Allow", Action: ACTIONS, Resource: ["P"] },
        {
          Sid: "InvokeGlobalProfile",
          Effect: "Allow",
          Action: ACTIONS,
          Resource: [`arn:aws:bedrock:eu-central-1:444444444444:inference-profile/global.${model}`],
          Condition: { StringEquals: { "aws:RequestedRegion": ["eu-central-1"] } },
        },
        {
          Sid: "InvokeModelThroughProfile",
          Effect: "Allow",
          Action: ACTIONS,
          Resource: [`arn:aws:bedrock:eu-central-1::foundation-model/${model}`],
          Condition: {
            StringEquals: { "bedrock:InferenceProfileArn": ["P"], "aws:RequestedRegion": ["eu-central-1"] },
          },
        },
        {
          Sid: "InvokeGlobalModelThroughProfile",
          Effect: "Allow",
          Action: ACTIONS,
          Resource: [`arn:aws:bedrock:::foundation-model/${model}`],
          Condition: { StringEquals: { "bedrock:InferenceProfileArn": ["P"], "aws:RequestedRegion": ["unspecified"] } },
        },
      ],
    });
  });
});

describe("the synthesized policy documents", () => {
  const stacks = synth(config);
  const prod = stacks["prod-bedrock"].json;
  const sandbox = stacks["sandbox-bedrock"].json;
  // biome-ignore lint/suspicious/noExplicitAny: synthesized Terraform JSON is read structurally
  const policyOf = (stack: any, key: string) => JSON.parse(stack.output.consumer_iam_policies.value[key]);

  it("write the us profile's policy in an eu-central-1 stack as IAM JSON naming the profile's ARN", () => {
    const model = "anthropic.claude-3-5-haiku-20241022-v1:0";
    const systemProfile = `arn:aws:bedrock:us-east-1:444444444444:inference-profile/us.${model}`;
    expect(policyOf(prod, "shop/us")).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "InvokeProfile",
          Effect: "Allow",
          Action: ACTIONS,
          Resource: ["${aws_bedrock_inference_profile.shop-us.arn}", systemProfile],
        },
        {
          Sid: "InvokeModelThroughProfile",
          Effect: "Allow",
          Action: ACTIONS,
          Resource: ["us-east-1", "us-east-2", "us-west-2"].map(
            (region) => `arn:aws:bedrock:${region}::foundation-model/${model}`,
          ),
          Condition: {
            StringEquals: { "bedrock:InferenceProfileArn": ["${aws_bedrock_inference_profile.shop-us.arn}"] },
          },
        },
      ],
    });
  });

  it("synthesize a single-region policy whose model grant holds only through the profile", () => {
    expect(policyOf(prod, "shop/single").Statement).toEqual([
      {
        Sid: "InvokeProfile",
        Effect: "Allow",
        Action: ACTIONS,
        Resource: ["${aws_bedrock_inference_profile.shop-single.arn}"],
      },
      {
        Sid: "InvokeModelThroughProfile",
        Effect: "Allow",
        Action: ACTIONS,
        Resource: ["arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"],
        Condition: {
          StringEquals: { "bedrock:InferenceProfileArn": ["${aws_bedrock_inference_profile.shop-single.arn}"] },
        },
      },
    ]);
  });

  it("use the caller identity for the account where the environment names none", () => {
    const [first] = policyOf(sandbox, "shop/main").Statement;
    expect(first.Resource[1]).toBe(
      `arn:aws:bedrock:eu-central-1:\${data.aws_caller_identity.current.account_id}:inference-profile/eu.${SONNET_45}`,
    );
  });

  it("are the consumer_iam_policies output by <product>/<purpose>, the document `profiles -- policy` prints, compact", () => {
    const value = prod.output.consumer_iam_policies.value;
    expect(Object.keys(value)).toEqual(["shop/main", "shop/single", "shop/us", "shop/worldwide"]);
    for (const [key, text] of Object.entries(value)) {
      const profile = profileOf("prod", key);
      const profileArn = `\${aws_bedrock_inference_profile.${profile.address}.arn}`;
      const statements = consumerPolicyStatements(profile, { profileArn, accountId: "444444444444" });
      expect(text).toBe(JSON.stringify(iamPolicyDocument(statements)));
    }
  });

  it("read no data source: the policy is the output's own text", () => {
    expect(prod.data).toBeUndefined();
  });
});
