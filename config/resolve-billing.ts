/**
 * The resolving step for cost attribution and monitoring: the billing stack (cost allocation
 * tags, budgets) and each environment's alarms and dashboard. Pure, like `resolve.ts`, and the
 * one home of their names, addresses and AWS limits; `rules-billing.ts` checks these same values.
 */
import {
  byCodeUnit,
  partitionOf,
  type ResolvedAssumeRole,
  type ResolvedBackend,
  type ResolvedEncryption,
  type ResolvedProfile,
  resolveStackSettings,
  stackName,
} from "./resolve.ts";
import type { AlarmsConfig, BudgetConfig, ProfilesConfig } from "./schema.ts";

/**
 * What the review and `acknowledged:` call the management (payer) account, where an
 * environment name goes: `envs: [billing]` accepts a hazard of its stack.
 */
export const BILLING_ENV = "billing";
/** The stack of the management (payer) account, named like an environment's. */
export const BILLING_STACK_NAME = stackName(BILLING_ENV);

/** The billing stack's state key in its backend when `billing.backend.key` is not written. */
export const BILLING_STATE_KEY = `bedrock/${BILLING_STACK_NAME}.tfstate`;

/**
 * The service as Cost Explorer and AWS Budgets name it in the `Service` dimension; the same
 * string as `servicename` in the AWS Price List for Bedrock
 * (https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-create-filters.html).
 */
export const BEDROCK_SERVICE_NAME = "Amazon Bedrock";

/** @default of `budgets.<product>.currency`. */
export const DEFAULT_CURRENCY = "USD";
/** @default of `budgets.<product>.thresholds`, in percent. */
export const DEFAULT_THRESHOLDS: readonly number[] = [80, 100];

/** One product's monthly budget. */
export interface ResolvedBudget extends NotifyTargets {
  readonly product: string;
  /** `aws_budgets_budget.<product>`: stable, from the product key only. */
  readonly address: string;
  /** `bedrock-<product>-monthly`; a new name replaces the budget, so it never follows anything else. */
  readonly name: string;
  /** As AWS Budgets stores it: a decimal string. */
  readonly amount: string;
  readonly currency: string;
  /** `user:product$<product>`: the Budgets form of an activated user tag with its value. */
  readonly tagKeyValue: string;
  readonly service: string;
  readonly thresholds: readonly number[];
}

/** The billing stack. */
export interface ResolvedBilling {
  readonly stackName: string;
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  readonly backend?: ResolvedBackend;
  readonly assumeRole?: ResolvedAssumeRole;
  readonly encryption?: ResolvedEncryption;
  /** Provider `default_tags`: the global tags. */
  readonly defaultTags: Readonly<Record<string, string>>;
  /** Sorted. `aws_ce_cost_allocation_tag.<key as address>` each. */
  readonly costAllocationTags: readonly string[];
  /** Sorted by product. */
  readonly budgets: readonly ResolvedBudget[];
}

/** Which `AWS/Bedrock` metric an alarm watches. */
export type AlarmKind = "throttles" | "server-errors" | "tokens-per-hour";

/** One CloudWatch alarm on one profile. */
export interface ResolvedAlarm {
  readonly kind: AlarmKind;
  /** `<product>-<purpose>-<kind>`: from product and purpose only, so a model upgrade updates it in place. */
  readonly address: string;
  /** The profile it watches, by address. */
  readonly profileAddress: string;
  /** `bedrock-<env>-<product>-<purpose>-<kind>`: unique per account and region. */
  readonly name: string;
  readonly description: string;
  readonly region: string;
  /** Metric names; tokens-per-hour sums two. */
  readonly metrics: readonly string[];
  readonly periodSeconds: number;
  /** Fires when the sum over the period is greater than this. */
  readonly threshold: number;
  readonly snsTopicArns: readonly string[];
  /** Addresses of the environment's own topics (for email addresses) it notifies. */
  readonly topicAddresses: readonly string[];
}

/** An SNS topic an environment makes to email alarm notifications, one per region. */
export interface ResolvedAlarmTopic {
  /** `alarms-<region>`. */
  readonly address: string;
  /** `bedrock-<env>-alarms`. */
  readonly name: string;
  readonly region: string;
  readonly emails: readonly string[];
  /** One email subscription per address, each at `<topic address>-<email as an address>`. */
  readonly subscriptions: readonly { readonly address: string; readonly email: string }[];
}

/** One row of the dashboard: a product and its profiles in this environment. */
export interface ResolvedDashboardRow {
  readonly product: string;
  /** Addresses of the product's profiles, sorted. */
  readonly profileAddresses: readonly string[];
}

/** Alarms and dashboard of one environment. */
export interface ResolvedMonitoring {
  readonly env: string;
  /** Sorted by address. */
  readonly alarms: readonly ResolvedAlarm[];
  /** Sorted by region. */
  readonly topics: readonly ResolvedAlarmTopic[];
  /** Usually one; none without profiles; more when the rows exceed one dashboard's widgets. */
  readonly dashboards: readonly ResolvedDashboard[];
}

/** One CloudWatch dashboard of an environment. */
export interface ResolvedDashboard {
  /** `profiles`, then `profiles-2`, …: from the environment and the page only. */
  readonly address: string;
  /** `bedrock-<env>`, then `bedrock-<env>-2`, …; dashboards are global in an account. */
  readonly name: string;
  /** One row per product, in product order. */
  readonly rows: readonly ResolvedDashboardRow[];
}

/** The widgets of each dashboard row, left to right, and the `AWS/Bedrock` metrics each shows. */
export const DASHBOARD_WIDGETS: readonly { readonly title: string; readonly metrics: readonly string[] }[] = [
  { title: "invocations", metrics: ["Invocations"] },
  { title: "tokens", metrics: ["InputTokenCount", "OutputTokenCount"] },
  {
    title: "errors and throttles",
    metrics: ["InvocationClientErrors", "InvocationServerErrors", "InvocationThrottles"],
  },
];

/**
 * A dashboard body holds at most 500 widgets
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html).
 */
export const DASHBOARD_MAX_WIDGETS = 500;

/** Sort strings by code unit, independent of locale. */
function sorted(values: Iterable<string>): string[] {
  return [...values].sort(byCodeUnit);
}

/**
 * The tag keys to activate: `billing.costAllocationTags` when written, else `tagPolicy.required`
 * and every tag key a product or profile sets (`product` included). The global `tags:` are in
 * `tagPolicy.required` when they matter for reports; listing them all would activate keys such
 * as `managed-by` that nobody groups costs by.
 */
export function costAllocationTagKeys(config: ProfilesConfig): string[] {
  if (config.billing?.costAllocationTags !== undefined) return sorted(new Set(config.billing.costAllocationTags));
  const keys = new Set<string>(["product", ...config.tagPolicy.required]);
  for (const product of Object.values(config.products)) {
    for (const key of Object.keys(product.tags ?? {})) keys.add(key);
    for (const profile of Object.values(product.profiles)) {
      for (const key of Object.keys(profile.tags ?? {})) keys.add(key);
    }
  }
  return sorted(keys);
}

/** Text as part of a Terraform address: letters, digits, `-` and `_`; anything else becomes `_`. */
function addressPart(text: string): string {
  return text.replace(/[^a-zA-Z0-9_-]/g, "_");
}

/** A tag key as a Terraform address ({@link addressPart}), starting with a letter or `_`. */
export function tagKeyAddress(key: string): string {
  const address = addressPart(key);
  return /^[a-zA-Z_]/.test(address) ? address : `_${address}`;
}

/**
 * Each email with a Terraform address; two emails that fold to one address (`a.b@x.io`,
 * `a_b@x.io`) get `-2`, `-3`, … in sorted order, so synth never meets two resources at one address.
 */
function uniqueAddresses(
  emails: readonly string[],
  addressOf: (email: string) => string,
): { address: string; email: string }[] {
  const taken = new Map<string, number>();
  return emails.map((email) => {
    const base = addressOf(email);
    const seen = (taken.get(base) ?? 0) + 1;
    taken.set(base, seen);
    return { address: seen === 1 ? base : `${base}-${seen}`, email };
  });
}

/** Whether a `notify:` entry names an SNS topic (an ARN) rather than an email address. */
export function isTopicTarget(target: string): boolean {
  return target.startsWith("arn:");
}

/** Who a `notify:` list reaches: email addresses and SNS topic ARNs, apart. */
export interface NotifyTargets {
  readonly emails: readonly string[];
  readonly snsTopicArns: readonly string[];
}

/** SNS topic ARNs and email addresses of a `notify:` list, apart. */
export function splitNotify(notify: readonly string[]): NotifyTargets {
  return {
    emails: notify.filter((target) => !isTopicTarget(target)),
    snsTopicArns: notify.filter(isTopicTarget),
  };
}

/** A budget's thresholds as its notifications use them: written or the default, each once, ascending. */
export function resolvedThresholds(budget: BudgetConfig): number[] {
  return [...new Set(budget.thresholds ?? DEFAULT_THRESHOLDS)].sort((a, b) => a - b);
}

/** The billing stack of a valid config; undefined without `billing:`. */
export function resolveBilling(config: ProfilesConfig): ResolvedBilling | undefined {
  const billing = config.billing;
  if (billing === undefined) return undefined;
  const region = billing.region ?? config.defaults.region;
  const configured = config.budgets ?? {};
  const budgets = sorted(Object.keys(configured)).map((product): ResolvedBudget => {
    const budget = configured[product];
    return {
      product,
      address: product,
      name: `bedrock-${product}-monthly`,
      amount: String(budget.monthly),
      currency: budget.currency ?? DEFAULT_CURRENCY,
      tagKeyValue: `user:product$${product}`,
      service: BEDROCK_SERVICE_NAME,
      thresholds: resolvedThresholds(budget),
      ...splitNotify(budget.notify),
    };
  });
  return {
    stackName: BILLING_STACK_NAME,
    accountId: billing.accountId,
    region,
    partition: partitionOf(region),
    ...resolveStackSettings(billing, region, BILLING_STATE_KEY),
    defaultTags: { ...config.tags },
    costAllocationTags: costAllocationTagKeys(config),
    budgets,
  };
}

/** The alarms settings of a profile: the product's, overridden key by key by the profile's. */
function effectiveAlarms(config: ProfilesConfig, product: string, purpose: string): AlarmsConfig | undefined {
  const productAlarms = config.products[product]?.alarms;
  const profileAlarms = config.products[product]?.profiles[purpose]?.alarms;
  if (productAlarms === undefined && profileAlarms === undefined) return undefined;
  return { ...productAlarms, ...profileAlarms };
}

/**
 * The metric, period and threshold of each kind. Throttles and server errors fire on any in
 * five minutes; tokens are summed over an hour.
 * Metrics: https://docs.aws.amazon.com/bedrock/latest/userguide/monitoring-runtime-metrics.html
 */
const ALARM_KINDS: readonly {
  readonly kind: AlarmKind;
  readonly enabled: (alarms: AlarmsConfig) => number | undefined;
  readonly metrics: readonly string[];
  readonly periodSeconds: number;
  readonly what: string;
}[] = [
  {
    kind: "throttles",
    enabled: (a) => (a.throttles ? 0 : undefined),
    metrics: ["InvocationThrottles"],
    periodSeconds: 300,
    what: "throttled invocations",
  },
  {
    kind: "server-errors",
    enabled: (a) => (a.serverErrors ? 0 : undefined),
    metrics: ["InvocationServerErrors"],
    periodSeconds: 300,
    what: "server errors",
  },
  {
    kind: "tokens-per-hour",
    enabled: (a) => a.tokensPerHour,
    metrics: ["InputTokenCount", "OutputTokenCount"],
    periodSeconds: 3600,
    what: "input plus output tokens per hour",
  },
];

/** The alarms of one resolved profile, from its effective settings and their `notify:` split. */
function profileAlarms(
  settings: AlarmsConfig,
  notify: NotifyTargets,
  profile: ResolvedProfile,
  topicAddress: string,
): ResolvedAlarm[] {
  return ALARM_KINDS.flatMap(({ kind, enabled, metrics, periodSeconds, what }): ResolvedAlarm[] => {
    const threshold = enabled(settings);
    if (threshold === undefined) return [];
    return [
      {
        kind,
        address: `${profile.address}-${kind}`,
        profileAddress: profile.address,
        name: `bedrock-${profile.env}-${profile.product}-${profile.purpose}-${kind}`,
        description: `Bedrock profile ${profile.key} in ${profile.env}: ${what} above ${threshold}`,
        region: profile.region,
        metrics,
        periodSeconds,
        threshold,
        snsTopicArns: notify.snsTopicArns,
        topicAddresses: notify.emails.length === 0 ? [] : [topicAddress],
      },
    ];
  });
}

/** Alarms, topics and dashboard of one environment, from its resolved profiles. */
export function resolveMonitoring(
  config: ProfilesConfig,
  env: string,
  profiles: readonly ResolvedProfile[],
): ResolvedMonitoring {
  const topicAddress = (region: string) => `alarms-${region}`;
  const alarms: ResolvedAlarm[] = [];
  // A topic's subscribers: the emails of every profile in its region that has an alarm.
  const emailsByRegion = new Map<string, Set<string>>();
  for (const profile of profiles) {
    const settings = effectiveAlarms(config, profile.product, profile.purpose);
    if (settings === undefined || !(settings.envs ?? [profile.env]).includes(profile.env)) continue;
    const notify = splitNotify(settings.notify ?? []);
    const mine = profileAlarms(settings, notify, profile, topicAddress(profile.region));
    if (mine.length === 0) continue;
    alarms.push(...mine);
    if (notify.emails.length === 0) continue;
    const set = emailsByRegion.get(profile.region) ?? new Set<string>();
    for (const email of notify.emails) set.add(email);
    emailsByRegion.set(profile.region, set);
  }
  alarms.sort((a, b) => byCodeUnit(a.address, b.address));
  const topics = sorted(emailsByRegion.keys()).map((region): ResolvedAlarmTopic => {
    const emails = sorted(emailsByRegion.get(region) ?? []);
    return {
      address: topicAddress(region),
      name: `bedrock-${env}-alarms`,
      region,
      emails,
      subscriptions: uniqueAddresses(emails, (email) => `${topicAddress(region)}-${addressPart(email)}`),
    };
  });
  const rows = Object.keys(config.products)
    .map((product) => ({
      product,
      profileAddresses: profiles.filter((p) => p.product === product).map((p) => p.address),
    }))
    .filter((row) => row.profileAddresses.length > 0);
  const rowsPerDashboard = Math.floor(DASHBOARD_MAX_WIDGETS / DASHBOARD_WIDGETS.length);
  const dashboards: ResolvedDashboard[] = [];
  for (let first = 0; first < rows.length; first += rowsPerDashboard) {
    const page = dashboards.length === 0 ? "" : `-${dashboards.length + 1}`;
    dashboards.push({
      address: `profiles${page}`,
      name: `bedrock-${env}${page}`,
      rows: rows.slice(first, first + rowsPerDashboard),
    });
  }
  return { env, alarms, topics, dashboards };
}
