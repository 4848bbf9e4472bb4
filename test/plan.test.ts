/**
 * The plan every command starts from: resolved once while the rules check it, each value with
 * the YAML path it came from, the rules listed once in a registry.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILT_IN_MODELS } from "../config/catalog.ts";
import { loadPlan, parseConfig, planFromText } from "../config/loader.ts";
import { type ResolvedEnvironment, resolveEnvironments } from "../config/resolve.ts";
import { resolveBilling } from "../config/resolve-billing.ts";
import { checkRules, RULES } from "../config/rules.ts";
import { knownKeysAt } from "../config/shape-issues.ts";
import { EXAMPLE_FIXTURE, ROOT } from "./helpers.ts";

const ORIGINS = join(ROOT, "test/fixtures/origins.yaml");

/** The profile `key` of environment `env` in `environments`. */
function profileIn(environments: readonly ResolvedEnvironment[], env: string, key: string) {
  const profile = environments.find((e) => e.env === env)?.profiles.find((p) => p.key === key);
  if (profile === undefined) throw new Error(`no ${key} in ${env}`);
  return profile;
}

describe("loadPlan", () => {
  it("returns the environments and billing the resolving step makes from the checked config", () => {
    for (const file of [EXAMPLE_FIXTURE, join(ROOT, "test/fixtures/billing-budgets-alarms.yaml"), ORIGINS]) {
      const plan = loadPlan(file);
      expect(plan.environments).toEqual(resolveEnvironments(plan.config, BUILT_IN_MODELS));
      expect(plan.billing).toEqual(resolveBilling(plan.config));
      expect(plan.warnings).toEqual([]);
    }
  });

  it("names the file as shown, and holds the same plan as planFromText of its text", () => {
    const plan = loadPlan(ORIGINS, { shownAs: "profiles.yaml" });
    expect(plan).toEqual(planFromText(readFileSync(ORIGINS, "utf8"), "profiles.yaml"));
  });

  it("returns the warnings it also gives the warn sink", () => {
    const file = "test/fixtures/legacy-model.yaml";
    const sink: string[] = [];
    const plan = planFromText(readFileSync(join(ROOT, file), "utf8"), file, { warn: (w) => sink.push(w) });
    expect(plan.warnings).toEqual(sink);
    expect(plan.warnings).toEqual([
      "warning: test/fixtures/legacy-model.yaml:9:22 products.agents.profiles.fast.model: Claude 3.5 Haiku (claude-haiku-35): Legacy; Bedrock end of life 2026-06-19 (model card).\n" +
        "    fix: plan a model upgrade (README: How a model upgrade works)\n",
    ]);
  });
});

describe("origins of resolved values", () => {
  const { environments } = loadPlan(ORIGINS);

  it("point at the profile's key for every value it inherits", () => {
    const { origin } = profileIn(environments, "prod", "agents/main");
    const profile = ["products", "agents", "profiles", "main"];
    expect(origin.profile).toEqual(profile);
    expect(origin.model).toEqual([...profile, "model"]);
    expect(origin.name).toEqual({ path: profile, atKey: true, inherited: true });
    expect(origin.description).toEqual({ path: profile, atKey: true, inherited: true });
    expect(origin.region).toEqual({ path: profile, atKey: true, inherited: true });
    // A geography not written comes with the model chosen.
    expect(origin.geography).toEqual({ path: [...profile, "model"], atKey: false, inherited: true });
    expect(origin.tags).toEqual({
      team: ["tags", "team"],
      "cost-center": ["products", "agents", "tags", "cost-center"],
    });
  });

  it("point at the value for every value the profile writes", () => {
    const { origin } = profileIn(environments, "prod", "agents/batch");
    const profile = ["products", "agents", "profiles", "batch"];
    for (const key of ["name", "description", "geography", "region"] as const) {
      expect(origin[key]).toEqual({ path: [...profile, key], atKey: false, inherited: false });
    }
    expect(origin.tags.team).toEqual([...profile, "tags", "team"]);
  });
});

describe("the rule registry", () => {
  it("names each rule once", () => {
    const names = RULES.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("runs a rule added with one line, once per resolved profile, at the origin it reports", () => {
    const config = parseConfig(readFileSync(ORIGINS, "utf8"), "origins.yaml");
    const { issues } = checkRules(config, BUILT_IN_MODELS, [
      ...RULES,
      {
        name: "every name mentioned",
        each: "profile",
        check: (profile) => [
          { path: profile.origin.name.path, atKey: profile.origin.name.atKey, message: profile.name },
        ],
      },
    ]);
    expect(issues).toEqual([
      {
        path: ["products", "agents", "profiles", "main"],
        atKey: true,
        message: "agents-claude-sonnet-45-dev",
      },
      {
        path: ["products", "agents", "profiles", "main"],
        atKey: true,
        message: "agents-claude-sonnet-45-prod",
      },
      {
        path: ["products", "agents", "profiles", "batch", "name"],
        atKey: false,
        message: "agents-batch-claude-sonnet-45-prod",
      },
    ]);
  });
});

describe("known keys", () => {
  it("come from the schema's JSON Schema, through records and lists", () => {
    expect(knownKeysAt(["products", "any", "profiles", "any"])).toEqual([
      "model",
      "envs",
      "name",
      "description",
      "geography",
      "region",
      "tags",
      "import",
      "alarms",
    ]);
    expect(knownKeysAt(["acknowledged", 0])).toEqual(["hazard", "profile", "product", "envs", "reason"]);
    expect(knownKeysAt(["environments", "dev", "backend"])).toEqual(["bucket", "region", "key", "roleArn"]);
    expect(knownKeysAt(["tags"])).toEqual([]);
    expect(knownKeysAt(["nothing", "here"])).toEqual([]);
  });
});
