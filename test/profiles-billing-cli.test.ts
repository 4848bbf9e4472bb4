/** `npm run profiles -- billing` (issue 14): tags, budgets and alarms as synth builds them, on fixtures. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProfilesCommand } from "../cli/profiles-command.ts";
import { ROOT } from "./helpers.ts";

const run = (fixture: string, ...argv: string[]) => runProfilesCommand(argv, join(ROOT, "test/fixtures", fixture));

describe("npm run profiles -- billing", () => {
  it("lists the activated tag keys, what activation cannot do, the budgets and every alarm", () => {
    expect(run("billing-budgets-alarms.yaml", "billing")).toEqual({
      exitCode: 0,
      stderr: "",
      stdout: `billing-bedrock (account 999999999999, us-east-1)
cost allocation tags: client, product, team
A key is activated only once AWS has billed a resource carrying it (up to 24 hours after its first tagged use): the first apply after new keys may need a second run the next day. Costs before activation need a backfill (docs/cost-attribution.md).

BUDGET    NAME                      MONTHLY     THRESHOLDS (actual and forecasted)  NOTIFY
agents    bedrock-agents-monthly    500 USD     80 %, 100 %                         finops@example.com
platform  bedrock-platform-monthly  1250.5 USD  50 %, 100 %                         arn:aws:sns:us-east-1:999999999999:finops

ENV   ALARM                                         METRIC                                       FIRES     NOTIFY
prod  bedrock-prod-agents-classify-throttles        InvocationThrottles per 5 min                > 0       arn:aws:sns:eu-central-1:444444444444:bedrock-oncall, oncall@example.com (via bedrock-prod-alarms)
prod  bedrock-prod-agents-classify-tokens-per-hour  InputTokenCount + OutputTokenCount per hour  > 500000  arn:aws:sns:eu-central-1:444444444444:bedrock-oncall, oncall@example.com (via bedrock-prod-alarms)
prod  bedrock-prod-agents-main-server-errors        InvocationServerErrors per 5 min             > 0       arn:aws:sns:eu-central-1:444444444444:bedrock-oncall, oncall@example.com (via bedrock-prod-alarms)
prod  bedrock-prod-agents-main-throttles            InvocationThrottles per 5 min                > 0       arn:aws:sns:eu-central-1:444444444444:bedrock-oncall, oncall@example.com (via bedrock-prod-alarms)
`,
    });
  });

  it("says plainly when there is no billing: and no alarm", () => {
    expect(run("legacy-model.yaml", "billing")).toEqual({
      exitCode: 0,
      stderr: "",
      stdout: "No billing: section: no cost allocation tags are activated and no budget exists.\n\nNo alarms.\n",
    });
  });

  it("takes no arguments", () => {
    expect(run("billing-budgets-alarms.yaml", "billing", "--env", "prod")).toEqual({
      exitCode: 2,
      stdout: "",
      stderr: "profiles: billing takes no arguments or flags\n    fix: npm run profiles -- billing\n",
    });
  });
});
