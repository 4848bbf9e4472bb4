/**
 * The review of a change: each kind of change and each hazard on a fixture pair
 * (`test/fixtures/review/<case>/{base,head}.yaml`), asserted on the structured review and on
 * the lines of the Markdown report a reviewer reads.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../config/errors.ts";
import { parseConfig } from "../config/loader.ts";
import { compareConfigs, type Hazard, isProduction, type Review, type ReviewSide } from "../review/compare.ts";
import { NEW_ARN_NOTE, renderReport } from "../review/report.ts";
import { ROOT, resolve } from "./helpers.ts";

/** One side of a fixture pair, resolved, or its ConfigError. */
function side(name: string, which: "base" | "head"): ReviewSide {
  const file = `${name}/${which}.yaml`;
  try {
    const text = readFileSync(join(ROOT, "test/fixtures/review", file), "utf8");
    return resolve(parseConfig(text, file));
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
}

/** The review of a fixture pair and its Markdown report, split into lines. */
function reviewCase(name: string): { review: Review; report: string; lines: string[] } {
  const review = compareConfigs(side(name, "base"), side(name, "head"));
  const report = renderReport(review, { base: "`base`", head: "head" });
  return { review, report, lines: report.split("\n") };
}

/** A hazard as `kind env key`, enough to tell them apart in assertions. */
function hazardId(hazard: Hazard): string {
  switch (hazard.kind) {
    case "invalid-config":
      return `${hazard.kind} ${hazard.side}`;
    case "environment-removed":
    case "backend-changed":
    case "account-changed":
    case "region-changed":
      return `${hazard.kind} ${hazard.env}`;
    case "profile-moved":
      return `${hazard.kind} ${hazard.env} ${hazard.move.before.key}`;
    case "source-change-ignored":
      return `${hazard.kind} ${hazard.env} ${hazard.update.after.key}`;
    case "budget-removed":
      return `${hazard.kind} ${hazard.removal.budget.product}`;
    default:
      return `${hazard.kind} ${hazard.env} ${hazard.profile.key}`;
  }
}

/** Per environment: what happened to which profile, by key. */
function outline(review: Review) {
  return Object.fromEntries(
    review.environments.map((e) => [
      e.env,
      {
        status: e.status,
        changes: e.changes.map((c) => c.field),
        added: e.added.map((p) => p.key),
        removed: e.removed.map((p) => p.key),
        moved: e.moved.map((m) => `${m.before.key} → ${m.after.key}`),
        replaced: e.replaced.map((r) => `${r.after.key}: ${r.causes.map((c) => c.field).join(", ")}`),
        updated: e.updated.map((u) => u.after.key),
        unchanged: e.unchanged,
      },
    ]),
  );
}

const NOTHING = { changes: [], added: [], removed: [], moved: [], replaced: [], updated: [] };

describe("a model upgrade", () => {
  const { review, lines } = reviewCase("model-upgrade");

  it("replaces the profile at its address in each environment, with no hazard", () => {
    expect(review.hazards).toEqual([]);
    expect(outline(review)).toEqual({
      dev: { ...NOTHING, status: "changed", replaced: ["agents/main: model, name, description"], unchanged: 0 },
      prod: { ...NOTHING, status: "changed", replaced: ["agents/main: model, name, description"], unchanged: 0 },
    });
  });

  it("is zero-gap: a free new name, the SSM parameter updated in place", () => {
    const [replacement] = review.environments[1].replaced;
    expect(replacement.zeroGap).toBe(true);
    expect(replacement.nameHeld).toBe(false);
    expect(replacement.causes.slice(0, 2)).toEqual([
      { field: "model", before: "claude-sonnet-45", after: "claude-opus-45" },
      { field: "name", before: "agents-claude-sonnet-45-prod", after: "agents-claude-opus-45-prod" },
    ]);
    expect(replacement.ssmParameters).toEqual([
      { name: "/prod/agents/bedrock/inference-profile-arn", location: "eu-central-1", inPlace: true },
    ]);
  });

  it("reports no hazard and marks prod", () => {
    expect(lines.slice(0, 3)).toEqual([
      "## Bedrock profiles: `base` → head",
      "",
      "✅ **No hazards** · 2 replaced (1 in production)",
    ]);
    expect(lines[4]).toBe(NEW_ARN_NOTE);
    expect(lines).toContain("### 🔴 prod (production) · `prod-bedrock`");
    expect(lines).toContain(
      "| `agents/main` | model: `claude-sonnet-45` → `claude-opus-45`<br>name: `agents-claude-sonnet-45-prod` → `agents-claude-opus-45-prod`<br>description: `Claude Sonnet 4.5 for agents main in prod` → `Claude Opus 4.5 for agents main in prod` | ✅ yes | `/prod/agents/bedrock/inference-profile-arn`: new ARN, updated in place |",
    );
  });
});

describe("changes without hazards", () => {
  it("lists an added profile", () => {
    const { review, lines } = reviewCase("profile-added");
    expect(review.hazards).toEqual([]);
    expect(outline(review).prod).toEqual({ ...NOTHING, status: "changed", added: ["agents/classify"], unchanged: 1 });
    expect(lines).toContain(
      "| `agents/classify` | `agents-classify-claude-haiku-45-prod` | `claude-haiku-45` | `/prod/agents/bedrock/classify/inference-profile-arn` |",
    );
    expect(lines).toContain("Unchanged: `dev-bedrock` (1 profile).");
  });

  it("updates tags in place", () => {
    const { review, lines } = reviewCase("tags-changed");
    expect(review.hazards).toEqual([]);
    expect(review.environments[0].updated[0].tags).toEqual([{ key: "client", after: "acme" }]);
    expect(outline(review).prod).toEqual({ ...NOTHING, status: "changed", updated: ["agents/main"], unchanged: 0 });
    expect(lines).toContain("✅ **No hazards** · 2 updated in place (1 in production)");
    expect(lines).toContain("| `agents/main` | tags: +`client` = `acme` |");
  });

  it("lists a value the profile's facts update in place, before its tags", () => {
    // No value of today's PROFILE_RESOURCE_FACTS is updated in place; a fact that changes must still show.
    const { review } = reviewCase("tags-changed");
    const [prod, ...others] = review.environments;
    const inPlaceChanges = [{ field: "description" as const, before: "Support agent", after: "Support agent v2" }];
    const updated = prod.updated.map((update) => ({ ...update, inPlaceChanges }));
    const report = renderReport(
      { ...review, environments: [{ ...prod, updated }, ...others] },
      { base: "`base`", head: "head" },
    );
    expect(report.split("\n")).toContain(
      "| `agents/main` | description: `Support agent` → `Support agent v2`<br>tags: +`client` = `acme` |",
    );
  });

  it("lists changed environment settings: assume role, encryption, default tags", () => {
    const { review, lines } = reviewCase("environment-settings");
    expect(review.hazards).toEqual([]);
    expect(outline(review).prod).toEqual({
      ...NOTHING,
      status: "changed",
      changes: ["assume role", "encryption", "default tags"],
      unchanged: 1,
    });
    expect(lines).toContain("| encryption | _not set_ | `alias/tofu-state (eu-central-1)` |");
    expect(lines).toContain("| default tags | `env=prod, team=engineering` | `env=prod, owner=ml, team=engineering` |");
  });

  it("creates every profile of a new environment", () => {
    const { review, lines } = reviewCase("environment-added");
    expect(review.hazards).toEqual([]);
    expect(outline(review).pre).toEqual({ ...NOTHING, status: "added", added: ["agents/main"], unchanged: 0 });
    expect(lines).toContain("_New environment: its stack is created with every profile below._");
  });

  it("hands an adopted profile over to a new one when its import goes with a rename", () => {
    const { review, lines } = reviewCase("import-removed-with-rename");
    expect(review.hazards).toEqual([]);
    const [replacement] = review.environments[0].replaced;
    expect(replacement.zeroGap).toBe(true);
    expect(replacement.importChange).toEqual({ field: "import", before: "acwt9yee9wzo" });
    expect(lines).toContain(
      "| `rd/haiku` | name: `rd-haiku` → `rd-haiku-v2` | ✅ yes<br>hands the adopted profile `acwt9yee9wzo` over to a new one; if that import was never applied, the old profile stays, unmanaged | `/dev/rd/bedrock/haiku/inference-profile-arn`: new ARN, updated in place |",
    );
  });

  it("treats a config missing at the base as everything added", () => {
    const review = compareConfigs([], side("model-upgrade", "head"));
    expect(review.hazards).toEqual([]);
    expect(outline(review).prod).toEqual({ ...NOTHING, status: "added", added: ["agents/main"], unchanged: 0 });
  });
});

describe("hazards", () => {
  it("a removed profile, whose SSM parameter consumers may read", () => {
    const { review, lines } = reviewCase("profile-removed");
    expect(review.hazards.map(hazardId)).toEqual(["profile-removed prod agents/classify"]);
    expect(outline(review).prod).toEqual({ ...NOTHING, status: "changed", removed: ["agents/classify"], unchanged: 1 });
    expect(lines[2]).toBe("⚠️ **1 hazard** · 1 removed (1 in production) · 2 unchanged");
    expect(lines).toContain(
      '- 🔴 **prod** (production) · `agents/classify`: **removed while consumers may read it**. The profile `agents-classify-claude-haiku-45-prod` is destroyed, the SSM parameter `/prod/agents/bedrock/classify/inference-profile-arn` (eu-central-1) deleted and the consumer policy `consumer_iam_policies["agents/classify"]` of `prod-bedrock` gone; a consumer still reading it fails. Safe way: confirm no consumer reads the parameter (CloudTrail `GetParameter`) before merging.',
    );
  });

  it("a profile moved to another purpose: destroy and create, a new SSM path, the name still held", () => {
    const { review, lines } = reviewCase("purpose-renamed");
    expect(review.hazards.map(hazardId)).toEqual([
      "profile-moved dev agents/main",
      "name-held dev agents/chat",
      "profile-moved prod agents/main",
      "name-held prod agents/chat",
    ]);
    expect(outline(review).prod).toEqual({
      ...NOTHING,
      status: "changed",
      moved: ["agents/main → agents/chat"],
      unchanged: 0,
    });
    expect(lines).toContain(
      "| `agents/main` → `agents/chat` | `agents-claude-sonnet-45-prod` | `/prod/agents/bedrock/inference-profile-arn` → `/prod/agents/bedrock/chat/inference-profile-arn` |",
    );
    expect(lines).toContain(
      "- 🔴 **prod** (production) · `agents/chat`: **created under the name `agents-claude-sonnet-45-prod`, still held** by `agents/main` in prod until that one is destroyed or replaced, in no guaranteed order: the apply can fail. Fix: give the new profile another name.",
    );
  });

  it("a replacement whose explicit name does not change (description)", () => {
    const { review, lines } = reviewCase("description-keeps-name");
    expect(review.hazards.map(hazardId)).toEqual(["name-held prod agents/main"]);
    const [replacement] = review.environments[1].replaced;
    expect(replacement.causes).toEqual([{ field: "description", before: "Support agent", after: "Support agent v2" }]);
    expect([replacement.nameHeld, replacement.zeroGap]).toEqual([true, false]);
    expect(lines).toContain(
      "- 🔴 **prod** (production) · `agents/main`: **replaced under the same name `agents-main`**. The replacement is created before the old profile is destroyed (create_before_destroy) and names are unique per account and region: the apply fails, so this cannot be acknowledged. Fix: change `name:` as well (e.g. add `-v2` to it), so the replacement gets a name of its own.",
    );
    expect(lines).toContain(
      "| `agents/main` | description: `Support agent` → `Support agent v2` | ❌ no: the name `agents-main` is still held, the create fails | `/prod/agents/bedrock/inference-profile-arn`: new ARN, updated in place |",
    );
  });

  it("a replacement whose default name does not change (geography)", () => {
    const { review } = reviewCase("geography-keeps-default-name");
    expect(review.hazards.map(hazardId)).toEqual(["name-held dev agents/main", "name-held prod agents/main"]);
    expect(outline(review).dev.replaced).toEqual(["agents/main: geography"]);
  });

  it("a model upgrade under a literal name without {model}: not acknowledgeable, the fix names the template", () => {
    const { review, lines } = reviewCase("literal-name-model-upgrade");
    expect(review.hazards.map(hazardId)).toEqual(["name-held prod agents/classify"]);
    expect(lines).toContain(
      '- 🔴 **prod** (production) · `agents/classify`: **replaced under the same name `agents-classify`**. The replacement is created before the old profile is destroyed (create_before_destroy) and names are unique per account and region: the apply fails, so this cannot be acknowledged. Fix: write name: `"{product}-{purpose}-{model}-{env}"` (any template holding {model} and {env}), so the name follows the model.',
    );
  });

  it("geography none to eu: the account is the environment's, not an ARN part, and the SSM parameter stays", () => {
    const { review, lines } = reviewCase("geography-none-to-eu");
    const [replacement] = review.environments[0].replaced;
    expect(replacement.causes.map((c) => c.field)).toEqual(["geography"]);
    expect(replacement.ssmParameters[0]).toEqual({
      name: "/prod/agents/bedrock/inference-profile-arn",
      location: "eu-central-1",
      inPlace: true,
    });
    expect(lines.join("\n")).not.toMatch(/account: |of account/);
    expect(review.hazards.map(hazardId)).toEqual(["name-held prod agents/main"]);
  });

  it("a profile moving region: its name is free there, but its SSM parameter moves", () => {
    const { review, lines } = reviewCase("profile-region-change");
    expect(review.hazards.map(hazardId)).toEqual([
      "ssm-region-moved dev agents/main",
      "ssm-region-moved prod agents/main",
    ]);
    const [replacement] = review.environments[1].replaced;
    expect(replacement.causes.map((c) => c.field)).toEqual(["geography", "region"]);
    expect([replacement.nameHeld, replacement.zeroGap]).toEqual([false, false]);
    expect(replacement.ssmParameters).toEqual([
      {
        name: "/prod/agents/bedrock/inference-profile-arn",
        location: "us-east-1",
        inPlace: false,
        from: "eu-central-1",
      },
    ]);
    expect(lines).toContain(
      "| `agents/main` | geography: `eu` → `us`<br>region: `eu-central-1` → `us-east-1` | ❌ no: the SSM parameter moves | `/prod/agents/bedrock/inference-profile-arn`: recreated in us-east-1, deleted in eu-central-1 |",
    );
  });

  it("an adopted profile losing its import while it keeps its name", () => {
    const { review, lines } = reviewCase("import-removed");
    expect(review.hazards.map(hazardId)).toEqual(["import-removed dev rd/haiku"]);
    expect(review.environments[0].updated[0].importChange).toEqual({ field: "import", before: "acwt9yee9wzo" });
    expect(lines).toContain(
      "- **dev** · `rd/haiku`: **the adopted profile loses `import: acwt9yee9wzo`**. If the import was never applied, the plan creates a profile instead of adopting the existing one, and the create fails on the name. Once it was applied in every environment the profile lists, the import block can go: the profile is in the state. Safe way: drop `import:` only after `task infra:plan` showed the import applied (0 to import) everywhere.",
    );
    expect(lines).toContain("| `rd/haiku` | import: `acwt9yee9wzo` → _not set_ |");
  });

  it("an adopted profile whose import ID changes", () => {
    const { review } = reviewCase("import-changed");
    expect(review.hazards.map(hazardId)).toEqual(["import-changed dev rd/haiku"]);
  });

  // Provider >= 6.29.0 reads model_source back after an import (hashicorp/terraform-provider-aws#45713):
  // no ignore_changes pin, so an adopted profile is replaced like any other.
  it("a model change on an adopted profile that keeps its name is a replacement under a held name", () => {
    const { review, lines } = reviewCase("adopted-model-change");
    expect(review.hazards.map(hazardId)).toEqual(["name-held dev rd/haiku"]);
    expect(outline(review).dev).toEqual({ ...NOTHING, status: "changed", replaced: ["rd/haiku: model"], unchanged: 0 });
    expect(lines).toContain(
      "| `rd/haiku` | model: `claude-haiku-45` → `claude-sonnet-45` | ❌ no: the name `rd-haiku` is still held, the create fails | `/dev/rd/bedrock/haiku/inference-profile-arn`: new ARN, updated in place |",
    );
  });

  it("a changed backend: the state moves", () => {
    const { review, lines } = reviewCase("backend-changed");
    expect(review.hazards.map(hazardId)).toEqual(["backend-changed prod"]);
    expect(lines).toContain("| backend | `local state` | `s3://example-tfstate/bedrock/prod.tfstate (eu-central-1)` |");
  });

  it("a changed account: one hazard, every profile and SSM parameter recreated elsewhere", () => {
    const { review } = reviewCase("account-changed");
    expect(review.hazards.map(hazardId)).toEqual(["account-changed prod"]);
    const [replacement] = review.environments[1].replaced;
    expect(replacement.zeroGap).toBe(false);
    expect(replacement.ssmParameters[0]).toEqual({
      name: "/prod/agents/bedrock/inference-profile-arn",
      location: "eu-central-1 of account 555555555555",
      inPlace: false,
      from: "eu-central-1 of account 444444444444",
    });
  });

  it("a changed region of an environment: one hazard, every profile replaced there", () => {
    const { review, lines } = reviewCase("environment-region-changed");
    expect(review.hazards.map(hazardId)).toEqual(["region-changed prod"]);
    expect(outline(review).prod.replaced).toEqual(["agents/main: region"]);
    expect(lines).toContain(
      "- 🔴 **prod** (production): **the region changes**, `eu-central-1` → `eu-west-1`. Every profile without its own `region:` is replaced in the new region, and its SSM parameter moves there: consumers reading it in the old region lose it.",
    );
  });

  it("a removed environment, whose profiles no plan destroys", () => {
    const { review, lines } = reviewCase("environment-removed");
    expect(review.hazards.map(hazardId)).toEqual(["environment-removed dev"]);
    expect(outline(review).dev).toEqual({ ...NOTHING, status: "removed", unchanged: 0 });
    expect(lines).toContain(
      "- **dev**: **the environment is removed**. Its stack `dev-bedrock` is no longer synthesized, so no plan destroys its 1 profile (`agents/main`): they stay in AWS and in its state, managed by nothing. Safe way: remove the environment from every profile's `envs:` and apply, then remove the environment.",
    );
  });

  it("an invalid config at the head, with the loader's messages", () => {
    const { review, report } = reviewCase("invalid-head");
    expect(review.hazards.map(hazardId)).toEqual(["invalid-config head"]);
    expect(review.environments).toEqual([]);
    const [hazard] = review.hazards;
    const message = hazard.kind === "invalid-config" ? hazard.error.message : "";
    expect(message).toContain(
      'invalid-head/head.yaml:11:22 products.agents.profiles.main.model: unknown model "claude-sonet-45"',
    );
    expect(report).toContain(
      [
        "- **The config of this change is invalid**: nothing would be synthesized or planned. Fix it first:",
        "",
        "  ```text",
        message.trimEnd().replace(/^(?=.)/gm, "  "),
        "  ```",
        "",
      ].join("\n"),
    );
  });

  it("an invalid config at the base", () => {
    const review = compareConfigs(side("invalid-head", "head"), side("invalid-head", "base"));
    expect(review.hazards.map(hazardId)).toEqual(["invalid-config base"]);
    expect(renderReport(review, { base: "`main`", head: "head" })).toContain(
      "- **The base config is invalid**, so nothing could be compared: review the change by hand, or pass a base that is valid (`--base <ref>`).",
    );
  });
});

describe("isProduction", () => {
  it("marks prod, production and prod-* only", () => {
    expect(["prod", "production", "prod-eu", "preprod", "product", "dev"].map(isProduction)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
