/**
 * The review of budgets, cost allocation tags and alarms (issue 14) on a fixture pair: each
 * change named, and a removed budget reported as a hazard.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/loader.ts";
import { resolveBilling } from "../config/resolve-billing.ts";
import { acknowledgements } from "../review/acknowledge.ts";
import { type ResolvedSide, reviewWithBilling } from "../review/billing-review.ts";
import { renderReport } from "../review/report.ts";
import { ROOT, resolve } from "./helpers.ts";

/** One side of a fixture pair under test/fixtures/review, resolved. */
function side(name: string, which: "base" | "head"): ResolvedSide {
  const file = `${name}/${which}.yaml`;
  const config = parseConfig(readFileSync(join(ROOT, "test/fixtures/review", file), "utf8"), file);
  const billing = resolveBilling(config);
  return { side: resolve(config), ...(billing === undefined ? {} : { billing }) };
}

describe("the review of budgets, tags and alarms", () => {
  const review = reviewWithBilling(side("budget-and-alarm-changes", "base"), side("budget-and-alarm-changes", "head"));
  const report = renderReport(review, { base: "`base`", head: "head" });

  it("names each change in a section of its own", () => {
    expect(report).toContain(`### Budgets, cost allocation tags and alarms

- \`billing-bedrock\`: budget \`agents\` updated in place: amount 500 USD → 800 USD; thresholds 80, 100 → 50, 100
- \`billing-bedrock\`: budget \`platform\` removed
- \`billing-bedrock\`: cost allocation tags activated: \`client\` (a key AWS has not billed yet fails to activate until a day after its first tagged use: apply again then)
- \`prod-bedrock\`: alarm \`agents-main-tokens-per-hour\` added: InputTokenCount + OutputTokenCount > 2000000 per hour → SNS topic alarms-eu-central-1
- \`prod-bedrock\`: alarm \`platform-main-throttles\` removed
`);
  });

  it("makes a removed budget a hazard, with why it matters and the safe way", () => {
    expect(review.hazards.map((hazard) => hazard.kind)).toEqual(["budget-removed"]);
    expect(report).toContain("⚠️ **1 hazard**");
    expect(report).toContain(
      "- `billing-bedrock` · **the budget of `platform` is removed** (1500 USD a month, notifies at 80 %, 100 % (actual and forecasted) to finops@example.com): " +
        "nobody is told any more when its Bedrock spend runs away. Safe way: keep a budget on every product with profiles, " +
        "or remove it in a change of its own that says who watches that spend instead.",
    );
  });

  it("prints the entry that accepts the removal, naming the product and the billing stack", () => {
    expect(report).toContain(
      "  - To accept it on the record, add to `acknowledged:` in the profiles file: " +
        '`{ hazard: budget-removed, product: platform, envs: [billing], reason: "…" }`',
    );
  });

  it("accepts the removal only for the product the entry names", () => {
    const entry = {
      hazard: "budget-removed" as const,
      envs: ["billing"],
      reason: "FinOps watches platform in Cost Explorer",
    };
    const accepted = acknowledgements(review.hazards, [{ ...entry, product: "platform" }]);
    expect(accepted.size).toBe(1);
    expect(renderReport(review, { base: "`base`", head: "head" }, accepted)).toContain(
      "FinOps watches platform in Cost Explorer",
    );
    expect(acknowledgements(review.hazards, [{ ...entry, product: "agents" }]).size).toBe(0);
    expect(acknowledgements(review.hazards, [entry]).size).toBe(0);
    expect(acknowledgements(review.hazards, [{ ...entry, product: "platform", envs: ["prod"] }]).size).toBe(0);
  });

  it("has nothing to say when billing and alarms are unchanged", () => {
    const same = reviewWithBilling(side("budget-and-alarm-changes", "head"), side("budget-and-alarm-changes", "head"));
    expect(same.hazards).toEqual([]);
    expect(renderReport(same, { base: "`base`", head: "head" })).not.toContain("### Budgets");
  });
});
