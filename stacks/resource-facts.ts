/**
 * What the provider does when a synthesized resource changes, declared once per resource type
 * of `stacks/`: which attributes force a replacement, and the `lifecycle` the construct writes.
 * The constructs write their `lifecycle` from these facts and the review (`review/compare.ts`,
 * `review/coverage.ts`) reads them, so neither restates the provider's behaviour.
 * `test/resource-facts.test.ts` fails when a synthesized lifecycle disagrees with them, or when
 * a stack synthesizes a type the review does not know.
 *
 * Plain data, no cdktf: the review reads it without loading the provider bindings.
 *
 * In hashicorp/aws 6.x every regional resource takes a `region` argument, and changing it
 * replaces the resource (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/enhanced-region-support).
 * Nothing moves a resource from one account to another: an account change is always a replacement.
 */

/** The replacement and lifecycle facts of one resource (or data source) type. */
export interface ResourceFacts {
  /** `aws_…` for a managed resource, `data.aws_…` for a data source. */
  readonly type: string;
  /** Arguments whose change makes the provider destroy and create the resource. */
  readonly forcesReplacement: readonly string[];
  /** `lifecycle.create_before_destroy` as synthesized. */
  readonly createBeforeDestroy: boolean;
  /** `lifecycle.ignore_changes` as synthesized. */
  readonly ignoreChanges: readonly string[];
}

/** The facts of a type whose construct writes no `lifecycle`: only what forces a replacement differs. */
function withoutLifecycle(type: string, forcesReplacement: readonly string[]): ResourceFacts {
  return { type, forcesReplacement, createBeforeDestroy: false, ignoreChanges: [] };
}

/**
 * `aws_bedrock_inference_profile`: the provider updates tags only; `name`, `description` and
 * `model_source` carry RequiresReplace
 * (https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/bedrock/inference_profile.go).
 * The replacement is created first so consumers never see a
 * gap. No `ignore_changes`: the provider floor (AWS_PROVIDER_VERSION) reads `model_source` back
 * after an import (hashicorp/terraform-provider-aws#45713).
 */
export const PROFILE_RESOURCE_FACTS = {
  type: "aws_bedrock_inference_profile",
  forcesReplacement: ["name", "description", "model_source", "region"],
  createBeforeDestroy: true,
  ignoreChanges: [],
} as const satisfies ResourceFacts;

/**
 * The arguments of `aws_bedrock_inference_profile` each value of a resolved profile is written
 * to by `InferenceProfile`: the model and its geography land in `model_source.copy_from`, and so
 * does the region (the system profile or model it copies from is the region's). A change of
 * account is a replacement whatever it touches (see above). `test/inference-profile.test.ts`
 * changes each value alone and checks that exactly these arguments change.
 */
export const PROFILE_VALUE_ARGUMENTS = {
  model: ["model_source"],
  name: ["name"],
  description: ["description"],
  geography: ["model_source"],
  region: ["model_source", "region"],
} as const satisfies Record<string, readonly string[]>;

/**
 * `aws_ssm_parameter` (the profile's ARN and its model ID): a new `value` is written in place;
 * a new `name` is a new parameter
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ssm_parameter).
 */
export const SSM_PARAMETER_FACTS = withoutLifecycle("aws_ssm_parameter", ["name", "region"]);

/** `data.aws_caller_identity`: the deploying account where an environment pins none. */
export const CALLER_IDENTITY_FACTS = withoutLifecycle("data.aws_caller_identity", []);

/**
 * `aws_cloudwatch_metric_alarm` (per profile and kind): a new `alarm_name` is a new alarm
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_metric_alarm);
 * metrics, threshold and actions are updated in place.
 */
export const ALARM_FACTS = withoutLifecycle("aws_cloudwatch_metric_alarm", ["alarm_name", "region"]);

/** `aws_sns_topic` (alarm emails, one per region): a new `name` is a new topic. */
export const ALARM_TOPIC_FACTS = withoutLifecycle("aws_sns_topic", ["name", "region"]);

/**
 * `aws_sns_topic_subscription` (one per email address): every argument we set forces a new
 * subscription, which SNS confirms by email again
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sns_topic_subscription).
 */
export const ALARM_SUBSCRIPTION_FACTS = withoutLifecycle("aws_sns_topic_subscription", [
  "topic_arn",
  "protocol",
  "endpoint",
  "region",
]);

/** `aws_cloudwatch_dashboard` (per environment): a new `dashboard_name` is a new dashboard; the body updates in place. */
export const DASHBOARD_FACTS = withoutLifecycle("aws_cloudwatch_dashboard", ["dashboard_name", "region"]);

/** `aws_budgets_budget` (per product, billing stack): a new `name` is a new budget; amounts and notifications update in place. */
export const BUDGET_FACTS = withoutLifecycle("aws_budgets_budget", ["name"]);

/** `aws_ce_cost_allocation_tag` (per tag key, billing stack): the key is its identity; `status` updates in place. */
export const COST_ALLOCATION_TAG_FACTS = withoutLifecycle("aws_ce_cost_allocation_tag", ["tag_key"]);

/**
 * The `lifecycle` a construct writes for a resource of these facts, to spread into its config:
 * nothing when it needs none, so resources without one synthesize as before.
 */
export function lifecycleOf(facts: ResourceFacts): {
  lifecycle?: { createBeforeDestroy?: boolean; ignoreChanges?: string[] };
} {
  const lifecycle = {
    ...(facts.createBeforeDestroy ? { createBeforeDestroy: true } : {}),
    ...(facts.ignoreChanges.length === 0 ? {} : { ignoreChanges: [...facts.ignoreChanges] }),
  };
  return Object.keys(lifecycle).length === 0 ? {} : { lifecycle };
}
