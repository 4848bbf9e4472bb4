/**
 * The stack `billing-bedrock` in the management (payer) account: the cost allocation tags that
 * make the profiles' tags reach Cost Explorer, and a monthly budget per product.
 *
 * Activating a tag key works only in the management account and only once the key has appeared
 * in billing data, up to 24 hours after a resource carrying it was first billed
 * (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/activating-tags.html,
 * https://github.com/hashicorp/terraform-provider-aws/issues/29068). The provider has no
 * resource for StartCostAllocationTagBackfill: docs/cost-attribution.md
 * gives the `aws ce start-cost-allocation-tag-backfill` command.
 */
import { BudgetsBudget } from "@cdktf/provider-aws/lib/budgets-budget/index.js";
import { CeCostAllocationTag } from "@cdktf/provider-aws/lib/ce-cost-allocation-tag/index.js";
import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { type ResolvedBilling, type ResolvedBudget, tagKeyAddress } from "../config/resolve-billing.ts";
import { BUDGET_FACTS, COST_ALLOCATION_TAG_FACTS, lifecycleOf } from "./resource-facts.ts";
import { addStackFoundation, SelfContainedStack } from "./stack-foundation.ts";

/** Props of {@link BillingStack}. */
export interface BillingStackProps {
  readonly billing: ResolvedBilling;
  /** Local state file, relative to the stack's working directory; used without a backend. */
  readonly localStatePath: string;
}

/** `aws_ce_cost_allocation_tag.<key>` per tag key and `aws_budgets_budget.<product>` per budget. */
export class BillingStack extends SelfContainedStack {
  readonly tags: readonly CeCostAllocationTag[];
  readonly budgets: readonly BudgetsBudget[];

  constructor(scope: Construct, id: string, props: BillingStackProps) {
    super(scope, id);
    const { billing } = props;
    addStackFoundation(this, { ...billing, localStatePath: props.localStatePath });

    this.tags = billing.costAllocationTags.map((tagKey) => {
      const tag = new CeCostAllocationTag(this, `tag-${tagKey}`, {
        tagKey,
        status: "Active",
        ...lifecycleOf(COST_ALLOCATION_TAG_FACTS),
      });
      tag.overrideLogicalId(tagKeyAddress(tagKey));
      return tag;
    });
    this.budgets = billing.budgets.map((budget) => budgetResource(this, budget));

    new TerraformOutput(this, "cost_allocation_tags", {
      description: "Tag keys activated for Cost Explorer, Budgets and the Cost and Usage Report",
      value: billing.costAllocationTags,
    });
  }
}

/** One product's monthly cost budget on Amazon Bedrock, notified on actual and forecasted cost. */
function budgetResource(scope: Construct, budget: ResolvedBudget): BudgetsBudget {
  const resource = new BudgetsBudget(scope, `budget-${budget.product}`, {
    name: budget.name,
    budgetType: "COST",
    timeUnit: "MONTHLY",
    limitAmount: budget.amount,
    limitUnit: budget.currency,
    // The TagKeyValue form `user:<key>$<value>` matches only an activated cost allocation tag
    // (https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_Budget.html).
    // A product key starts with a letter, so `$` is never followed by `{`, which Terraform would
    // read as an interpolation.
    costFilter: [
      { name: "Service", values: [budget.service] },
      { name: "TagKeyValue", values: [budget.tagKeyValue] },
    ],
    notification: budget.thresholds.flatMap((threshold) =>
      (["ACTUAL", "FORECASTED"] as const).map((notificationType) => ({
        comparisonOperator: "GREATER_THAN",
        threshold,
        thresholdType: "PERCENTAGE",
        notificationType,
        ...(budget.emails.length === 0 ? {} : { subscriberEmailAddresses: [...budget.emails] }),
        ...(budget.snsTopicArns.length === 0 ? {} : { subscriberSnsTopicArns: [...budget.snsTopicArns] }),
      })),
    ),
    ...lifecycleOf(BUDGET_FACTS),
  });
  resource.overrideLogicalId(budget.address);
  return resource;
}
