/**
 * The synthesized stacks of the shipped config, pinned byte for byte in __snapshots__; and the
 * parts that matter asserted one by one on the example fixture (a snapshot alone says nothing
 * about intent, and the live config is user data that may change).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/loader.ts";
import { AWS_PROVIDER_SOURCE } from "../stacks/stack-foundation.ts";
import { EXAMPLE_FIXTURE, exampleConfig, shippedConfig, synth } from "./helpers.ts";

const shipped = synth(shippedConfig());
const stacks = synth(exampleConfig());
const prod = stacks["prod-bedrock"].json;
const global = stacks["global-bedrock"].json;
const dev = stacks["dev-bedrock"].json;

describe("snapshots", () => {
  it("synthesizes one stack per environment, and billing-bedrock for billing:", () => {
    expect(Object.keys(stacks)).toEqual([
      "billing-bedrock",
      "dev-bedrock",
      "global-bedrock",
      "pre-bedrock",
      "prod-bedrock",
    ]);
  });

  for (const [name, stack] of Object.entries(shipped)) {
    it(`pins ${name} in __snapshots__/${name}.tf.json`, async () => {
      await expect(stack.text).toMatchFileSnapshot(`../__snapshots__/${name}.tf.json`);
    });
  }

  it("contains no absolute or machine-specific path", () => {
    for (const { text } of [...Object.values(shipped), ...Object.values(stacks)]) {
      expect(text).not.toMatch(/"\/(home|root|tmp|work|Users|var)\//);
      expect(text).not.toMatch(/[A-Z]:\\\\/);
    }
  });
});

describe("profiles", () => {
  it("addresses each profile and its SSM parameters as <product>-<purpose> and <product>-<purpose>-model-id", () => {
    expect(Object.keys(prod.resource.aws_bedrock_inference_profile)).toEqual([
      "agents-classify",
      "agents-main",
      "platform-main",
      "platform-summarize",
    ]);
    expect(Object.keys(prod.resource.aws_ssm_parameter).sort()).toEqual(
      Object.keys(prod.resource.aws_bedrock_inference_profile).flatMap((address) => [address, `${address}-model-id`]),
    );
  });

  it("names, describes and sources a profile", () => {
    const main = prod.resource.aws_bedrock_inference_profile["agents-main"];
    expect(main.name).toBe("agents-claude-sonnet-45-prod");
    expect(main.description).toBe("Agent inference for support-agent-v1");
    expect(main.model_source).toEqual([
      {
        copy_from:
          "arn:aws:bedrock:eu-central-1:444444444444:inference-profile/eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
      },
    ]);
    expect(main.region).toBeUndefined();
  });

  it("creates the replacement before destroying the old profile", () => {
    for (const stack of [prod, global, dev]) {
      for (const profile of Object.values<{ lifecycle: object }>(stack.resource.aws_bedrock_inference_profile)) {
        expect(profile.lifecycle).toMatchObject({ create_before_destroy: true });
      }
    }
  });

  it("tags the resource with product and product tags; the provider with global tags and env", () => {
    expect(prod.resource.aws_bedrock_inference_profile["agents-main"].tags).toEqual({
      product: "agents",
      "billing-mode": "client",
      client: "acme",
      project: "support-agent-v1",
    });
    expect(prod.provider.aws[0].default_tags).toEqual([
      {
        tags: {
          component: "ml",
          env: "prod",
          "managed-by": "opentofu",
          owner: "engineering@example.com",
          source: "example/bedrock-profiles",
          team: "engineering",
        },
      },
    ]);
  });

  it("stores each ARN in its SSM parameter", () => {
    expect(prod.resource.aws_ssm_parameter["agents-classify"]).toMatchObject({
      name: "/prod/agents/bedrock/classify/inference-profile-arn",
      type: "String",
      value: "${aws_bedrock_inference_profile.agents-classify.arn}",
    });
    expect(prod.resource.aws_ssm_parameter["agents-main"].name).toBe("/prod/agents/bedrock/inference-profile-arn");
  });
});

describe("adopted profiles", () => {
  it("imports rd-haiku-45 and rd-sonnet-4 by ID", () => {
    expect(global.import).toEqual([
      { id: "acwt9yee9wzo", to: "aws_bedrock_inference_profile.rd-haiku-45" },
      { id: "tkxdfdh17c6o", to: "aws_bedrock_inference_profile.rd-sonnet-4" },
    ]);
  });

  it("pins nothing on adopted profiles: provider >= 6.29.0 reads model_source back (hashicorp/terraform-provider-aws#45713)", () => {
    expect(global.resource.aws_bedrock_inference_profile["rd-haiku-45"].lifecycle).toEqual({
      create_before_destroy: true,
    });
    expect(prod.resource.aws_bedrock_inference_profile["agents-main"].lifecycle).toEqual({
      create_before_destroy: true,
    });
  });
});

describe("provider and backend", () => {
  it("admits the provider by its fully qualified OpenTofu source from 6.29.0, which reads model_source back after import", () => {
    expect(prod.terraform.required_providers.aws).toEqual({
      source: AWS_PROVIDER_SOURCE,
      version: ">= 6.29.0, < 7.0.0",
    });
  });

  it("refuses to run against another account than the environment's", () => {
    expect(prod.provider.aws[0]).toMatchObject({ region: "eu-central-1", allowed_account_ids: ["444444444444"] });
  });

  it("keeps local state at a relative path in the project root without a backend", () => {
    expect(dev.terraform.backend).toEqual({ local: { path: "../../../terraform.dev-bedrock.tfstate" } });
  });

  it("uses an encrypted, S3-locked backend keyed bedrock/<env>.tfstate when configured", () => {
    expect(prod.terraform.backend.s3).toMatchObject({
      bucket: "example-tfstate-444444444444",
      key: "bedrock/prod.tfstate",
      region: "eu-central-1",
      encrypt: true,
      use_lockfile: true,
    });
    expect(prod.terraform.backend.s3.dynamodb_table).toBeUndefined();
  });
});

describe("outputs", () => {
  it("maps names to ARNs", () => {
    expect(global.output.inference_profile_arns.value).toEqual({
      "rd-haiku-45": "${aws_bedrock_inference_profile.rd-haiku-45.arn}",
      "rd-sonnet-4": "${aws_bedrock_inference_profile.rd-sonnet-4.arn}",
    });
  });

  it("describes each profile by <product>/<purpose>", () => {
    expect(prod.output.inference_profiles.value["agents/main"]).toEqual({
      name: "agents-claude-sonnet-45-prod",
      arn: "${aws_bedrock_inference_profile.agents-main.arn}",
      id: "${aws_bedrock_inference_profile.agents-main.id}",
      model_id: "anthropic.claude-sonnet-4-5-20250929-v1:0",
      copy_from:
        "arn:aws:bedrock:eu-central-1:444444444444:inference-profile/eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
      ssm_parameter: "/prod/agents/bedrock/inference-profile-arn",
      model_id_ssm_parameter: "/prod/agents/bedrock/inference-profile-model-id",
    });
  });

  it("gives each profile's consumer policy document by <product>/<purpose>, as JSON text naming its profile's ARN", () => {
    const policies = prod.output.consumer_iam_policies.value;
    expect(Object.keys(policies)).toEqual(["agents/classify", "agents/main", "platform/main", "platform/summarize"]);
    for (const [key, text] of Object.entries(policies)) {
      const address = key.replace("/", "-");
      expect(text).toContain(`"Resource":["\${aws_bedrock_inference_profile.${address}.arn}"`);
    }
  });

  it("grants agents/main in prod its two profiles, and the model in each EU destination only through the application profile", () => {
    const profileArn = "${aws_bedrock_inference_profile.agents-main.arn}";
    const systemProfile =
      "arn:aws:bedrock:eu-central-1:444444444444:inference-profile/eu.anthropic.claude-sonnet-4-5-20250929-v1:0";
    const [profiles, models] = JSON.parse(prod.output.consumer_iam_policies.value["agents/main"]).Statement;
    expect(profiles.Resource).toEqual([profileArn, systemProfile]);
    expect(models.Resource.map((arn: string) => arn.split(":")[3])).toEqual([
      "eu-central-1",
      "eu-north-1",
      "eu-south-1",
      "eu-south-2",
      "eu-west-1",
      "eu-west-3",
    ]);
    expect(models.Condition).toEqual({ StringEquals: { "bedrock:InferenceProfileArn": [profileArn] } });
  });
});

describe("a model upgrade", () => {
  const example = readFileSync(EXAMPLE_FIXTURE, "utf8");
  const upgraded = example.replace(
    "      main:\n        model: claude-sonnet-45\n        envs: [dev, pre, prod]\n        description: Agent",
    "      main:\n        model: claude-opus-45\n        envs: [dev, pre, prod]\n        description: Agent",
  );
  const before = prod;
  const after = synth(parseConfig(upgraded, "upgraded.yaml"))["prod-bedrock"].json;

  it("is a real change of the example config", () => {
    expect(upgraded).not.toBe(example);
  });

  it("keeps the resource address and the SSM parameter", () => {
    expect(Object.keys(after.resource.aws_bedrock_inference_profile)).toEqual(
      Object.keys(before.resource.aws_bedrock_inference_profile),
    );
    expect(after.resource.aws_ssm_parameter["agents-main"]).toEqual(before.resource.aws_ssm_parameter["agents-main"]);
  });

  it("updates the model ID parameter in place: same address and name, the new model as value", () => {
    const [old, upgraded] = [before, after].map((s) => s.resource.aws_ssm_parameter["agents-main-model-id"]);
    expect(upgraded.name).toBe(old.name);
    expect([old.value, upgraded.value]).toEqual([
      "anthropic.claude-sonnet-4-5-20250929-v1:0",
      "anthropic.claude-opus-4-5-20251101-v1:0",
    ]);
  });

  it("changes the name and copy_from, so the new profile can exist beside the old one", () => {
    const [old, upgraded] = [before, after].map((s) => s.resource.aws_bedrock_inference_profile["agents-main"]);
    expect([old.name, upgraded.name]).toEqual(["agents-claude-sonnet-45-prod", "agents-claude-opus-45-prod"]);
    expect(upgraded.model_source[0].copy_from).toBe(
      "arn:aws:bedrock:eu-central-1:444444444444:inference-profile/eu.anthropic.claude-opus-4-5-20251101-v1:0",
    );
    expect(upgraded.lifecycle.create_before_destroy).toBe(true);
  });

  it("changes nothing else", () => {
    const others = (s: typeof before) => {
      const { "agents-main": _, ...rest } = s.resource.aws_bedrock_inference_profile;
      return rest;
    };
    expect(others(after)).toEqual(others(before));
  });
});
