/**
 * One environment's stack `<env>-bedrock`: the AWS provider, the state backend, every profile
 * of the environment and the outputs consumers and scripts read.
 */
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity/index.js";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { LocalBackend, S3Backend, TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { ResolvedEnvironment } from "../config/resolve.ts";
import { InferenceProfile } from "./inference-profile.ts";
import { stateEncryptionBlock } from "./state-encryption.ts";

/**
 * Where OpenTofu finds the provider. Fully qualified, or cdktf-cli misreads the lock file
 * OpenTofu writes (https://github.com/opentofu/opentofu/issues/2402).
 */
export const AWS_PROVIDER_SOURCE = "registry.opentofu.org/hashicorp/aws";

/**
 * The provider versions a stack admits. cdktf writes its bindings' exact version (6.25.0), which
 * cannot read `model_source` back after an import (hashicorp/terraform-provider-aws#45705);
 * 6.29.0 fixes it (hashicorp/terraform-provider-aws#45713). The 6.25.0 bindings still describe
 * every argument we use; 7.0 may break them.
 */
export const AWS_PROVIDER_VERSION = ">= 6.29.0, < 7.0.0";

/** Props of {@link BedrockStack}. */
export interface BedrockStackProps {
  readonly environment: ResolvedEnvironment;
  /** Local state file, relative to the stack's working directory; used without a backend. */
  readonly localStatePath: string;
}

/** The stack of one environment. */
export class BedrockStack extends TerraformStack {
  readonly profiles: readonly InferenceProfile[];

  constructor(scope: Construct, id: string, props: BedrockStackProps) {
    super(scope, id);
    const { environment } = props;

    new AwsProvider(this, "aws", {
      region: environment.region,
      defaultTags: [{ tags: { ...environment.defaultTags } }],
      ...(environment.accountId === undefined ? {} : { allowedAccountIds: [environment.accountId] }),
      ...(environment.assumeRole === undefined
        ? {}
        : {
            assumeRole: [
              {
                roleArn: environment.assumeRole.roleArn,
                ...(environment.assumeRole.sessionName ? { sessionName: environment.assumeRole.sessionName } : {}),
              },
            ],
          }),
    });
    this.addOverride("terraform.required_providers.aws.source", AWS_PROVIDER_SOURCE);
    this.addOverride("terraform.required_providers.aws.version", AWS_PROVIDER_VERSION);

    if (environment.backend === undefined) {
      new LocalBackend(this, { path: props.localStatePath });
    } else {
      const { bucket, region, key, roleArn } = environment.backend;
      new S3Backend(this, {
        bucket,
        region,
        key,
        encrypt: true,
        ...(roleArn === undefined ? {} : { assumeRole: { roleArn } }),
      });
      // S3-native locking (OpenTofu >= 1.10); cdktf 0.21's S3Backend has no property for it.
      this.addOverride("terraform.backend.s3.use_lockfile", true);
    }

    if (environment.encryption !== undefined) {
      // cdktf has no construct for OpenTofu's encryption block; the override is written verbatim.
      this.addOverride(
        "terraform.encryption",
        stateEncryptionBlock(environment.encryption, environment.backend?.roleArn),
      );
    }

    const accountId = environment.accountId ?? new DataAwsCallerIdentity(this, "current", {}).accountId;

    this.profiles = environment.profiles.map(
      (profile) => new InferenceProfile(this, profile.address, { profile, stackRegion: environment.region, accountId }),
    );

    new TerraformOutput(this, "inference_profile_arns", {
      description: "Profile name → ARN",
      value: Object.fromEntries(this.profiles.map((p) => [p.profile.name, p.arn])),
    });
    new TerraformOutput(this, "inference_profiles", {
      description: "<product>/<purpose> → name, arn, id, model_id, copy_from, ssm_parameter, model_id_ssm_parameter",
      value: Object.fromEntries(
        this.profiles.map((p) => [
          p.profile.key,
          {
            name: p.profile.name,
            arn: p.arn,
            id: p.resource.id,
            model_id: p.profile.modelId,
            copy_from: p.copyFrom,
            ssm_parameter: p.profile.ssmParameterName,
            model_id_ssm_parameter: p.profile.modelIdParameterName,
          },
        ]),
      ),
    });
    new TerraformOutput(this, "consumer_iam_policies", {
      description: "<product>/<purpose> → the IAM policy JSON a consumer attaches to invoke the profile",
      value: Object.fromEntries(this.profiles.map((p) => [p.profile.key, p.policy.document.json])),
    });
  }

  /**
   * cdktf resolves every value of every stack once more before synthesizing, only to find
   * references from this stack to another stack's resources (each found one becomes an output
   * there and a remote state here): `TerraformStack.prepareStack` and `Reference.resolve` in
   * cdktf/lib/tfExpression.js. Bedrock stacks are built each from its own environment and never
   * share a value, and this one always has a backend (which the pass would otherwise add), so
   * while the app holds only Bedrock stacks the pass finds nothing; skipping it saves a third of
   * synthesis. Once the app holds another kind of stack, which could hand this one a token, the
   * pass runs as cdktf does it.
   */
  override prepareStack(): void {
    const stacks = this.node.scope?.node.children.filter(TerraformStack.isStack) ?? [];
    if (!stacks.every((stack) => stack instanceof BedrockStack)) super.prepareStack();
  }
}
