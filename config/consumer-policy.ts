/**
 * The least-privilege policy a consumer attaches to invoke one application inference profile
 * (docs/consumers.md). Pure: the stack writes them as the JSON of its `consumer_iam_policies`
 * output and `npm run profiles -- policy` prints the same document, so both show the same grant.
 * Why each statement exists, with sources: docs/consumers.md.
 */
import { formatArn, foundationModelArn, type ResolvedProfile } from "./resolve.ts";

/**
 * The only actions granted. They also authorize Converse and ConverseStream, which have no
 * actions of their own (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-prereq.html).
 */
export const INVOKE_ACTIONS: readonly string[] = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];

/** The condition key Bedrock sets when a foundation model is reached through an inference profile. */
export const INFERENCE_PROFILE_ARN_KEY = "bedrock:InferenceProfileArn";

/** An IAM condition: the test (operator), the context key and its values. */
export interface PolicyCondition {
  readonly test: string;
  readonly variable: string;
  readonly values: readonly string[];
}

/** One Allow statement. */
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

/** The global condition key holding the region a request names; `unspecified` for a global route. */
export const REQUESTED_REGION_KEY = "aws:RequestedRegion";

/**
 * The statements of a profile's consumer policy: exactly what a call *through the application
 * profile* needs, and nothing that completes a direct call. Sources for
 * each statement: docs/consumers.md, "Why each statement is there".
 *
 * Bedrock authorizes a call through a cross-region profile against the profile, and against the
 * foundation model in the source and each destination region; `bedrock:InferenceProfileArn` is
 * set on the model evaluations only, never on the profile's
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html).
 * So a profile grant cannot carry that condition, and the model grants hold it: they name only the
 * application profile. A direct call to the system-defined profile is then refused at its model
 * evaluations, a direct call to the model has no profile at all; neither completes.
 * - `InvokeProfile`: the application profile (the consumer's `modelId`) and, for a geographic
 *   source, the system-defined profile it copies from (source region, deploying account).
 * - `InvokeGlobalProfile` (global): the system-defined profile, with `aws:RequestedRegion` = the
 *   source region, as AWS's global form has it
 *   (https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html).
 * - `InvokeModelThroughProfile`: the foundation model in the source region and each destination
 *   region (geographic; `*` for a custom model of unknown routing), in the profile's own region
 *   (`geography: none`), or in the source region with `aws:RequestedRegion` (global).
 * - `InvokeGlobalModelThroughProfile` (global): the region-less `arn:aws:bedrock:::foundation-model/<id>`
 *   with `aws:RequestedRegion` = `unspecified`, the form AWS documents for global routing.
 */
export function consumerPolicyStatements(profile: ResolvedProfile, arns: PolicyArns): PolicyStatement[] {
  const { partition } = profile.copyFrom;
  const throughProfile: PolicyCondition = {
    test: "StringEquals",
    variable: INFERENCE_PROFILE_ARN_KEY,
    values: [arns.profileArn],
  };
  const requestedRegion = (region: string): PolicyCondition => ({
    test: "StringEquals",
    variable: REQUESTED_REGION_KEY,
    values: [region],
  });
  const modelArn = (region: string) => formatArn(foundationModelArn(partition, region, profile.modelId));
  const modelThroughProfile = (regions: readonly string[], region?: string): PolicyStatement => ({
    sid: "InvokeModelThroughProfile",
    actions: INVOKE_ACTIONS,
    resources: regions.map(modelArn),
    conditions: region === undefined ? [throughProfile] : [throughProfile, requestedRegion(region)],
  });
  if (profile.geography === "none") {
    return [
      { sid: "InvokeProfile", actions: INVOKE_ACTIONS, resources: [arns.profileArn] },
      modelThroughProfile([profile.region]),
    ];
  }
  const systemProfileArn = formatArn(profile.copyFrom, arns.accountId);
  if (profile.geography === "global") {
    return [
      { sid: "InvokeProfile", actions: INVOKE_ACTIONS, resources: [arns.profileArn] },
      {
        sid: "InvokeGlobalProfile",
        actions: INVOKE_ACTIONS,
        resources: [systemProfileArn],
        conditions: [requestedRegion(profile.region)],
      },
      modelThroughProfile([profile.region], profile.region),
      {
        sid: "InvokeGlobalModelThroughProfile",
        actions: INVOKE_ACTIONS,
        resources: [modelArn("")],
        conditions: [throughProfile, requestedRegion("unspecified")],
      },
    ];
  }
  // "The foundation model in both the requesting Region and all destination Regions"
  // (https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html).
  const regions =
    profile.destinationRegions === "*" ? ["*"] : [...new Set([profile.region, ...profile.destinationRegions])].sort();
  return [
    { sid: "InvokeProfile", actions: INVOKE_ACTIONS, resources: [arns.profileArn, systemProfileArn] },
    modelThroughProfile(regions),
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

/** The statements as an IAM policy document. */
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

/**
 * A profile's consumer policy as the compact JSON text a consumer attaches: the value of the
 * stack's `consumer_iam_policies` output, where `arns` are tokens until apply. OpenTofu reads the
 * text as a template and fills in each `${…}` reference; no other `${` or `%{` can occur in it,
 * as every ARN, region and model ID it holds passed the patterns of config/aws-limits.ts.
 */
export function consumerPolicyJson(profile: ResolvedProfile, arns: PolicyArns): string {
  return JSON.stringify(iamPolicyDocument(consumerPolicyStatements(profile, arns)));
}
