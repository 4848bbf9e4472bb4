/**
 * The rules on `billing:`, `budgets:` and `alarms:` (issue 14): every value `resolve-billing.ts`
 * turns into a budget, a cost allocation tag or an alarm is checked here first, each issue at its
 * YAML path with what was given, what is allowed and the fix.
 */
import { BUDGET, BUDGET_CURRENCY, EMAIL_ADDRESS, SNS_TOPIC_ARN, TAG } from "./aws-limits.ts";
import { type ConfigIssue, type ConfigPath, didYouMean, listSome, show } from "./errors.ts";
import { isReservedTagKey, isTagKey } from "./reference-rules.ts";
import { stackName } from "./resolve.ts";
import {
  BILLING_STACK_NAME,
  costAllocationTagKeys,
  DEFAULT_THRESHOLDS,
  isTopicTarget,
  resolvedThresholds,
  splitNotify,
  tagKeyAddress,
} from "./resolve-billing.ts";
import type { AlarmsConfig, BudgetConfig, ProfilesConfig } from "./schema.ts";

const NOTIFY_ALLOWED =
  "email addresses such as finops@example.com, or SNS topic ARNs such as arn:aws:sns:eu-central-1:123456789012:finops";

/** Each `notify:` entry must be an email address or an SNS topic ARN. */
function checkNotify(notify: readonly string[], where: ConfigPath): ConfigIssue[] {
  return notify.flatMap((target, index): ConfigIssue[] => {
    const topic = isTopicTarget(target);
    if (topic ? SNS_TOPIC_ARN.pattern.test(target) : EMAIL_ADDRESS.pattern.test(target)) return [];
    return [
      {
        path: [...where, index],
        message: topic ? `${show(target)} is not an SNS topic ARN` : `${show(target)} is not an email address`,
        allowed: NOTIFY_ALLOWED,
        fix: topic
          ? "copy the topic ARN from `aws sns list-topics`: arn:aws:sns:<region>:<account>:<topic>"
          : "write the whole address, e.g. finops@example.com",
      },
    ];
  });
}

/** No environment may be named so that its stack is the billing stack. */
export function checkBillingStackName(config: ProfilesConfig): ConfigIssue[] {
  if (config.billing === undefined) return [];
  const clash = Object.keys(config.environments).find((env) => stackName(env) === BILLING_STACK_NAME);
  if (clash === undefined) return [];
  return [
    {
      path: ["environments", clash],
      atKey: true,
      message: `environment ${show(clash)} would be the stack ${BILLING_STACK_NAME}, which billing: already makes`,
      fix: `rename the environment, e.g. ${show(`${clash}-main`)}`,
    },
  ];
}

/** The tag keys to activate: each at an address of its own, each a user-defined tag key. */
export function checkCostAllocationTags(config: ProfilesConfig): ConfigIssue[] {
  const billing = config.billing;
  if (billing === undefined) return [];
  const issues: ConfigIssue[] = [];
  const byAddress = new Map<string, string>();
  for (const key of costAllocationTagKeys(config)) {
    const other = byAddress.get(tagKeyAddress(key));
    if (other !== undefined) {
      issues.push({
        path: billing.costAllocationTags === undefined ? ["billing"] : ["billing", "costAllocationTags"],
        atKey: billing.costAllocationTags === undefined,
        message: `tag keys ${show(other)} and ${show(key)} would both be activated at the address aws_ce_cost_allocation_tag.${tagKeyAddress(key)}`,
        fix: "list the keys to activate under billing.costAllocationTags without one of them, or rename one tag key",
      });
    }
    byAddress.set(tagKeyAddress(key), key);
  }
  (billing.costAllocationTags ?? []).forEach((key, index) => {
    const path = ["billing", "costAllocationTags", index];
    if (!isTagKey(key)) {
      issues.push({
        path,
        message: `${show(key)} is not a tag key a profile can carry`,
        allowed: `1-${TAG.maxKey} characters: ${TAG.characters}`,
        fix: "list the tag keys as written under tags:",
      });
    } else if (isReservedTagKey(key)) {
      issues.push({
        path,
        message: `${show(key)} is an AWS-generated tag; this list activates user-defined tags only`,
        fix: "remove it and activate AWS-generated tags in the Billing console",
      });
    }
  });
  return issues;
}

/** A budget needs `billing:`, the management account it is made in. */
function budgetsNeedBilling(config: ProfilesConfig): ConfigIssue[] {
  if (config.billing !== undefined || Object.keys(config.budgets ?? {}).length === 0) return [];
  return [
    {
      path: ["budgets"],
      atKey: true,
      message: "a budget needs billing:, the management account it is made in",
      fix: 'add billing: { accountId: "<management account ID>" } (docs/cost-attribution.md)',
    },
  ];
}

/** A budget's product, amount and currency. */
function budgetAmount(product: string, budget: BudgetConfig, config: ProfilesConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const products = Object.keys(config.products);
  if (!(product in config.products)) {
    issues.push({
      path: ["budgets", product],
      atKey: true,
      message: `unknown product ${show(product)}`,
      allowed: listSome(products),
      fix: didYouMean(product, products) ?? "budgets are per product: use a key of products:",
    });
  }
  if (!Number.isFinite(budget.monthly) || budget.monthly <= 0) {
    issues.push({
      path: ["budgets", product, "monthly"],
      message: `monthly budget ${show(budget.monthly)} is not a positive amount`,
      allowed: "an amount greater than 0, e.g. 500 or 1250.50",
      fix: "write the monthly amount in the budget's currency, e.g. monthly: 500",
    });
  }
  if (budget.currency !== undefined && !BUDGET_CURRENCY.allowed.includes(budget.currency)) {
    issues.push({
      path: ["budgets", product, "currency"],
      message: `currency ${show(budget.currency)} is not one AWS Budgets tracks cost budgets in`,
      allowed: BUDGET_CURRENCY.allowed.join(", "),
      fix: `convert the amount and write currency: ${BUDGET_CURRENCY.allowed[0]} (or leave currency out)`,
    });
  }
  return issues;
}

/** Whom a budget notifies: someone, each a valid target, within the limits of one notification. */
function budgetNotify(product: string, budget: BudgetConfig): ConfigIssue[] {
  const path = ["budgets", product, "notify"];
  const issues: ConfigIssue[] = [];
  if (budget.notify.length === 0) {
    issues.push({
      path,
      message: "notify: is empty, so no one would hear of the budget",
      allowed: NOTIFY_ALLOWED,
      fix: "add at least one address, e.g. notify: [finops@example.com]",
    });
  }
  issues.push(...checkNotify(budget.notify, path));
  const { emails, snsTopicArns } = splitNotify(budget.notify);
  if (emails.length > BUDGET.emailsPerNotification || snsTopicArns.length > BUDGET.snsTopicsPerNotification) {
    issues.push({
      path,
      message: `notify: has ${emails.length} email addresses and ${snsTopicArns.length} SNS topics`,
      allowed: `at most ${BUDGET.emailsPerNotification} email addresses and ${BUDGET.snsTopicsPerNotification} SNS topic per budget notification (AWS Budgets)`,
      fix: "send to one SNS topic and subscribe the rest to it",
    });
  }
  return issues;
}

/** A budget's thresholds: percentages AWS Budgets accepts, few enough for its notifications. */
function budgetThresholds(product: string, budget: BudgetConfig): ConfigIssue[] {
  const issues = (budget.thresholds ?? []).flatMap((threshold, index): ConfigIssue[] =>
    threshold >= BUDGET.threshold.min && threshold <= BUDGET.threshold.max
      ? []
      : [
          {
            path: ["budgets", product, "thresholds", index],
            message: `threshold ${show(threshold)} is not a percentage AWS Budgets accepts here`,
            allowed: `${BUDGET.threshold.min}-${BUDGET.threshold.max} (percent of the monthly amount)`,
            fix:
              threshold > 0 && threshold < 1
                ? `write it in percent: ${Math.round(threshold * 100)}`
                : `write a percentage, e.g. ${DEFAULT_THRESHOLDS.join(" or ")}`,
          },
        ],
  );
  // Counted as resolve-billing.ts makes them: each distinct threshold once.
  const distinct = resolvedThresholds(budget).length;
  const notifications = distinct * 2;
  if (notifications > BUDGET.notifications) {
    issues.push({
      path: ["budgets", product, "thresholds"],
      message: `${distinct} thresholds make ${notifications} notifications (actual and forecasted each)`,
      allowed: `at most ${BUDGET.notifications / 2} thresholds: AWS Budgets allows ${BUDGET.notifications} notifications per budget`,
      fix: "keep the thresholds that need an action, e.g. [80, 100]",
    });
  }
  return issues;
}

/** The `budgets:` section. */
export function checkBudgets(config: ProfilesConfig): ConfigIssue[] {
  return [
    ...budgetsNeedBilling(config),
    ...Object.entries(config.budgets ?? {}).flatMap(([product, budget]) => [
      ...budgetAmount(product, budget, config),
      ...budgetNotify(product, budget),
      ...budgetThresholds(product, budget),
    ]),
  ];
}

/** One `alarms:` block of a product or profile; `envs` are the environments it may name. */
function checkAlarmsBlock(
  alarms: AlarmsConfig | undefined,
  where: ConfigPath,
  config: ProfilesConfig,
  envs: readonly string[],
): ConfigIssue[] {
  if (alarms === undefined) return [];
  const issues: ConfigIssue[] = [];
  const { tokensPerHour } = alarms;
  if (tokensPerHour !== undefined && !(Number.isInteger(tokensPerHour) && tokensPerHour > 0)) {
    issues.push({
      path: [...where, "tokensPerHour"],
      message: `tokensPerHour ${show(tokensPerHour)} is not a positive whole number of tokens`,
      allowed: "a whole number greater than 0, e.g. 2000000",
      fix: "write the most input plus output tokens one hour may use, e.g. tokensPerHour: 2000000",
    });
  }
  issues.push(...checkNotify(alarms.notify ?? [], [...where, "notify"]));
  (alarms.envs ?? []).forEach((env, index) => {
    if (envs.includes(env)) return;
    issues.push({
      path: [...where, "envs", index],
      message:
        env in config.environments
          ? `no profile here is in environment ${show(env)}`
          : `unknown environment ${show(env)}`,
      allowed: listSome([...envs]),
      fix: didYouMean(env, envs) ?? "list environments the profiles are in",
    });
  });
  return issues;
}

/** Every `alarms:` of products and profiles. */
export function checkAlarms(config: ProfilesConfig): ConfigIssue[] {
  return Object.entries(config.products).flatMap(([product, productConfig]) => {
    const productEnvs = [...new Set(Object.values(productConfig.profiles).flatMap((profile) => profile.envs))];
    return [
      ...checkAlarmsBlock(productConfig.alarms, ["products", product, "alarms"], config, productEnvs),
      ...Object.entries(productConfig.profiles).flatMap(([purpose, profile]) =>
        checkAlarmsBlock(profile.alarms, ["products", product, "profiles", purpose, "alarms"], config, profile.envs),
      ),
    ];
  });
}
