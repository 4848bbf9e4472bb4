/**
 * Profile names: the default per purpose, `name:` templates, and fixes that always propose a
 * template valid in every environment the profile lists (never a literal copied from one of them).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configFrom, EXAMPLE_FIXTURE, ROOT, refusalOf, resolve } from "./helpers.ts";

/** A config whose product `agents` has the given profiles (lines under `profiles:`). */
function withProfiles(...profiles: string[]): string {
  return `version: 1
defaults: { region: eu-central-1 }
environments:
  dev: { accountId: "222222222222" }
  prod: { accountId: "444444444444" }
products:
  agents:
    profiles:
${profiles.map((line) => `      ${line}`).join("\n")}
`;
}

/** Every `[env, key, name]` a config resolves to. */
function names(yaml: string): string[][] {
  return resolve(configFrom(yaml)).flatMap((e) => e.profiles.map((p) => [e.env, p.key, p.name]));
}

describe("default names", () => {
  it("keep {product}-{model}-{env} for main and add {purpose} for any other purpose, so both can share a model", () => {
    expect(
      names(
        withProfiles(
          "main: { model: claude-haiku-45, envs: [dev, prod] }",
          "classify: { model: claude-haiku-45, envs: [prod] }",
        ),
      ),
    ).toEqual([
      ["dev", "agents/main", "agents-claude-haiku-45-dev"],
      ["prod", "agents/classify", "agents-classify-claude-haiku-45-prod"],
      ["prod", "agents/main", "agents-claude-haiku-45-prod"],
    ]);
  });

  it("accept README 'Add a profile' as shown: summarize on the model of classify, in every environment", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Add a profile"));
    const entry = /^ {6}(summarize: \{.*\}) +# ← the new entry$/m.exec(section)?.[1];
    expect(entry).toBe("summarize: { model: claude-haiku-45, envs: [dev, pre, prod] }");
    const example = readFileSync(EXAMPLE_FIXTURE, "utf8");
    const added = example.replace(
      "    profiles:\n      main:\n        model: claude-sonnet-45\n        envs: [dev, pre, prod]\n        description: Agent",
      `    profiles:\n      ${entry}\n      main:\n        model: claude-sonnet-45\n        envs: [dev, pre, prod]\n        description: Agent`,
    );
    expect(added).not.toBe(example);
    expect(names(added).filter(([, key]) => key === "agents/summarize")).toEqual([
      ["dev", "agents/summarize", "agents-summarize-claude-haiku-45-dev"],
      ["pre", "agents/summarize", "agents-summarize-claude-haiku-45-pre"],
      ["prod", "agents/summarize", "agents-summarize-claude-haiku-45-prod"],
    ]);
  });
});

describe("name templates", () => {
  it("fill {product}, {purpose}, {model} and {env} in each environment", () => {
    expect(
      names(
        withProfiles('chat: { model: claude-sonnet-45, envs: [dev, prod], name: "{env}-{product}-{purpose}-{model}" }'),
      ),
    ).toEqual([
      ["dev", "agents/chat", "dev-agents-chat-claude-sonnet-45"],
      ["prod", "agents/chat", "prod-agents-chat-claude-sonnet-45"],
    ]);
  });

  it("keep a literal name as written (the adopted profiles' case)", () => {
    expect(names(withProfiles("chat: { model: claude-sonnet-45, envs: [prod], name: rd-haiku-45 }"))).toEqual([
      ["prod", "agents/chat", "rd-haiku-45"],
    ]);
  });

  it.each([
    ["the template it was meant to be", "{product}-{modle}-{env}", "{modle}", "{product}-{model}-{env}"],
    [
      "one valid everywhere when the template has no {env} or {model}",
      "{product}-{stage}",
      "{stage}",
      "{product}-{purpose}-{model}-{env}",
    ],
  ])("refuse an unknown placeholder, proposing %s", (_, template, placeholder, fix) => {
    expect(
      refusalOf(withProfiles(`chat: { model: claude-sonnet-45, envs: [dev, prod], name: "${template}" }`)),
    ).toBe(`test.yaml: 1 error; nothing was synthesized.

test.yaml:9:65 products.agents.profiles.chat.name: name template "${template}" has the unknown placeholder ${placeholder}
    allowed: {product}, {purpose}, {model}, {env}
    fix: write name: "${fix}"
`);
  });

  it("refuse characters Bedrock does not accept, proposing the template without them", () => {
    expect(
      refusalOf(withProfiles('chat: { model: claude-sonnet-45, envs: [dev, prod], name: "{product}.{model}--{env}" }')),
    ).toBe(`test.yaml: 2 errors; nothing was synthesized.

test.yaml:9:65 products.agents.profiles.chat.name: profile name "agents.claude-sonnet-45--dev" is not accepted by Bedrock
    allowed: 1-64 letters or digits, each optionally followed by one space, _ or -
    fix: write name: "{product}-{model}-{env}"

test.yaml:9:65 products.agents.profiles.chat.name: profile name "agents.claude-sonnet-45--prod" is not accepted by Bedrock
    allowed: 1-64 letters or digits, each optionally followed by one space, _ or -
    fix: write name: "{product}-{model}-{env}"
`);
  });

  it("refuse a literal name in two environments sharing an account, proposing a template", () => {
    const yaml = withProfiles("chat: { model: claude-sonnet-45, envs: [dev, prod], name: agents-chat }").replace(
      'prod: { accountId: "444444444444" }',
      'prod: { accountId: "222222222222" }',
    );
    expect(refusalOf(yaml)).toBe(`test.yaml: 1 error; nothing was synthesized.

test.yaml:9:65 products.agents.profiles.chat.name: profile name "agents-chat" is used in both dev and prod, which share an account and region; names are unique per account (222222222222) and region (eu-central-1)
    fix: write name: "{product}-{purpose}-{model}-{env}", which differs per environment and follows the model, or give these environments different accounts
`);
  });

  it("name a shorter template, valid in every listed environment, for a name over 64 characters", () => {
    const purpose = "summarize-support-tickets-into-handover-notes";
    expect(
      refusalOf(withProfiles(`${purpose}: { model: claude-sonnet-45, envs: [dev, prod] }`)),
    ).toBe(`test.yaml: 2 errors; nothing was synthesized.

test.yaml:9:7 products.agents.profiles.${purpose}: profile name "agents-${purpose}-claude-sonnet-45-dev" (the default) is not accepted by Bedrock
    allowed: 1-64 letters or digits, each optionally followed by one space, _ or -
    fix: write name: "{product}-{model}-{env}" (73 characters now), or shorten the product or purpose key

test.yaml:9:7 products.agents.profiles.${purpose}: profile name "agents-${purpose}-claude-sonnet-45-prod" (the default) is not accepted by Bedrock
    allowed: 1-64 letters or digits, each optionally followed by one space, _ or -
    fix: write name: "{product}-{model}-{env}" (74 characters now), or shorten the product or purpose key
`);
  });
});
