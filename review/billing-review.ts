/**
 * What a change does to budgets, cost allocation tags and alarms (issue 14), from the resolved
 * billing stack and each environment's monitoring at the base and at the head. Pure, like
 * `compare.ts`: `report.ts` renders the lines and hazards.
 *
 * Removing a budget is a hazard: nobody is told any more when that product's spend runs away.
 * Everything else is named so the reviewer sees it.
 */

import { inlineCode } from "../cli/table.ts";
import { type ResolvedEnvironment, stackName } from "../config/resolve.ts";
import {
  BILLING_STACK_NAME,
  type ResolvedAlarm,
  type ResolvedBilling,
  type ResolvedBudget,
} from "../config/resolve-billing.ts";
import { compareConfigs, type Review, type ReviewSide } from "./compare.ts";

/** A budget the head no longer has. */
export interface BudgetRemoval {
  readonly stackName: string;
  readonly budget: ResolvedBudget;
}

/** The billing and alarm part of a review. */
export interface BillingReview {
  /** One line per change, ready for a bullet list: `` `billing-bedrock`: budget `agents` … ``. */
  readonly changes: readonly string[];
  readonly removedBudgets: readonly BudgetRemoval[];
}

/** One side: the billing stack (undefined without `billing:`) and the environments. */
export interface BillingSide {
  readonly billing?: ResolvedBilling;
  readonly environments: readonly ResolvedEnvironment[];
}

/** Whom a budget notifies: its emails, then its SNS topics. */
function recipients(budget: ResolvedBudget): string {
  return [...budget.emails, ...budget.snsTopicArns].join(", ");
}

/** `500 USD a month, notifies at 80 %, 100 % (actual and forecasted) to finops@example.com`. */
export function budgetText(budget: ResolvedBudget): string {
  return (
    `${budget.amount} ${budget.currency} a month, notifies at ${budget.thresholds.map((t) => `${t} %`).join(", ")} ` +
    `(actual and forecasted) to ${recipients(budget)}`
  );
}

/** `throttles > 0 per 5 min → engineering@example.com` for an alarm. */
function alarmText(alarm: ResolvedAlarm): string {
  const period = alarm.periodSeconds === 3600 ? "hour" : `${alarm.periodSeconds / 60} min`;
  const targets = [...alarm.snsTopicArns, ...alarm.topicAddresses.map((address) => `SNS topic ${address}`)];
  return `${alarm.metrics.join(" + ")} > ${alarm.threshold} per ${period}${targets.length === 0 ? ", notifies nobody" : ` → ${targets.join(", ")}`}`;
}

/** Changed fields of a budget kept under the same product. */
function budgetChanges(before: ResolvedBudget, after: ResolvedBudget): string[] {
  const changes: string[] = [];
  const field = (name: string, a: string, b: string) => {
    if (a !== b) changes.push(`${name} ${a} → ${b}`);
  };
  field("amount", `${before.amount} ${before.currency}`, `${after.amount} ${after.currency}`);
  field("thresholds", before.thresholds.join(", "), after.thresholds.join(", "));
  field("notify", recipients(before), recipients(after));
  return changes;
}

/** Added, removed and changed entries of two maps keyed alike, in key order. */
function diffByKey<T>(
  before: ReadonlyMap<string, T>,
  after: ReadonlyMap<string, T>,
): { added: T[]; removed: T[]; kept: [T, T][] } {
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  const added: T[] = [];
  const removed: T[] = [];
  const kept: [T, T][] = [];
  for (const key of keys) {
    const a = before.get(key);
    const b = after.get(key);
    if (a === undefined && b !== undefined) added.push(b);
    else if (a !== undefined && b === undefined) removed.push(a);
    else if (a !== undefined && b !== undefined) kept.push([a, b]);
  }
  return { added, removed, kept };
}

/** Budgets added, updated in place and removed, as lines; each removal also as a hazard's subject. */
function budgetReview(base: BillingSide, head: BillingSide, stack: string): BillingReview {
  const changes: string[] = [];
  const removedBudgets: BudgetRemoval[] = [];
  const budgets = diffByKey(
    new Map((base.billing?.budgets ?? []).map((b) => [b.product, b])),
    new Map((head.billing?.budgets ?? []).map((b) => [b.product, b])),
  );
  for (const budget of budgets.added)
    changes.push(`${stack}: budget ${inlineCode(budget.product)} added: ${budgetText(budget)}`);
  for (const [before, after] of budgets.kept) {
    const fields = budgetChanges(before, after);
    if (fields.length > 0)
      changes.push(`${stack}: budget ${inlineCode(after.product)} updated in place: ${fields.join("; ")}`);
  }
  for (const budget of budgets.removed) {
    changes.push(`${stack}: budget ${inlineCode(budget.product)} removed`);
    removedBudgets.push({ stackName: BILLING_STACK_NAME, budget });
  }
  return { changes, removedBudgets };
}

/** Cost allocation tags activated and no longer managed, as lines. */
function costAllocationTagChanges(base: BillingSide, head: BillingSide, stack: string): string[] {
  const changes: string[] = [];
  const beforeTags = new Set(base.billing?.costAllocationTags ?? []);
  const afterTags = new Set(head.billing?.costAllocationTags ?? []);
  const activated = [...afterTags].filter((key) => !beforeTags.has(key));
  const dropped = [...beforeTags].filter((key) => !afterTags.has(key));
  if (activated.length > 0) {
    changes.push(
      `${stack}: cost allocation tags activated: ${activated.map(inlineCode).join(", ")} ` +
        "(a key AWS has not billed yet fails to activate until a day after its first tagged use: apply again then)",
    );
  }
  if (dropped.length > 0) {
    // Removing the resource stops managing the key; the provider's delete sets it Inactive.
    changes.push(
      `${stack}: cost allocation tags no longer managed (deactivated): ${dropped.map(inlineCode).join(", ")}`,
    );
  }
  return changes;
}

/** Alarms added, updated in place and removed in each environment's stack, as lines. */
function alarmChanges(base: BillingSide, head: BillingSide): string[] {
  const changes: string[] = [];
  const envs = [...new Set([...base.environments, ...head.environments].map((e) => e.env))];
  for (const env of envs) {
    const before = base.environments.find((e) => e.env === env);
    const after = head.environments.find((e) => e.env === env);
    const stack = inlineCode(stackName(env));
    const alarms = diffByKey(
      new Map((before?.monitoring.alarms ?? []).map((a) => [a.address, a])),
      new Map((after?.monitoring.alarms ?? []).map((a) => [a.address, a])),
    );
    for (const alarm of alarms.added)
      changes.push(`${stack}: alarm ${inlineCode(alarm.address)} added: ${alarmText(alarm)}`);
    for (const [a, b] of alarms.kept) {
      if (alarmText(a) !== alarmText(b)) {
        changes.push(`${stack}: alarm ${inlineCode(b.address)} updated in place: ${alarmText(a)} → ${alarmText(b)}`);
      }
    }
    for (const alarm of alarms.removed) changes.push(`${stack}: alarm ${inlineCode(alarm.address)} removed`);
  }
  return changes;
}

/** Compare budgets, cost allocation tags and alarms of two sides. */
function compareBilling(base: BillingSide, head: BillingSide): BillingReview {
  const stack = inlineCode(BILLING_STACK_NAME);
  const budgets = budgetReview(base, head, stack);
  return {
    changes: [...budgets.changes, ...costAllocationTagChanges(base, head, stack), ...alarmChanges(base, head)],
    removedBudgets: budgets.removedBudgets,
  };
}

/** One side of a review: its environments (or why the config is invalid) and its billing stack. */
export interface ResolvedSide {
  readonly side: ReviewSide;
  readonly billing?: ResolvedBilling;
}

/**
 * The review of profiles (`compareConfigs`), then of budgets, tags and alarms with a hazard per
 * removed budget, when both sides are valid.
 */
export function reviewWithBilling(base: ResolvedSide, head: ResolvedSide): Review {
  const profiles = compareConfigs(base.side, head.side);
  if (!Array.isArray(base.side) || !Array.isArray(head.side)) return profiles;
  const billing = compareBilling(
    { billing: base.billing, environments: base.side },
    { billing: head.billing, environments: head.side },
  );
  const budgetHazards = billing.removedBudgets.map((removal) => ({ kind: "budget-removed" as const, removal }));
  return { ...profiles, hazards: [...profiles.hazards, ...budgetHazards], billing };
}
