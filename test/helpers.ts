/** Shared test helpers: configs from text, synth into a temp dir, read stacks back. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BUILT_IN_MODELS } from "../config/catalog.ts";
import { ConfigError } from "../config/errors.ts";
import { loadConfig, parseConfig } from "../config/loader.ts";
import { type ResolvedEnvironment, resolveEnvironments } from "../config/resolve.ts";
import { resolveBilling } from "../config/resolve-billing.ts";
import type { ProfilesConfig } from "../config/schema.ts";
import { buildApp, localStatePath } from "../stacks/bedrock-app.ts";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The shipped config, checked. Only "it loads and synthesizes" and the snapshots follow this user data. */
export function shippedConfig(): ProfilesConfig {
  return loadConfig(join(ROOT, "config/profiles.yaml"));
}

/** The fixture copy of the config as first shipped: what behavioural tests assert, whatever users edit. */
export const EXAMPLE_FIXTURE = join(ROOT, "test/fixtures/shipped-example.yaml");

/** The example config (test/fixtures/shipped-example.yaml), checked. */
export function exampleConfig(): ProfilesConfig {
  return loadConfig(EXAMPLE_FIXTURE);
}

/** A fixture under test/fixtures, checked. */
export function fixtureConfig(name: string): ProfilesConfig {
  return loadConfig(join(ROOT, "test/fixtures", name));
}

/** A config from YAML text, checked. */
export function configFrom(yaml: string): ProfilesConfig {
  return parseConfig(yaml, "test.yaml");
}

/** The report of a config that `check` must refuse; fails the test if it is accepted or fails otherwise. */
export function reportOf(check: () => unknown, file: string): string {
  try {
    check();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error(`${file} was accepted`);
}

/** The report for YAML text the loader must refuse, read as `file`. */
export function refusalOf(yaml: string, file = "test.yaml"): string {
  return reportOf(() => parseConfig(yaml, file), file);
}

/** The report for a fixture under test/fixtures the loader must refuse, shown by its path from the repository root. */
export function fixtureRefusal(fixture: string): string {
  const file = `test/fixtures/${fixture}`;
  return reportOf(() => loadConfig(join(ROOT, file), { shownAs: file }), file);
}

/** Resolve a checked config with the built-in catalog. */
export function resolve(config: ProfilesConfig): ResolvedEnvironment[] {
  return resolveEnvironments(config, BUILT_IN_MODELS);
}

/** A synthesized stack: the file text and its parsed JSON. */
export interface SynthesizedStack {
  readonly text: string;
  // biome-ignore lint/suspicious/noExplicitAny: synthesized Terraform JSON is read structurally
  readonly json: any;
}

/**
 * Synthesize a config as `npm run synth` does with the default outdir (same local state paths),
 * writing into a temporary directory. Returns every stack by name.
 */
export function synth(config: ProfilesConfig): Record<string, SynthesizedStack> {
  const outdir = mkdtempSync(join(tmpdir(), "bedrock-profiles-"));
  try {
    const billing = resolveBilling(config);
    buildApp(resolve(config), {
      outdir,
      localStatePath: (stack) => localStatePath("cdktf.out", stack, ROOT),
      ...(billing === undefined ? {} : { billing }),
    }).synth();
    return readStacks(outdir);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Every `stacks/<name>/cdk.tf.json` under an outdir. */
export function readStacks(outdir: string): Record<string, SynthesizedStack> {
  const stacks: Record<string, SynthesizedStack> = {};
  for (const name of readdirSync(join(outdir, "stacks")).sort()) {
    const text = readFileSync(join(outdir, "stacks", name, "cdk.tf.json"), "utf8");
    stacks[name] = { text, json: JSON.parse(text) };
  }
  return stacks;
}

/**
 * Run `npm run synth`'s command (`node scripts/synth.js`: main.ts bundled into dist/, rebuilt when
 * stale), from `cwd`, with `env` added. The CLI tests thereby keep the bundle equal to the sources.
 */
export function runSynth(cwd: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(ROOT, "scripts/synth.js")], {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
}

/** Run a script of the repo as its npm script does (`node --import tsx <script>`), from `cwd`, with `env` added. */
export function runScript(script: string, args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  const tsx = pathToFileURL(join(ROOT, "node_modules/tsx/dist/esm/index.mjs")).href;
  return spawnSync(process.execPath, ["--import", tsx, join(ROOT, script), ...args], {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
}

/** Every YAML file under test/fixtures that is a valid config, by its path below test/fixtures. */
export function validFixtureConfigs(): { readonly name: string; readonly config: ProfilesConfig }[] {
  const fixtures = join(ROOT, "test/fixtures");
  const yamlFiles = (readdirSync(fixtures, { recursive: true }) as string[])
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  return yamlFiles.flatMap((name) => {
    try {
      return [{ name, config: loadConfig(join(fixtures, name)) }];
    } catch (error) {
      if (error instanceof ConfigError) return [];
      throw error;
    }
  });
}

/** What {@link shopConfigYaml} writes besides the fixed parts. */
export interface ShopConfigOptions {
  /** `defaults.region`; the geography is eu. */
  readonly region: string;
  /** Entries of `models:`, one a line, without indentation. */
  readonly models?: readonly string[];
  /** `tags:` of the product `shop`, as a YAML flow mapping. */
  readonly tags?: string;
  /** The entries of the flow mapping of profile `shop/main`, `envs: [prod]` among them. */
  readonly profile: string;
}

/**
 * The YAML of the smallest config: one environment `prod` in account 444444444444 and one
 * profile `shop/main`, with the region, models, tags and profile settings a test varies.
 */
export function shopConfigYaml(options: ShopConfigOptions): string {
  return [
    "version: 1",
    `defaults: { region: ${options.region}, geography: eu }`,
    'environments: { prod: { accountId: "444444444444" } }',
    ...(options.models === undefined ? [] : ["models:", ...options.models.map((model) => `  ${model}`)]),
    "products:",
    "  shop:",
    ...(options.tags === undefined ? [] : [`    tags: ${options.tags}`]),
    "    profiles:",
    `      main: { ${options.profile} }`,
    "",
  ].join("\n");
}
