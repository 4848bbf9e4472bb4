/**
 * Evaluate IAM policies with an IAM policy engine (`@cloud-copilot/iam-simulate`), no AWS: the
 * request context of each Bedrock call as AWS documents it, see docs/consumers.md.
 */
import { runSimulation, runUnsafeSimulation, type Simulation } from "@cloud-copilot/iam-simulate";

/** An IAM policy document as JSON. */
// biome-ignore lint/suspicious/noExplicitAny: IAM JSON is checked by the engine
export type PolicyJson = any;

/** One authorization Bedrock makes for a call: an action on a resource, with its context. */
export interface BedrockAuthorization {
  readonly action: "bedrock:InvokeModel" | "bedrock:InvokeModelWithResponseStream";
  readonly resource: string;
  /** `bedrock:InferenceProfileArn`, absent on a direct model call. */
  readonly inferenceProfileArn?: string;
  /** `aws:RequestedRegion`: a region, or `unspecified` for a global route. */
  readonly requestedRegion: string;
}

/** The policies in force for the calling role. */
export interface PoliciesInForce {
  readonly identity: readonly PolicyJson[];
  readonly serviceControlPolicies?: readonly PolicyJson[];
  readonly permissionsBoundary?: PolicyJson;
}

const ACCOUNT = "444444444444";

/** `Allowed`, `ImplicitlyDenied` or `ExplicitlyDenied`, as IAM would decide. */
export async function decide(policies: PoliciesInForce, call: BedrockAuthorization): Promise<string> {
  const simulation: Simulation = {
    request: {
      principal: `arn:aws:iam::${ACCOUNT}:role/consumer`,
      action: call.action,
      resource: { resource: call.resource, accountId: ACCOUNT },
      contextVariables: {
        "aws:RequestedRegion": call.requestedRegion,
        ...(call.inferenceProfileArn === undefined ? {} : { "bedrock:InferenceProfileArn": call.inferenceProfileArn }),
      },
    },
    identityPolicies: policies.identity.map((policy, index) => ({ name: `identity-${index}`, policy })),
    serviceControlPolicies:
      policies.serviceControlPolicies === undefined
        ? []
        : [
            {
              orgIdentifier: "ou-test",
              policies: [
                { name: "FullAWSAccess", policy: FULL_ACCESS },
                ...policies.serviceControlPolicies.map((policy, index) => ({ name: `scp-${index}`, policy })),
              ],
            },
          ],
    resourceControlPolicies: [],
    ...(policies.permissionsBoundary === undefined
      ? {}
      : { permissionBoundaryPolicies: [{ name: "boundary", policy: policies.permissionsBoundary }] }),
  };
  // The region-less ARN a global route is authorized against (arn:aws:bedrock:::foundation-model/…,
  // https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html) matches
  // no resource type of iam-simulate's data, whose ARN patterns require a region; the unvalidated
  // entry point evaluates it with the same engine.
  if (/^arn:[^:]+:bedrock:::/.test(call.resource)) return runUnsafeSimulation(simulation, {});
  const result = await runSimulation(simulation, {});
  if (result.resultType !== "single") throw new Error(`iam-simulate: ${JSON.stringify(result)}`);
  return result.overallResult;
}

/** The default SCP of every organisation: without it, nothing is allowed. */
const FULL_ACCESS = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
