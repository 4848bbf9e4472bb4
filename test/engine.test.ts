/**
 * The real engine reads our JSON: `tofu` where installed, else `terraform`.
 *
 * - Validate: every stack of the shipped config and of every fixture that synthesizes.
 * - Plan from a state, offline: the state a "before" config leaves after an apply, then the plan
 *   of an "after" config read back with `show -json`: a model upgrade, a removal, an addition, a
 *   rename (test/fixtures/engine/). Every resource is checked, whatever its type: the ones a
 *   change must touch, with their actions; every other one a no-op.
 *
 * Providers: from the registry, or from a filesystem mirror named in the CLI config
 * (TF_CLI_CONFIG_FILE / TOFU_CLI_CONFIG_FILE) or in BEDROCK_PROFILES_PROVIDER_MIRROR (docs/testing.md,
 * "Correctness against the real engine"). Where the mirror has another version than the
 * constraint admits, the constraint is rewritten to it, and the suite's name says so. Skipped,
 * printing why, only where neither engine is installed.
 *
 * Not checked offline: `import` blocks. The engine reads the real resource to import it, which
 * needs the account. A user checks an adoption with `task infra:plan` against their account:
 * the plan must say "N to import, 0 to add, 0 to change, 0 to destroy".
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResolvedEnvironment } from "../config/resolve.ts";
import { readPlan, renderPlanReview } from "../review/plan.ts";
import { credentialsProblem } from "../scripts/infra-preflight.ts";
import { buildApp, localStatePath } from "../stacks/bedrock-app.ts";
import { AWS_PROVIDER_SOURCE } from "../stacks/stack-foundation.ts";
import {
  adjustStack,
  type EngineRun,
  findEngine,
  lacksResourceRegion,
  PROVIDER_MIRROR_ENV,
  providerInstallation,
  resourcesWithRegion,
  runEngine,
  stateAfterApply,
  tempDir,
} from "./engine.ts";
import { fixtureConfig, ROOT, readStacks, resolve, shippedConfig, validFixtureConfigs } from "./helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: Terraform JSON is read structurally
type Json = any;

const engine = findEngine(process.env.PATH);
if (engine === undefined) {
  // The default reporter does not name skipped suites; say it once where everyone sees it.
  console.warn(
    "real engine tests skipped: neither tofu nor terraform is on PATH; install OpenTofu to run them (docs/testing.md).",
  );
}

/** Synthesize resolved environments into a temp dir; every stack's JSON by name. */
function synthStacks(environments: ResolvedEnvironment[]): Record<string, Json> {
  const outdir = tempDir("bedrock-profiles-engine-synth-");
  try {
    buildApp(environments, { outdir, localStatePath: (stack) => localStatePath("cdktf.out", stack, ROOT) }).synth();
    return Object.fromEntries(Object.entries(readStacks(outdir)).map(([name, stack]) => [name, stack.json]));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** A value with every string, number and boolean replaced by its type: what validate checks. */
function shapeOf(value: Json): Json {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  }
  return typeof value;
}

describe.skipIf(engine === undefined)("the real engine", () => {
  if (engine === undefined) return;
  const work = tempDir("bedrock-profiles-engine-");
  // BEDROCK_PROFILES_ENGINE_KEEP=1 keeps the working directories to run the engine by hand.
  afterAll(() => {
    if (process.env.BEDROCK_PROFILES_ENGINE_KEEP) console.log(`engine working directory: ${work}`);
    else rmSync(work, { recursive: true, force: true });
  });

  const shipped = synthStacks(resolve(shippedConfig()));
  const constraint: string = Object.values(shipped)[0].terraform.required_providers.aws.version;
  const install = providerInstallation(engine, process.env, constraint, work);
  const withoutCredentials = credentialsProblem(process.env, homedir()) !== undefined;
  const setup = [
    `${engine.kind} (${engine.path})`,
    install.origin,
    ...(install.rewriteVersionTo === undefined
      ? []
      : [`constraint "${constraint}" rewritten to ${install.rewriteVersionTo}`]),
  ].join(", ");

  const run = (dir: string, args: string[]): Promise<EngineRun> =>
    runEngine(engine, install.cliConfigFile, dir, [...args, "-no-color"]);
  const initFailure = (dir: string, init: EngineRun) =>
    `${engine.kind} init in ${dir} failed${install.cliConfigFile === undefined ? ` (no provider mirror: set ${PROVIDER_MIRROR_ENV}=<dir> or a filesystem_mirror in TF_CLI_CONFIG_FILE on a machine without the registry)` : ""}:\n${init.stderr}`;

  // The validation and the plans run side by side: each waits on the engine most of its time.
  const preparations: Array<() => Promise<void>> = [];
  beforeAll(() => Promise.all(preparations.map((prepare) => prepare())), 300_000);

  describe(`validate: ${setup}`, () => {
    // Every distinct stack becomes a child module of one root: one init and one validate instead
    // of one per stack. A child module ignores a backend and may hold no import block: backends
    // go (validate does not read them), import blocks move to the root, aimed into the module.
    const stacks = new Map<string, { label: string; json: Json }>();
    const sources = [{ label: "config/profiles.yaml", stacks: shipped }];
    for (const { name, config } of validFixtureConfigs())
      sources.push({ label: `fixtures/${name}`, stacks: synthStacks(resolve(config)) });
    for (const source of sources) {
      for (const [stack, json] of Object.entries(source.stacks)) {
        const encryption = json.terraform.encryption !== undefined;
        const adjusted = adjustStack(json, {
          engine,
          rewriteVersionTo: install.rewriteVersionTo,
          dropEncryption: withoutCredentials,
          offline: false,
        });
        delete adjusted.terraform.backend;
        // The same JSON from several fixtures is validated once, under the first one's name.
        const key = JSON.stringify({ ...adjusted, "//": undefined });
        if (stacks.has(key)) continue;
        const notes = [
          ...(encryption && engine.kind === "terraform" ? ["without its encryption block: OpenTofu only"] : []),
          ...(encryption && engine.kind === "tofu" && withoutCredentials
            ? ["without its encryption block: no AWS credentials"]
            : []),
        ];
        const label = `${source.label}: ${stack} validates${notes.length === 0 ? "" : ` (${notes.join("; ")})`}`;
        stacks.set(key, { label, json: adjusted });
      }
    }
    const available = install.rewriteVersionTo;
    const entries = [...stacks.values()].map((entry, index) => ({ ...entry, dir: `s${index}` }));
    const runnable = entries.filter((e) => !(lacksResourceRegion(available) && resourcesWithRegion(e.json).length > 0));

    const diagnostics = new Map<string, Json[]>();
    preparations.push(async () => {
      const root = join(work, "validate");
      mkdirSync(root, { recursive: true });
      const imports = runnable.flatMap((e) =>
        ((e.json.import ?? []) as Json[]).map((block) => ({ ...block, to: `module.${e.dir}.${block.to}` })),
      );
      writeFileSync(
        join(root, "main.tf.json"),
        JSON.stringify({
          module: Object.fromEntries(runnable.map((e) => [e.dir, { source: `./${e.dir}` }])),
          ...(imports.length === 0 ? {} : { import: imports }),
        }),
      );
      // The engine starts one provider process per provider block: a module whose provider block
      // has the shape of one seen before (same arguments, other values) uses the root's instead.
      const providerShapes = new Set<string>();
      for (const entry of runnable) {
        const { import: _hoisted, ...json } = entry.json;
        const shape = JSON.stringify(shapeOf(json.provider));
        if (providerShapes.has(shape)) delete json.provider;
        providerShapes.add(shape);
        mkdirSync(join(root, entry.dir));
        writeFileSync(join(root, entry.dir, "cdk.tf.json"), JSON.stringify(json));
      }
      const init = await run(root, ["init", "-backend=false", "-input=false"]);
      if (init.status !== 0) throw new Error(initFailure(root, init));
      const validation = JSON.parse((await run(root, ["validate", "-json"])).stdout);
      for (const entry of runnable) {
        diagnostics.set(
          entry.dir,
          (validation.diagnostics as Json[]).filter(
            (d) =>
              d.range === undefined ||
              d.range.filename.startsWith(`${entry.dir}/`) ||
              d.range.filename === "main.tf.json",
          ),
        );
      }
    });

    for (const entry of entries) {
      const regions = resourcesWithRegion(entry.json);
      if (!runnable.includes(entry)) {
        // Never a pass: the stack uses an argument this provider does not have.
        it.skip(`${entry.label} (skipped: provider ${available} has no per-resource region, which ${regions.join(", ")} set${regions.length === 1 ? "s" : ""}; needs provider 6)`, () => {});
        continue;
      }
      it(entry.label, () => {
        const errors = (diagnostics.get(entry.dir) ?? [{ severity: "error", summary: "not validated" }]).filter(
          (d) => d.severity === "error",
        );
        expect(errors.map((d) => `${d.summary}: ${d.detail} (${d.range?.filename})`)).toEqual([]);
      });
    }
  });

  describe(`plan from a state, offline: ${setup}`, () => {
    const scenarios = ["model-upgrade", "profile-removed", "profile-added", "profile-renamed"] as const;
    const adjust = (json: Json) =>
      adjustStack(json, { engine, rewriteVersionTo: install.rewriteVersionTo, dropEncryption: true, offline: true });
    const base = adjust(synthStacks(resolve(fixtureConfig("engine/base.yaml")))["dev-bedrock"]);
    const after = Object.fromEntries(
      scenarios.map((s) => [s, adjust(synthStacks(resolve(fixtureConfig(`engine/${s}.yaml`)))["dev-bedrock"])]),
    );
    let changes: Record<string, Map<string, Json>> = {};
    let planText = "";
    let plan: Json;
    let state: Json;

    preparations.push(async () => {
      // One root per side, each scenario a child module: two plans instead of eight.
      const beforeRoot = join(work, "before");
      const afterRoot = join(work, "after");
      // The scenarios share one provider block in the root: the engine starts a provider process
      // per block, and every scenario's is the same (one environment).
      const root = JSON.stringify({
        terraform: { required_providers: base.terraform.required_providers },
        provider: base.provider,
        module: Object.fromEntries(scenarios.map((s) => [s, { source: `./${s}` }])),
        // A module's outputs reach the plan only through the root's.
        output: Object.fromEntries(
          scenarios.map((s) => [`${s}_consumer_iam_policies`, { value: `\${module.${s}.consumer_iam_policies}` }]),
        ),
      });
      for (const [dir, config] of [
        [beforeRoot, () => base],
        [afterRoot, (s: (typeof scenarios)[number]) => after[s]],
      ] as const) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, "main.tf.json"), root);
        for (const s of scenarios) {
          mkdirSync(join(dir, s));
          const { provider: _inRoot, ...json } = config(s);
          writeFileSync(join(dir, s, "cdk.tf.json"), JSON.stringify(json));
        }
      }
      const init = await run(beforeRoot, ["init", "-input=false"]);
      if (init.status !== 0) throw new Error(initFailure(beforeRoot, init));
      // Same modules, same provider: the after root shares the before root's installation.
      symlinkSync(join(beforeRoot, ".terraform"), join(afterRoot, ".terraform"));
      symlinkSync(join(beforeRoot, ".terraform.lock.hcl"), join(afterRoot, ".terraform.lock.hcl"));

      const [schemaRun, beforePlan] = await Promise.all([
        run(beforeRoot, ["providers", "schema", "-json"]),
        run(beforeRoot, ["plan", "-input=false", "-refresh=false", "-out=before.tfplan"]),
      ]);
      expect(beforePlan.status, beforePlan.stderr).toBe(0);
      const before = JSON.parse((await run(beforeRoot, ["show", "-json", "before.tfplan"])).stdout);
      const configs = Object.fromEntries(scenarios.map((s) => [s, base]));
      state = stateAfterApply(before, JSON.parse(schemaRun.stdout), configs, AWS_PROVIDER_SOURCE);
      writeFileSync(join(afterRoot, "terraform.tfstate"), JSON.stringify(state));

      // -refresh=false: the state above is what AWS holds; nothing is read from an account.
      const afterPlan = await run(afterRoot, ["plan", "-input=false", "-refresh=false", "-out=after.tfplan"]);
      expect(afterPlan.status, afterPlan.stderr).toBe(0);
      planText = afterPlan.stdout;
      plan = JSON.parse((await run(afterRoot, ["show", "-json", "after.tfplan"])).stdout);
      changes = Object.fromEntries(
        scenarios.map((s) => [
          s,
          new Map(
            (plan.resource_changes as Json[])
              .filter((c) => c.mode === "managed" && c.module_address === `module.${s}`)
              .map((c) => [`${c.type}.${c.name}`, c.change]),
          ),
        ]),
      );
    });

    /** `type.name` of every managed resource of a stack. */
    const addresses = (json: Json): string[] =>
      Object.entries(json.resource ?? {}).flatMap(([type, byName]) =>
        Object.keys(byName as Json).map((name) => `${type}.${name}`),
      );
    /**
     * A profile's resources, whatever their type: made by its construct (cdktf path
     * `<stack>/<product>-<purpose>/…`) or named after its address (`<product>-<purpose>[-…]`),
     * as every per-profile resource is.
     */
    const ofProfile = (json: Json, profile: string): string[] =>
      addresses(json).filter((address) => {
        const [type, name] = address.split(/\.(.*)/) as [string, string];
        const path = String(json.resource[type][name]["//"]?.metadata?.path);
        return path.startsWith(`dev-bedrock/${profile}/`) || name === profile || name.startsWith(`${profile}-`);
      });
    /** Resources whose configuration reads an attribute of `address`. */
    const readers = (json: Json, address: string): string[] =>
      addresses(json).filter((a) => {
        const [type, name] = a.split(/\.(.*)/) as [string, string];
        return JSON.stringify(json.resource[type][name]).includes(`\${${address}.`);
      });
    /** Every resource's actions, by address. */
    const actions = (scenario: string): Record<string, string[]> =>
      Object.fromEntries([...(changes[scenario] ?? new Map()).entries()].map(([a, c]) => [a, c.actions]));
    /** The environment's dashboard: it draws every profile's metrics, so it reads every profile's ARN. */
    const DASHBOARD = "aws_cloudwatch_dashboard.profiles";
    const expectAllElseNoOp = (scenario: string, touched: Record<string, string[]>) => {
      const all = new Set([...addresses(base), ...addresses(after[scenario]), ...Object.keys(touched)]);
      const expected = Object.fromEntries([...all].map((a) => [a, touched[a] ?? ["no-op"]]));
      expect(actions(scenario)).toEqual(expected);
    };

    it("a model upgrade replaces the profile at its address, creating the new one first (model_source, name; the default description names the model too), updates its SSM parameters (ARN, model ID), alarms and the dashboard in place and leaves every other resource alone", () => {
      const profile = "aws_bedrock_inference_profile.agents-main";
      const touched: Record<string, string[]> = { [profile]: ["create", "delete"] };
      for (const reader of readers(after["model-upgrade"], profile)) touched[reader] = ["update"];
      // Named here too, so that a parameter whose address moved shows in the engine's actions.
      touched["aws_ssm_parameter.agents-main"] = ["update"];
      // The base model ID published beside the ARN follows the upgrade in place, at its stable address.
      touched["aws_ssm_parameter.agents-main-model-id"] = ["update"];
      // The alarms and the dashboard stay at their addresses and follow the new ARN in place.
      expect(Object.keys(touched)).toEqual(
        expect.arrayContaining([
          DASHBOARD,
          "aws_cloudwatch_metric_alarm.agents-main-server-errors",
          "aws_cloudwatch_metric_alarm.agents-main-throttles",
          "aws_cloudwatch_metric_alarm.agents-main-tokens-per-hour",
        ]),
      );
      expectAllElseNoOp("model-upgrade", touched);
      expect(changes["model-upgrade"]?.get(profile)?.replace_paths).toEqual(
        expect.arrayContaining([["model_source"], ["name"]]),
      );
      expect(changes["model-upgrade"]?.get("aws_ssm_parameter.agents-main")?.after_unknown.value).toBe(true);
    });

    it("removing a profile deletes exactly its profile and SSM parameters, and redraws the dashboard without it", () => {
      const removed = [
        "aws_bedrock_inference_profile.agents-classify",
        "aws_ssm_parameter.agents-classify",
        ...ofProfile(base, "agents-classify"),
      ];
      expectAllElseNoOp("profile-removed", {
        ...Object.fromEntries(removed.map((a) => [a, ["delete"]])),
        [DASHBOARD]: ["update"],
      });
    });

    it("adding a profile only creates, and redraws the dashboard with it", () => {
      const added = [
        "aws_bedrock_inference_profile.platform-summarize",
        "aws_ssm_parameter.platform-summarize",
        ...ofProfile(after["profile-added"], "platform-summarize"),
      ];
      expectAllElseNoOp("profile-added", {
        ...Object.fromEntries(added.map((a) => [a, ["create"]])),
        [DASHBOARD]: ["update"],
      });
    });

    it("renaming a profile replaces only that profile, creating the new one first (name), and updates what reads its ARN", () => {
      const profile = "aws_bedrock_inference_profile.agents-classify";
      const touched: Record<string, string[]> = { [profile]: ["create", "delete"] };
      for (const reader of readers(after["profile-renamed"], profile)) touched[reader] = ["update"];
      expectAllElseNoOp("profile-renamed", touched);
      expect(changes["profile-renamed"]?.get(profile)?.replace_paths).toEqual([["name"]]);
    });

    it("renders each consumer policy output as the IAM JSON naming the applied profile's ARN, and a replaced profile's only at apply", () => {
      const arnInState = (module: string, name: string): string =>
        (state.resources as Json[]).find(
          (r) => r.module === `module.${module}` && r.type === "aws_bedrock_inference_profile" && r.name === name,
        ).instances[0].attributes.arn;
      // The plan holds a module's outputs only through the root's; `after` is what is known of them.
      const { after: policies, after_unknown: unknown } = plan.output_changes["model-upgrade_consumer_iam_policies"];
      // agents-classify is unchanged: the engine evaluates its text into a policy naming its ARN.
      const classify = JSON.parse(policies["agents/classify"]);
      const arn = arnInState("model-upgrade", "agents-classify");
      expect(arn).toMatch(/^arn:aws:bedrock:eu-central-1:/);
      expect(classify.Statement[0].Resource[0]).toBe(arn);
      expect(classify.Statement[1].Condition).toEqual({ StringEquals: { "bedrock:InferenceProfileArn": [arn] } });
      // agents-main is replaced: its new ARN, and so its policy, is known only after apply.
      expect(Object.keys(policies)).toEqual(["agents/classify", "platform/main"]);
      expect(unknown).toEqual({ "agents/main": true });
    });

    it("the plan review (npm run review -- --plan) names the replacement, its order and the in-place update", () => {
      const report = renderPlanReview(readPlan(plan, "after"));
      const profile = "module.model-upgrade.aws_bedrock_inference_profile.agents-main";
      const parameter = "module.model-upgrade.aws_ssm_parameter.agents-main";
      const alarms = ["server-errors", "throttles", "tokens-per-hour"]
        .map((kind) => `\`module.model-upgrade.aws_cloudwatch_metric_alarm.agents-main-${kind}\``)
        .join(", ");
      expect(report).toContain(
        `| \`${profile}\` | \`description\`, \`model_source\`, \`name\` | ✅ creates the new one, updates \`module.model-upgrade.${DASHBOARD}\`, ${alarms}, \`${parameter}\` in place, then destroys the old one |`,
      );
      expect(report).toContain(`| \`${parameter}\` | \`insecure_value\`, \`value\`, \`version\` |`);
      expect(report).toContain("| `module.profile-removed.aws_bedrock_inference_profile.agents-classify` |");
    });

    afterAll(() => {
      // The engine's own summary lines, for whoever reads the log (docs/testing.md quotes them).
      if (process.env.BEDROCK_PROFILES_ENGINE_LOG) console.log(planText);
    });
  });
});
