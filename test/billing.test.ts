/**
 * Issue 14: the billing stack (cost allocation tags, budgets), the profiles' alarms and the
 * dashboard, from fixtures only. Exact messages for every refusal; addresses and names pinned,
 * and a model upgrade shown to leave every alarm and the dashboard where they were.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../config/errors.ts";
import { resolveBilling } from "../config/resolve-billing.ts";
import { configFrom, fixtureConfig, fixtureRefusal, ROOT, refusalOf, resolve, synth } from "./helpers.ts";

const FIXTURE = "billing-budgets-alarms.yaml";
const FIXTURE_TEXT = readFileSync(join(ROOT, "test/fixtures", FIXTURE), "utf8");
/** The fixture with its billing: and budgets: sections cut off. */
const WITHOUT_BILLING = FIXTURE_TEXT.replace(/\nbilling:[\s\S]*$/, "\n");

describe("the billing stack", () => {
  const stacks = synth(fixtureConfig(FIXTURE));
  const billing = stacks["billing-bedrock"].json;

  it("exists only with billing:", () => {
    expect(Object.keys(stacks)).toEqual(["billing-bedrock", "dev-bedrock", "prod-bedrock"]);
    expect(Object.keys(synth(configFrom(WITHOUT_BILLING)))).toEqual(["dev-bedrock", "prod-bedrock"]);
  });

  it("deploys to the management account only", () => {
    expect(billing.provider.aws[0].allowed_account_ids).toEqual(["999999999999"]);
    expect(billing.provider.aws[0].region).toBe("us-east-1");
  });

  it("activates product, the policy's required keys and every product's tag keys, not all global tags", () => {
    expect(billing.resource.aws_ce_cost_allocation_tag).toEqual({
      client: expect.objectContaining({ tag_key: "client", status: "Active" }),
      product: expect.objectContaining({ tag_key: "product", status: "Active" }),
      team: expect.objectContaining({ tag_key: "team", status: "Active" }),
    });
  });

  it("activates exactly billing.costAllocationTags when given", () => {
    const config = fixtureConfig(FIXTURE);
    const listed = {
      ...config,
      billing: { ...config.billing, accountId: "999999999999", costAllocationTags: ["cost-center", "product"] },
    };
    expect(resolveBilling(listed)?.costAllocationTags).toEqual(["cost-center", "product"]);
  });

  it("budgets each product's Amazon Bedrock cost by its activated product tag", () => {
    const agents = billing.resource.aws_budgets_budget.agents;
    expect(agents.name).toBe("bedrock-agents-monthly");
    expect([agents.budget_type, agents.time_unit, agents.limit_amount, agents.limit_unit]).toEqual([
      "COST",
      "MONTHLY",
      "500",
      "USD",
    ]);
    expect(agents.cost_filter).toEqual([
      { name: "Service", values: ["Amazon Bedrock"] },
      { name: "TagKeyValue", values: ["user:product$agents"] },
    ]);
  });

  it("notifies on actual and forecasted cost at each threshold, default 80 and 100 percent", () => {
    const notified = (product: string) =>
      billing.resource.aws_budgets_budget[product].notification.map(
        // biome-ignore lint/suspicious/noExplicitAny: synthesized JSON
        (n: any) =>
          `${n.notification_type} > ${n.threshold}% → ${[...(n.subscriber_email_addresses ?? []), ...(n.subscriber_sns_topic_arns ?? [])]}`,
      );
    expect(notified("agents")).toEqual([
      "ACTUAL > 80% → finops@example.com",
      "FORECASTED > 80% → finops@example.com",
      "ACTUAL > 100% → finops@example.com",
      "FORECASTED > 100% → finops@example.com",
    ]);
    // thresholds: [100, 50, 100]: sorted, each once.
    expect(notified("platform")).toEqual([
      "ACTUAL > 50% → arn:aws:sns:us-east-1:999999999999:finops",
      "FORECASTED > 50% → arn:aws:sns:us-east-1:999999999999:finops",
      "ACTUAL > 100% → arn:aws:sns:us-east-1:999999999999:finops",
      "FORECASTED > 100% → arn:aws:sns:us-east-1:999999999999:finops",
    ]);
    expect(billing.resource.aws_budgets_budget.platform.limit_amount).toBe("1250.5");
  });
});

describe("alarms", () => {
  const stacks = synth(fixtureConfig(FIXTURE));
  const alarms = stacks["prod-bedrock"].json.resource.aws_cloudwatch_metric_alarm;

  it("are made only in the environments alarms.envs lists", () => {
    expect(stacks["dev-bedrock"].json.resource.aws_cloudwatch_metric_alarm).toBeUndefined();
  });

  it("pins addresses and names from product, purpose and kind; the profile's alarms override the product's", () => {
    // biome-ignore lint/suspicious/noExplicitAny: synthesized JSON
    expect(Object.entries(alarms).map(([address, alarm]: [string, any]) => [address, alarm.alarm_name])).toEqual([
      ["agents-classify-throttles", "bedrock-prod-agents-classify-throttles"],
      ["agents-classify-tokens-per-hour", "bedrock-prod-agents-classify-tokens-per-hour"],
      ["agents-main-server-errors", "bedrock-prod-agents-main-server-errors"],
      ["agents-main-throttles", "bedrock-prod-agents-main-throttles"],
    ]);
  });

  it("watch the profile's metrics by its ARN and notify the SNS topic given and the one made for emails", () => {
    expect(alarms["agents-main-throttles"]).toMatchObject({
      namespace: "AWS/Bedrock",
      metric_name: "InvocationThrottles",
      dimensions: { ModelId: "${aws_bedrock_inference_profile.agents-main.arn}" },
      statistic: "Sum",
      period: 300,
      comparison_operator: "GreaterThanThreshold",
      threshold: 0,
      treat_missing_data: "notBreaching",
      alarm_actions: [
        "arn:aws:sns:eu-central-1:444444444444:bedrock-oncall",
        "${aws_sns_topic.alarms-eu-central-1.arn}",
      ],
    });
    const resource = stacks["prod-bedrock"].json.resource;
    expect(resource.aws_sns_topic["alarms-eu-central-1"].name).toBe("bedrock-prod-alarms");
    expect(resource.aws_sns_topic_subscription["alarms-eu-central-1-oncall_example_com"]).toMatchObject({
      protocol: "email",
      endpoint: "oncall@example.com",
      topic_arn: "${aws_sns_topic.alarms-eu-central-1.arn}",
    });
  });

  it("give two emails that fold to one address each a subscription of its own", () => {
    const config = configFrom(`version: 1
defaults: { region: eu-central-1 }
environments: { prod: {} }
products:
  agents:
    profiles: { main: { model: nova-pro, envs: [prod] } }
    alarms: { throttles: true, notify: [a.b@example.com, a_b@example.com] }
`);
    expect(resolve(config)[0].monitoring.topics[0].subscriptions).toEqual([
      { address: "alarms-eu-central-1-a_b_example_com", email: "a.b@example.com" },
      { address: "alarms-eu-central-1-a_b_example_com-2", email: "a_b@example.com" },
    ]);
    expect(Object.keys(synth(config)["prod-bedrock"].json.resource.aws_sns_topic_subscription)).toEqual([
      "alarms-eu-central-1-a_b_example_com",
      "alarms-eu-central-1-a_b_example_com-2",
    ]);
  });

  it("sum input and output tokens over an hour for tokensPerHour", () => {
    const tokens = alarms["agents-classify-tokens-per-hour"];
    expect(tokens.threshold).toBe(500000);
    // biome-ignore lint/suspicious/noExplicitAny: synthesized JSON
    expect(tokens.metric_query.map((q: any) => q.expression ?? `${q.metric.metric_name}/${q.metric.period}`)).toEqual([
      "InputTokenCount/3600",
      "OutputTokenCount/3600",
      "FILL(m1, 0) + FILL(m2, 0)",
    ]);
  });
});

describe("the dashboard", () => {
  const stacks = synth(fixtureConfig(FIXTURE));

  it("is one per environment, named bedrock-<env>, with one row of three widgets per product", () => {
    const dashboard = stacks["prod-bedrock"].json.resource.aws_cloudwatch_dashboard.profiles;
    expect(dashboard.dashboard_name).toBe("bedrock-prod");
    const { widgets } = JSON.parse(dashboard.dashboard_body);
    // biome-ignore lint/suspicious/noExplicitAny: dashboard JSON
    expect(widgets.map((w: any) => `${w.y}/${w.x} ${w.properties.title}`)).toEqual([
      "0/0 agents: invocations",
      "0/8 agents: tokens",
      "0/16 agents: errors and throttles",
      "6/0 platform: invocations",
      "6/8 platform: tokens",
      "6/16 platform: errors and throttles",
    ]);
    expect(widgets[0].properties.metrics).toEqual([
      [
        "AWS/Bedrock",
        "Invocations",
        "ModelId",
        "${aws_bedrock_inference_profile.agents-classify.arn}",
        { label: "agents/classify" },
      ],
      [
        "AWS/Bedrock",
        "Invocations",
        "ModelId",
        "${aws_bedrock_inference_profile.agents-main.arn}",
        { label: "agents/main" },
      ],
    ]);
    expect(stacks["dev-bedrock"].json.resource.aws_cloudwatch_dashboard.profiles.dashboard_name).toBe("bedrock-dev");
  });
});

describe("dashboards past 500 widgets", () => {
  it("continue on bedrock-<env>-2 with the rows that do not fit, 166 rows of 3 widgets each", () => {
    const products = Array.from(
      { length: 170 },
      (_, i) => `  p${String(i).padStart(3, "0")}: { profiles: { main: { model: nova-pro, envs: [prod] } } }`,
    );
    const config = configFrom(`version: 1
defaults: { region: eu-central-1 }
environments: { prod: {} }
products:
${products.join("\n")}
`);
    const { dashboards } = resolve(config)[0].monitoring;
    expect(dashboards.map((d) => [d.address, d.name, d.rows.length, d.rows[0].product])).toEqual([
      ["profiles", "bedrock-prod", 166, "p000"],
      ["profiles-2", "bedrock-prod-2", 4, "p166"],
    ]);
  });
});

describe("a model upgrade", () => {
  const upgraded = FIXTURE_TEXT.replace("model: claude-sonnet-45", "model: claude-sonnet-4");
  const before = synth(configFrom(FIXTURE_TEXT))["prod-bedrock"].json.resource;
  const after = synth(configFrom(upgraded))["prod-bedrock"].json.resource;

  it("is a real change of the profile", () => {
    expect(upgraded).not.toBe(FIXTURE_TEXT);
    expect(after.aws_bedrock_inference_profile["agents-main"].name).not.toBe(
      before.aws_bedrock_inference_profile["agents-main"].name,
    );
  });

  it("leaves every alarm, topic and the dashboard at its address with the same content", () => {
    expect(after.aws_cloudwatch_metric_alarm).toEqual(before.aws_cloudwatch_metric_alarm);
    expect(after.aws_sns_topic).toEqual(before.aws_sns_topic);
    expect(after.aws_cloudwatch_dashboard).toEqual(before.aws_cloudwatch_dashboard);
  });
});

describe("refusals", () => {
  it("reports every mistake in billing:, budgets: and alarms: at once, each with the fix", () => {
    expect(
      fixtureRefusal("bad-budgets-and-alarms.yaml"),
    ).toBe(`test/fixtures/bad-budgets-and-alarms.yaml: 11 errors; nothing was synthesized.

test/fixtures/bad-budgets-and-alarms.yaml:13:22 products.agents.alarms.tokensPerHour: tokensPerHour -5 is not a positive whole number of tokens
    allowed: a whole number greater than 0, e.g. 2000000
    fix: write the most input plus output tokens one hour may use, e.g. tokensPerHour: 2000000

test/fixtures/bad-budgets-and-alarms.yaml:14:16 products.agents.alarms.notify[0]: "oncall@example" is not an email address
    allowed: email addresses such as finops@example.com, or SNS topic ARNs such as arn:aws:sns:eu-central-1:123456789012:finops
    fix: write the whole address, e.g. finops@example.com

test/fixtures/bad-budgets-and-alarms.yaml:14:32 products.agents.alarms.notify[1]: "arn:aws:sns:eu-central-1:4444:topic" is not an SNS topic ARN
    allowed: email addresses such as finops@example.com, or SNS topic ARNs such as arn:aws:sns:eu-central-1:123456789012:finops
    fix: copy the topic ARN from \`aws sns list-topics\`: arn:aws:sns:<region>:<account>:<topic>

test/fixtures/bad-budgets-and-alarms.yaml:15:14 products.agents.alarms.envs[0]: unknown environment "prdo"
    allowed: prod
    fix: did you mean "prod"?

test/fixtures/bad-budgets-and-alarms.yaml:18:33 billing.costAllocationTags[1]: "aws:createdBy" is an AWS-generated tag; this list activates user-defined tags only
    fix: remove it and activate AWS-generated tags in the Billing console

test/fixtures/bad-budgets-and-alarms.yaml:20:3 budgets.agent: unknown product "agent"
    allowed: agents
    fix: did you mean "agents"?

test/fixtures/bad-budgets-and-alarms.yaml:21:14 budgets.agent.monthly: monthly budget -500 is not a positive amount
    allowed: an amount greater than 0, e.g. 500 or 1250.50
    fix: write the monthly amount in the budget's currency, e.g. monthly: 500

test/fixtures/bad-budgets-and-alarms.yaml:22:15 budgets.agent.currency: currency "EUR" is not one AWS Budgets tracks cost budgets in
    allowed: USD
    fix: convert the amount and write currency: USD (or leave currency out)

test/fixtures/bad-budgets-and-alarms.yaml:23:14 budgets.agent.notify[0]: "finops.example.com" is not an email address
    allowed: email addresses such as finops@example.com, or SNS topic ARNs such as arn:aws:sns:eu-central-1:123456789012:finops
    fix: write the whole address, e.g. finops@example.com

test/fixtures/bad-budgets-and-alarms.yaml:24:18 budgets.agent.thresholds[0]: threshold 0.8 is not a percentage AWS Budgets accepts here
    allowed: 1-1000 (percent of the monthly amount)
    fix: write it in percent: 80

test/fixtures/bad-budgets-and-alarms.yaml:24:23 budgets.agent.thresholds[1]: threshold 2000 is not a percentage AWS Budgets accepts here
    allowed: 1-1000 (percent of the monthly amount)
    fix: write a percentage, e.g. 80 or 100
`);
  });

  /** A config whose product agents has a budget, one `setting` (a line under the product) and its profile on `model`. */
  const budgetedAgents = (setting: string, model: string) => `version: 1
defaults: { region: eu-central-1 }
environments: { prod: {} }
products:
  agents:
    ${setting}
    profiles:
      main: { model: ${model}, envs: [prod] }
billing: { accountId: "999999999999" }
budgets:
  agents: { monthly: 500, notify: [finops@example.com] }
`;

  it("reports a mistyped alarm value alone: the product's budget and profiles are still checked, not called unknown", () => {
    const message = refusalOf(budgetedAgents('alarms: { tokensPerHour: "2M" }', "claude-sonet-45"));
    expect(message).toContain("test.yaml: 2 errors; nothing was synthesized.");
    expect(message).toContain("test.yaml:6:30 products.agents.alarms.tokensPerHour: expected a number");
    expect(message).toContain('test.yaml:8:22 products.agents.profiles.main.model: unknown model "claude-sonet-45"');
    expect(message).not.toContain("unknown product");
  });

  it("sets a broken product's budget aside with it instead of calling the product unknown", () => {
    expect(
      refusalOf(budgetedAgents("tags: { client: 42 }", "claude-sonnet-45")),
    ).toBe(`test.yaml: 1 error; nothing was synthesized.

test.yaml:6:21 products.agents.tags.client: 42 was read by YAML as a number; client takes a string
    fix: quote it: client: "42"
`);
  });

  it("asks for billing: before budgets:", () => {
    expect(
      fixtureRefusal("budgets-without-billing.yaml"),
    ).toBe(`test/fixtures/budgets-without-billing.yaml: 1 error; nothing was synthesized.

test/fixtures/budgets-without-billing.yaml:9:1 budgets: a budget needs billing:, the management account it is made in
    fix: add billing: { accountId: "<management account ID>" } (docs/cost-attribution.md)
`);
  });

  it("refuses an environment whose stack would be billing-bedrock", () => {
    const yaml = `version: 1
defaults: { region: eu-central-1 }
environments:
  billing: { accountId: "222222222222" }
billing: { accountId: "999999999999" }
`;
    expect(() => configFrom(yaml)).toThrow(
      'test.yaml:4:3 environments.billing: environment "billing" would be the stack billing-bedrock, which billing: already makes\n    fix: rename the environment, e.g. "billing-main"',
    );
  });

  it("refuses two tag keys that would share one activation address", () => {
    const yaml = `version: 1
defaults: { region: eu-central-1 }
environments: { prod: {} }
products:
  agents:
    tags: { "cost:center": a, "cost/center": b }
    profiles: { main: { model: claude-sonnet-45, envs: [prod] } }
billing: { accountId: "999999999999" }
`;
    expect(() => configFrom(yaml)).toThrow(
      'test.yaml:8:1 billing: tag keys "cost/center" and "cost:center" would both be activated at the address aws_ce_cost_allocation_tag.cost_center\n    fix: list the keys to activate under billing.costAllocationTags without one of them, or rename one tag key',
    );
  });

  /** A config whose one budget, for agents, has these thresholds (the items of a YAML flow list). */
  const withThresholds = (thresholds: string) => `version: 1
defaults: { region: eu-central-1 }
environments: { prod: {} }
products: { agents: { profiles: { main: { model: claude-sonnet-45, envs: [prod] } } } }
billing: { accountId: "999999999999" }
budgets:
  agents: { monthly: 1, notify: [a@example.com], thresholds: [${thresholds}] }
`;

  it("refuses more thresholds than AWS Budgets has notifications for", () => {
    expect(() => configFrom(withThresholds("10, 20, 30, 40, 50, 60"))).toThrow(
      "test.yaml:7:62 budgets.agents.thresholds: 6 thresholds make 12 notifications (actual and forecasted each)\n    allowed: at most 5 thresholds: AWS Budgets allows 10 notifications per budget\n    fix: keep the thresholds that need an action, e.g. [80, 100]",
    );
  });

  it("accepts exactly the thresholds from 1 to 1000 percent", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -5, max: 1005 }), fc.double({ min: -5000, max: 5000, noNaN: true })),
        (threshold) => {
          const accepted = (() => {
            try {
              configFrom(withThresholds(String(threshold)));
              return true;
            } catch (error) {
              if (error instanceof ConfigError) return false;
              throw error;
            }
          })();
          expect(accepted).toBe(threshold >= 1 && threshold <= 1000);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("resolveBilling", () => {
  it("is undefined without billing:", () => {
    expect(resolveBilling(configFrom(WITHOUT_BILLING))).toBeUndefined();
    expect(resolve(configFrom(WITHOUT_BILLING)).map((e) => e.monitoring.alarms.length)).toEqual([0, 4]);
  });
});
