/**
 * The least-privilege policy a consumer attaches to invoke one application inference profile
 * (docs/consumers.md), as `data.aws_iam_policy_document`. The statements come from
 * {@link consumerPolicyStatements}, the same ones `npm run profiles -- policy` prints.
 */
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { Construct } from "constructs";
import { consumerPolicyStatements } from "../config/consumer-policy.ts";
import type { ResolvedProfile } from "../config/resolve.ts";

/** Props of {@link ConsumerPolicy}. */
export interface ConsumerPolicyProps {
  readonly profile: ResolvedProfile;
  /** The application profile's ARN (a token until apply). */
  readonly profileArn: string;
  /** The deploying account: the environment's `accountId`, else the caller identity token. */
  readonly accountId: string;
}

/** `data.aws_iam_policy_document.<product>-<purpose>-consumer`; `document.json` is what the output shows. */
export class ConsumerPolicy extends Construct {
  readonly document: DataAwsIamPolicyDocument;

  constructor(scope: Construct, id: string, props: ConsumerPolicyProps) {
    super(scope, id);
    const { profile, profileArn, accountId } = props;
    this.document = new DataAwsIamPolicyDocument(this, "document", {
      statement: consumerPolicyStatements(profile, { profileArn, accountId }).map((statement) => ({
        sid: statement.sid,
        actions: [...statement.actions],
        resources: [...statement.resources],
        ...(statement.conditions === undefined
          ? {}
          : { condition: statement.conditions.map((condition) => ({ ...condition, values: [...condition.values] })) }),
      })),
    });
    this.document.overrideLogicalId(`${profile.address}-consumer`);
  }
}
