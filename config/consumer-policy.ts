/**
 * The least-privilege policy a consumer attaches to invoke one application inference profile
 * (SPEC "Consumer access"). Pure: the stack feeds these statements to
 * `data.aws_iam_policy_document`, `npm run profiles -- policy` renders them as IAM JSON, so
 * both show the same grant. Why each statement exists, with sources: README "For consumers".
 */
import { formatArn, foundationModelArn, type ResolvedProfile } from "./resolve.ts";

/**
 * The only actions granted. They also authorize Converse and ConverseStream, which have no
 * actions of their own (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-prereq.html).
 */
export const INVOKE_ACTIONS: readonly string[] = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];

/** The condition key Bedrock sets when a foundation model is reached through an inference profile. */
export const INFERENCE_PROFILE_ARN_KEY = "bedrock:InferenceProfileArn";

/** An IAM condition, shaped like a `condition` block of `aws_iam_policy_document`. */
export interface PolicyCondition {
  readonly test: string;
  readonly variable: string;
  readonly values: readonly string[];
}

/** One Allow statement, shaped like a `statement` block of `aws_iam_policy_document`. */
export interface PolicyStatement {
  readonly sid: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly conditions?: readonly PolicyCondition[];
}

/** The ARNs a policy names that are not known from the config alone. */
export interface PolicyArns {
  /** The application profile's ARN: a token in the stack, a placeholder in the CLI. */
  readonly profileArn: string;
  /** The deploying account, used where `copyFrom` leaves it to the caller identity. */
  readonly accountId: string;
}

/**
 * The statements of a profile's consumer policy, as few as the grant allows:
 * - `InvokeProfile`: the application profile and, for a cross-region source, the
 *   system-defined profile it copies from (source region, deploying account).
 * - `InvokeModelThroughProfile`: the foundation model in each destination region of the source
 *   region (`*` for global or unknown routing; the profile's own region for `geography: none`),
 *   only when reached through this profile's inference profile(s), so the model cannot be
 *   called directly, bypassing cost attribution (SPEC "Consumer access").
 *   For a cross-region source the condition lists both ARNs because AWS does not document which one the key carries on a call through an application profile;
 *   listing only the application profile would break every call if it is the other. The
 *   price: a direct call to the system-defined profile (granted above anyway) also works.
 *   Calling the model directly, or through any other profile, does not (README "For consumers").
 */
export function consumerPolicyStatements(profile: ResolvedProfile, arns: PolicyArns): PolicyStatement[] {
  const modelThroughProfile = (regions: readonly string[], profileArns: readonly string[]): PolicyStatement => ({
    sid: "InvokeModelThroughProfile",
    actions: INVOKE_ACTIONS,
    resources: regions.map((region) =>
      formatArn(foundationModelArn(profile.copyFrom.partition, region, profile.modelId)),
    ),
    conditions: [{ test: "StringEquals", variable: INFERENCE_PROFILE_ARN_KEY, values: profileArns }],
  });
  if (profile.geography === "none") {
    return [
      { sid: "InvokeProfile", actions: INVOKE_ACTIONS, resources: [arns.profileArn] },
      modelThroughProfile([profile.region], [arns.profileArn]),
    ];
  }
  const systemProfileArn = formatArn(profile.copyFrom, arns.accountId);
  const regions = profile.destinationRegions === "*" ? ["*"] : profile.destinationRegions;
  return [
    { sid: "InvokeProfile", actions: INVOKE_ACTIONS, resources: [arns.profileArn, systemProfileArn] },
    modelThroughProfile(regions, [arns.profileArn, systemProfileArn]),
  ];
}

/** An IAM policy document, as a consumer attaches it. */
export interface IamPolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly {
    readonly Sid: string;
    readonly Effect: "Allow";
    readonly Action: readonly string[];
    readonly Resource: readonly string[];
    readonly Condition?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  }[];
}

/**
 * The statements as IAM policy JSON: the same grant `aws_iam_policy_document` renders (which
 * may sort lists and write one-element lists as strings).
 */
export function iamPolicyDocument(statements: readonly PolicyStatement[]): IamPolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: statements.map((statement) => ({
      Sid: statement.sid,
      Effect: "Allow",
      Action: statement.actions,
      Resource: statement.resources,
      ...(statement.conditions === undefined ? {} : { Condition: iamCondition(statement.conditions) }),
    })),
  };
}

/** Conditions as IAM's `Condition` element: test → key → values. */
function iamCondition(conditions: readonly PolicyCondition[]): Record<string, Record<string, readonly string[]>> {
  const byTest: Record<string, Record<string, readonly string[]>> = {};
  for (const { test, variable, values } of conditions) byTest[test] = { ...byTest[test], [variable]: values };
  return byTest;
}
