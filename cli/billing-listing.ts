/**
 * `npm run profiles -- billing`: the billing stack (cost allocation tags, budgets) and every
 * alarm per environment, from the same resolved plan synth builds. Pure: text out.
 */
import type { ResolvedEnvironment } from "../config/resolve.ts";
import type { ResolvedAlarm, ResolvedBilling } from "../config/resolve-billing.ts";
import { formatTextTable } from "./table.ts";

/** What activation cannot do, said wherever the activated keys are listed. */
const ACTIVATION_NOTE =
  "A key is activated only once AWS has billed a resource carrying it (up to 24 hours after its first tagged use): " +
  "the first apply after new keys may need a second run the next day. Costs before activation need a backfill " +
  "(docs/cost-attribution.md).";

/** The metric of an alarm as a reader names it: `InvocationThrottles per 5 min`. */
function metricText(alarm: ResolvedAlarm): string {
  const period = alarm.periodSeconds === 3600 ? "hour" : `${alarm.periodSeconds / 60} min`;
  return `${alarm.metrics.join(" + ")} per ${period}`;
}

/** The listing; `billing` undefined when the config has no `billing:`. */
export function listBilling(
  billing: ResolvedBilling | undefined,
  environments: readonly ResolvedEnvironment[],
): string {
  const sections: string[] = [];
  if (billing === undefined) {
    sections.push("No billing: section: no cost allocation tags are activated and no budget exists.\n");
  } else {
    sections.push(
      `${billing.stackName} (account ${billing.accountId}, ${billing.region})\n` +
        `cost allocation tags: ${billing.costAllocationTags.join(", ")}\n${ACTIVATION_NOTE}\n`,
    );
    if (billing.budgets.length > 0) {
      sections.push(
        formatTextTable(
          ["BUDGET", "NAME", "MONTHLY", "THRESHOLDS (actual and forecasted)", "NOTIFY"],
          billing.budgets.map((budget) => [
            budget.product,
            budget.name,
            `${budget.amount} ${budget.currency}`,
            budget.thresholds.map((threshold) => `${threshold} %`).join(", "),
            [...budget.emails, ...budget.snsTopicArns].join(", "),
          ]),
        ),
      );
    }
  }
  const alarms = environments.flatMap((environment) =>
    environment.monitoring.alarms.map((alarm) => [
      environment.env,
      alarm.name,
      metricText(alarm),
      `> ${alarm.threshold}`,
      [
        ...alarm.snsTopicArns,
        ...environment.monitoring.topics
          .filter((topic) => alarm.topicAddresses.includes(topic.address))
          .flatMap((topic) => topic.emails.map((email) => `${email} (via ${topic.name})`)),
      ].join(", ") || "nobody",
    ]),
  );
  sections.push(
    alarms.length === 0 ? "No alarms.\n" : formatTextTable(["ENV", "ALARM", "METRIC", "FIRES", "NOTIFY"], alarms),
  );
  return sections.join("\n");
}
