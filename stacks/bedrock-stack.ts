/**
 * One environment's stack `<env>-bedrock`: the AWS provider, the state backend, every profile
 * of the environment and the outputs consumers and scripts read.
 */
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity/index.js";
import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import type { ResolvedEnvironment } from "../config/resolve.ts";
import { InferenceProfile } from "./inference-profile.ts";
import { addMonitoring } from "./monitoring.ts";
import { addStackFoundation, SelfContainedStack } from "./stack-foundation.ts";

/** Props of {@link BedrockStack}. */
export interface BedrockStackProps {
  readonly environment: ResolvedEnvironment;
  /** Local state file, relative to the stack's working directory; used without a backend. */
  readonly localStatePath: string;
}

/** The stack of one environment. */
export class BedrockStack extends SelfContainedStack {
  readonly profiles: readonly InferenceProfile[];

  constructor(scope: Construct, id: string, props: BedrockStackProps) {
    super(scope, id);
    const { environment } = props;

    addStackFoundation(this, { ...environment, localStatePath: props.localStatePath });

    const accountId = environment.accountId ?? new DataAwsCallerIdentity(this, "current", {}).accountId;

    this.profiles = environment.profiles.map(
      (profile) => new InferenceProfile(this, profile.address, { profile, stackRegion: environment.region, accountId }),
    );
    addMonitoring(this, environment, this.profiles);

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
      value: Object.fromEntries(this.profiles.map((p) => [p.profile.key, p.policyJson])),
    });
  }
}
