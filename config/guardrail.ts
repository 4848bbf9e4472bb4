/**
 * The organisation guardrail that enforces ADR-0007 whatever a consumer's own policy grants: no
 * Bedrock invocation of a foundation model, directly or through a system-defined inference
 * profile, unless the call goes through an application inference profile. Pure: `npm run
 * profiles -- guardrail` prints it. Where to attach it and what it breaks: docs/consumers.md,
 * "Organisation guardrail".
 */
import { INFERENCE_PROFILE_ARN_KEY, INVOKE_ACTIONS } from "./consumer-policy.ts";

/** One statement of a guardrail, in IAM JSON. */
export interface GuardrailStatement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Action: string | readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

/** A guardrail policy document. */
export interface GuardrailDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly GuardrailStatement[];
}

/**
 * Deny invoking a foundation model unless `bedrock:InferenceProfileArn` is an application
 * inference profile. Bedrock sets that key on the foundation model evaluations of a call through
 * a profile, not on the profile's own evaluation
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html),
 * so the deny sits on the models: a direct model call has no key (`ArnNotLike` matches a missing
 * key) and a direct call to a system-defined profile carries that profile's ARN; both are denied.
 * `arn:*:bedrock:*::…` also matches the region-less `arn:aws:bedrock:::foundation-model/…` a
 * global route is authorized against
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html).
 * AWS's own SCP example of "invoke a foundation model except through the inference profile" has
 * the same shape (https://repost.aws/knowledge-center/bedrock-access-denied-exception), but lets
 * system-defined profiles through too; this one does not.
 */
export const DENY_INVOKE_EXCEPT_THROUGH_APPLICATION_PROFILE: GuardrailStatement = {
  Sid: "DenyBedrockInvokeExceptThroughApplicationInferenceProfile",
  Effect: "Deny",
  Action: INVOKE_ACTIONS,
  Resource: "arn:*:bedrock:*::foundation-model/*",
  Condition: { ArnNotLike: { [INFERENCE_PROFILE_ARN_KEY]: "arn:*:bedrock:*:*:application-inference-profile/*" } },
};

/** The service control policy, attached to an OU or account in AWS Organizations. */
export function guardrailServiceControlPolicy(): GuardrailDocument {
  return { Version: "2012-10-17", Statement: [DENY_INVOKE_EXCEPT_THROUGH_APPLICATION_PROFILE] };
}

/**
 * The same as a permissions boundary, for an account without Organizations. A boundary only
 * caps what identity policies grant, so it allows everything else explicitly
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html).
 */
export function guardrailPermissionsBoundary(): GuardrailDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "AllowWhatIdentityPoliciesGrant", Effect: "Allow", Action: "*", Resource: "*" },
      DENY_INVOKE_EXCEPT_THROUGH_APPLICATION_PROFILE,
    ],
  };
}
