/**
 * Stacks with an S3 backend behind a role, a deploy role and KMS state encryption
 * (test/fixtures/backend-role-encryption.yaml): pinned byte for byte in
 * __snapshots__/fixtures/backend-role-encryption/, and what keeps state safe asserted one by one.
 */
import { describe, expect, it } from "vitest";
import { kmsKeyRegion } from "../config/resolve.ts";
import { stateEncryptionBlock } from "../stacks/state-encryption.ts";
import { configFrom, fixtureConfig, resolve, synth } from "./helpers.ts";

const FIXTURE = "backend-role-encryption";
const stacks = synth(fixtureConfig(`${FIXTURE}.yaml`));
const shared = stacks["shared-bedrock"].json;
const prod = stacks["prod-bedrock"].json;

describe("snapshots", () => {
  it("synthesizes one stack per environment", () => {
    expect(Object.keys(stacks)).toEqual(["prod-bedrock", "shared-bedrock"]);
  });

  for (const [name, stack] of Object.entries(stacks)) {
    it(`pins ${name} in __snapshots__/fixtures/${FIXTURE}/${name}.tf.json`, async () => {
      await expect(stack.text).toMatchFileSnapshot(`../__snapshots__/fixtures/${FIXTURE}/${name}.tf.json`);
    });
  }
});

describe("S3 backend", () => {
  it("encrypts, locks with a lock file (no DynamoDB) and assumes the state role", () => {
    expect(shared.terraform.backend).toEqual({
      s3: {
        bucket: "example-tfstate-555555555555",
        region: "eu-west-1",
        key: "bedrock/shared.tfstate",
        encrypt: true,
        use_lockfile: true,
        assume_role: { role_arn: "arn:aws:iam::555555555555:role/tfstate" },
      },
    });
  });

  it("keeps a key that is given", () => {
    expect(prod.terraform.backend.s3.key).toBe("state/bedrock-prod.tfstate");
  });

  it("uses no deprecated top-level role argument and no DynamoDB table", () => {
    for (const stack of [shared, prod]) {
      const s3 = stack.terraform.backend.s3;
      expect(Object.keys(s3).sort()).toEqual(["assume_role", "bucket", "encrypt", "key", "region", "use_lockfile"]);
    }
  });
});

describe("state and plan encryption", () => {
  it("reads the KMS key as the state role, in the region of the key's ARN", () => {
    expect(prod.terraform.encryption.key_provider).toEqual({
      aws_kms: {
        state: {
          kms_key_id: "arn:aws:kms:eu-west-1:666666666666:key/0d9f1c2e-5b7a-4e1d-9a3c-7f2b8e6d4c10",
          region: "eu-west-1",
          key_spec: "AES_256",
          assume_role: { role_arn: "arn:aws:iam::666666666666:role/tfstate" },
        },
      },
    });
  });

  it("defaults the region of a key without ARN to the backend's, else the environment's; keeps one given", () => {
    const resolved = (encryption: string, backend = "") =>
      resolve(
        configFrom(`
version: 1
defaults: { region: eu-central-1 }
environments:
  prod: { ${backend} encryption: ${encryption} }
`),
      )[0].encryption;
    expect(resolved("{ kmsKeyId: alias/tofu-state }")).toEqual({
      kmsKeyId: "alias/tofu-state",
      region: "eu-central-1",
    });
    expect(resolved("{ kmsKeyId: alias/tofu-state }", "backend: { bucket: b-tfstate, region: eu-west-1 },")).toEqual({
      kmsKeyId: "alias/tofu-state",
      region: "eu-west-1",
    });
    // A given region wins over the backend's. (A key ARN in another region than a given one is
    // refused by the rules: test/config-environment-rules.test.ts.)
    expect(
      resolved(
        "{ kmsKeyId: alias/tofu-state, region: eu-north-1 }",
        "backend: { bucket: b-tfstate, region: eu-west-1 },",
      ),
    ).toEqual({ kmsKeyId: "alias/tofu-state", region: "eu-north-1" });
    expect(
      resolved(
        "{ kmsKeyId: 'arn:aws:kms:us-east-1:111111111111:alias/tofu-state', region: us-east-1 }",
        "backend: { bucket: b-tfstate, region: eu-west-1 },",
      ),
    ).toEqual({ kmsKeyId: "arn:aws:kms:us-east-1:111111111111:alias/tofu-state", region: "us-east-1" });
    expect(kmsKeyRegion("arn:aws-us-gov:kms:us-gov-west-1:111111111111:key/abc")).toBe("us-gov-west-1");
    expect(kmsKeyRegion("0d9f1c2e-5b7a-4e1d-9a3c-7f2b8e6d4c10")).toBeUndefined();
  });

  it("uses the backend's region for the shared fixture's alias", () => {
    expect(shared.terraform.encryption.key_provider.aws_kms.state.region).toBe("eu-west-1");
    expect(shared.terraform.encryption.key_provider.aws_kms.state.kms_key_id).toBe("alias/tofu-state");
  });

  it("writes keys as an interpolation and method as a plain traversal string (opentofu/opentofu#3482)", () => {
    for (const stack of [shared, prod]) {
      const { method, state, plan } = stack.terraform.encryption;
      expect(method).toEqual({ aes_gcm: { state: { keys: "${key_provider.aws_kms.state}" } } });
      expect(state).toEqual({ method: "method.aes_gcm.state", enforced: true });
      expect(plan).toEqual({ method: "method.aes_gcm.state", enforced: true });
    }
  });

  it("has no unencrypted fallback: a migration adds it by hand, once (docs/opentofu.md)", () => {
    for (const stack of [shared, prod]) {
      expect(JSON.stringify(stack.terraform.encryption)).not.toMatch(/unencrypted|fallback/);
    }
  });

  it("uses the ambient credentials for the key when the backend assumes no role", () => {
    expect(stateEncryptionBlock({ kmsKeyId: "alias/tofu-state", region: "eu-central-1" }, undefined)).toEqual({
      key_provider: {
        aws_kms: { state: { kms_key_id: "alias/tofu-state", region: "eu-central-1", key_spec: "AES_256" } },
      },
      method: { aes_gcm: { state: { keys: "${key_provider.aws_kms.state}" } } },
      state: { method: "method.aes_gcm.state", enforced: true },
      plan: { method: "method.aes_gcm.state", enforced: true },
    });
  });
});

describe("AWS provider", () => {
  it("deploys only into the named account, through the deploy role", () => {
    expect(prod.provider.aws[0]).toMatchObject({
      region: "eu-west-3",
      allowed_account_ids: ["666666666666"],
      assume_role: [
        { role_arn: "arn:aws:iam::666666666666:role/bedrock-deployer", session_name: "bedrock-profiles-prod" },
      ],
    });
    expect(shared.provider.aws[0]).toMatchObject({
      allowed_account_ids: ["555555555555"],
      assume_role: [{ role_arn: "arn:aws:iam::555555555555:role/bedrock-deployer" }],
    });
  });

  it("is sourced from the OpenTofu registry, fully qualified (opentofu/opentofu#2402)", () => {
    expect(prod.terraform.required_providers).toEqual({
      aws: { source: "registry.opentofu.org/hashicorp/aws", version: ">= 6.29.0, < 7.0.0" },
    });
  });
});

describe("adoption", () => {
  it("imports the existing profile, with no ignore_changes: provider >= 6.29.0 reads model_source back (hashicorp/terraform-provider-aws#45713)", () => {
    expect(prod.import).toEqual([{ id: "acwt9yee9wzo", to: "aws_bedrock_inference_profile.rd-haiku-45" }]);
    const adopted = prod.resource.aws_bedrock_inference_profile["rd-haiku-45"];
    expect(adopted.lifecycle).toEqual({ create_before_destroy: true });
    expect(adopted.name).toBe("rd-haiku-45");
    expect(adopted.description).toBeUndefined();
    expect(shared.import).toBeUndefined();
    expect(shared.resource.aws_bedrock_inference_profile["agents-main"].lifecycle).toEqual({
      create_before_destroy: true,
    });
  });
});
