/**
 * The least-privilege policy a consumer attaches to invoke one application inference profile
 * (SPEC "Consumer access"). Built with `data.aws_iam_policy_document`, never as a JSON string.
 */
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { Construct } from "constructs";
import { type ArnParts, formatArn, type ResolvedProfile } from "../config/resolve.ts";

/** InvokeModel* also authorize Converse and ConverseStream. */
export const INVOKE_ACTIONS = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];

/** Props of {@link ConsumerPolicy}. */
export interface ConsumerPolicyProps {
  readonly profile: ResolvedProfile;
  /** The application profile's ARN (a token until apply). */
  readonly profileArn: string;
  /** The deploying account: the environment's `accountId`, else the caller identity token. */
  readonly accountId: string;
}

/** The consumer policy document of one profile; `json` is what the output shows. */
export class ConsumerPolicy extends Construct {
  readonly document: DataAwsIamPolicyDocument;

  constructor(scope: Construct, id: string, props: ConsumerPolicyProps) {
    super(scope, id);
    const { profile, profileArn, accountId } = props;
    const foundationModel = (region: string): string =>
      formatArn({ ...profile.copyFrom, region, account: "", resource: `foundation-model/${profile.modelId}` });
    const regions = profile.destinationRegions === "*" ? ["*"] : profile.destinationRegions;
    const statements = [{ sid: "InvokeApplicationProfile", actions: INVOKE_ACTIONS, resources: [profileArn] }];
    if (profile.geography === "none") {
      statements.push({
        sid: "InvokeFoundationModel",
        actions: INVOKE_ACTIONS,
        resources: [foundationModel(profile.region)],
      });
    } else {
      const systemProfile: ArnParts = profile.copyFrom;
      statements.push({
        sid: "InvokeSystemProfile",
        actions: INVOKE_ACTIONS,
        resources: [formatArn(systemProfile, accountId)],
      });
    }
    this.document = new DataAwsIamPolicyDocument(this, "document", {
      statement: [
        ...statements,
        ...(profile.geography === "none"
          ? []
          : [
              {
                sid: "InvokeFoundationModelThroughProfile",
                actions: INVOKE_ACTIONS,
                resources: regions.map(foundationModel),
                condition: [{ test: "StringEquals", variable: "bedrock:InferenceProfileArn", values: [profileArn] }],
              },
            ]),
      ],
    });
    this.document.overrideLogicalId(`${profile.address}-consumer`);
  }
}
