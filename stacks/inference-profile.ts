/**
 * One application inference profile, the SSM parameters consumers read its ARN and its base
 * model ID from, and the policy a consumer attaches to invoke it.
 * Addresses come from product and purpose only, never from the model: a model change then
 * replaces the profile in place (create_before_destroy) and rewrites the same parameter.
 * What forces a replacement of each, and their lifecycle: `resource-facts.ts`.
 */
import { BedrockInferenceProfile } from "@cdktf/provider-aws/lib/bedrock-inference-profile/index.js";
import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter/index.js";
import { Construct } from "constructs";
import { consumerPolicyJson } from "../config/consumer-policy.ts";
import { formatArn, type ResolvedProfile } from "../config/resolve.ts";
import { lifecycleOf, PROFILE_RESOURCE_FACTS, SSM_PARAMETER_FACTS } from "./resource-facts.ts";
import { regionOverride } from "./stack-foundation.ts";

/** Props of {@link InferenceProfile}. */
export interface InferenceProfileProps {
  readonly profile: ResolvedProfile;
  /** The stack's provider region; `region` is set on resources only where the profile's differs. */
  readonly stackRegion: string;
  /** The deploying account: the environment's `accountId`, else the caller identity token. */
  readonly accountId: string;
}

/**
 * `aws_bedrock_inference_profile.<product>-<purpose>`, `aws_ssm_parameter.<product>-<purpose>` (ARN)
 * and `aws_ssm_parameter.<product>-<purpose>-model-id`.
 */
export class InferenceProfile extends Construct {
  readonly profile: ResolvedProfile;
  readonly resource: BedrockInferenceProfile;
  readonly parameter: SsmParameter;
  /** The base model ID beside the ARN: SDKs choose the request format from it, which the ARN hides. */
  readonly modelIdParameter: SsmParameter;
  /**
   * The consumer policy (docs/consumers.md) as JSON text, its ARNs tokens until apply. Text rather
   * than a `data.aws_iam_policy_document`: the same document for one construct and one output
   * value instead of a data source of 20-odd values per profile, about 15% of a 1,000-profile synth.
   */
  readonly policyJson: string;
  /** The profile's ARN (a token until apply), made once: every attribute read builds a new token. */
  readonly arn: string;
  /** `copy_from` as synthesized (may hold the caller identity token). */
  readonly copyFrom: string;

  constructor(scope: Construct, id: string, props: InferenceProfileProps) {
    super(scope, id);
    const { profile, stackRegion, accountId } = props;
    this.profile = profile;
    const region = regionOverride(profile.region, stackRegion);
    this.copyFrom = formatArn(profile.copyFrom, accountId);

    this.resource = new BedrockInferenceProfile(this, "profile", {
      ...region,
      name: profile.name,
      ...(profile.description === undefined ? {} : { description: profile.description }),
      modelSource: [{ copyFrom: this.copyFrom }],
      tags: { ...profile.tags },
      // create_before_destroy, and no ignore_changes even on adopted profiles: see the facts.
      ...lifecycleOf(PROFILE_RESOURCE_FACTS),
    });
    this.resource.overrideLogicalId(profile.address);
    if (profile.importId !== undefined) this.resource.importFrom(profile.importId);

    this.arn = this.resource.arn;
    this.parameter = new SsmParameter(this, "arn-parameter", {
      ...region,
      name: profile.ssmParameterName,
      description: `ARN of the Bedrock application inference profile ${profile.key} in ${profile.env}`,
      type: "String",
      value: this.arn,
      tags: { ...profile.tags },
      ...lifecycleOf(SSM_PARAMETER_FACTS),
    });
    this.parameter.overrideLogicalId(profile.address);
    // Its own stable address: a model upgrade updates the value in place, like the ARN's.
    this.modelIdParameter = new SsmParameter(this, "model-id-parameter", {
      ...region,
      name: profile.modelIdParameterName,
      description: `Base model ID of the Bedrock application inference profile ${profile.key} in ${profile.env}`,
      type: "String",
      value: profile.modelId,
      tags: { ...profile.tags },
      ...lifecycleOf(SSM_PARAMETER_FACTS),
    });
    this.modelIdParameter.overrideLogicalId(`${profile.address}-model-id`);

    this.policyJson = consumerPolicyJson(profile, { profileArn: this.arn, accountId });
  }
}
