/**
 * `npm run test:flows`: the everyday pull requests of README "Everyday changes", each made the
 * way the README says in a fresh copy of the repository, must leave CI green: the edit, then
 * `npm run test:update`, then `npm test` and `npm run review -- --base HEAD` (exit 0, and with
 * `--strict` for a removal once acknowledged, not before). A separate script, not part of
 * `npm test`: it runs the whole suite twice per flow.
 *
 * The copy is of the last commit (`git archive HEAD`), with the example config of
 * test/fixtures/shipped-example.yaml as its profiles file, so the edits apply whatever users have
 * since written in config/profiles.yaml. node_modules is linked, not installed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CONFIG = "config/profiles.yaml";

/** One everyday change: how it edits the profiles file, and what its review must say. */
interface Flow {
  readonly title: string;
  readonly edit: (config: string) => string;
  /** Exit code of `npm run review -- --base HEAD --strict` after the edit (default 0). */
  readonly strictExit?: number;
  /** A second edit (the acknowledgement) after which `--strict` must exit 0. */
  readonly acknowledge?: (config: string) => string;
}

/** `text` with `from` replaced by `to`; fails when `from` is not there (the example changed). */
function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the example config no longer contains:\n${from}`);
  return text.replace(from, to);
}

const AGENTS_PROFILES = "      project: support-agent-v1\n    profiles:\n";
const CLASSIFY = `      classify:
        model: claude-haiku-45
        envs: [dev, pre, prod]
        # Deployed before purposes other than main got {purpose} in the default name: kept, so
        # nothing is renamed (a rename replaces the profile). Follows the model and env all the same.
        name: "{product}-{model}-{env}"
        description: Fast classification for support-agent-v1
`;

const FLOWS: readonly Flow[] = [
  {
    // README "Add a profile", the entry exactly as shown there.
    title: "add a profile",
    edit: (config) =>
      replaceOnce(
        config,
        AGENTS_PROFILES,
        `${AGENTS_PROFILES}      summarize: { model: claude-haiku-45, envs: [dev, pre, prod] }\n`,
      ),
  },
  {
    title: "upgrade a model",
    edit: (config) =>
      replaceOnce(
        config,
        "      main:\n        model: claude-sonnet-45\n        envs: [dev, pre, prod]\n        description: Agent",
        "      main:\n        model: claude-opus-45\n        envs: [dev, pre, prod]\n        description: Agent",
      ),
  },
  {
    title: "add a product",
    edit: (config) =>
      `${config}
  # Product search, a new SaaS feature.
  search:
    tags:
      billing-mode: saas
    profiles:
      main: { model: claude-haiku-45, envs: [dev, prod] }
`,
  },
  {
    title: "remove a profile (then acknowledge the removal)",
    edit: (config) => replaceOnce(config, CLASSIFY, ""),
    strictExit: 2,
    acknowledge: (config) =>
      `${config}
acknowledged:
  - hazard: profile-removed
    profile: agents/classify
    envs: [dev, pre, prod]
    reason: support-agent-v1 no longer classifies; no GetParameter in CloudTrail for 30 days
`,
  },
  {
    title: "remove a budget (then acknowledge the removal)",
    edit: (config) => replaceOnce(config, "  platform:\n    monthly: 1500\n    notify: [finops@example.com]\n", ""),
    strictExit: 2,
    acknowledge: (config) =>
      `${config}
acknowledged:
  - hazard: budget-removed
    product: platform
    envs: [billing]
    reason: FinOps tracks platform in its own Cost Explorer report from this month
`,
  },
  {
    title: "rename a profile (its name:)",
    edit: (config) =>
      replaceOnce(
        config,
        '        name: "{product}-{model}-{env}" # deployed with this name; see agents.classify\n',
        '        name: "{product}-{purpose}-{model}-{env}"\n',
      ),
  },
];

/** Run a command in `cwd`; its exit code and output. */
function run(cwd: string, command: string, args: readonly string[]) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status ?? 1, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

/** Run a command that must exit with `expected`; throws with its output otherwise. */
function expectExit(cwd: string, expected: number, command: string, ...args: string[]): string {
  const { status, output } = run(cwd, command, args);
  if (status !== expected) {
    throw new Error(`${command} ${args.join(" ")}: exit ${status}, expected ${expected}\n${output}`);
  }
  return output;
}

/** The lines of a review worth quoting: the title, the summary, the hazards and changed rows. */
function trimmed(review: string): string {
  return review
    .split("\n")
    .filter((line) => /^(## |✅|⚠️|- | {2}- |\| `)/.test(line))
    .map((line) => `    ${line}`)
    .join("\n");
}

/** A copy of HEAD in `dir` with the example config committed as its base on `main`. */
function prepare(dir: string): void {
  mkdirSync(dir);
  const archive = spawnSync("git", ["-C", ROOT, "archive", "HEAD"], { maxBuffer: 256 * 1024 * 1024 });
  if (archive.status !== 0) throw new Error(`git archive HEAD: ${archive.stderr}`);
  const untar = spawnSync("tar", ["-x", "-C", dir], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar: ${untar.stderr}`);
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  const example = readFileSync(join(ROOT, "test/fixtures/shipped-example.yaml"), "utf8");
  writeFileSync(
    join(dir, CONFIG),
    example.replace("$schema=../../config/profiles.schema.json", "$schema=./profiles.schema.json"),
  );
  const git = (...args: string[]) =>
    expectExit(dir, 0, "git", "-c", "user.name=flows", "-c", "user.email=flows@example.com", ...args);
  // A repository first: the tests ask git what .gitignore ignores.
  git("init", "--quiet", "--initial-branch=main");
  expectExit(dir, 0, "npm", "run", "--silent", "test:update");
  git("add", "--all");
  git("commit", "--quiet", "--message", "base");
}

function main(): number {
  const scratch = mkdtempSync(join(tmpdir(), "bedrock-profiles-flows-"));
  const repo = join(scratch, "repo");
  let failed = 0;
  try {
    try {
      prepare(repo);
    } catch (error) {
      console.log(`FAILED: preparing a copy of the repository with the example config\n${(error as Error).message}`);
      return 1;
    }
    for (const flow of FLOWS) {
      expectExit(repo, 0, "git", "reset", "--quiet", "--hard", "HEAD");
      expectExit(repo, 0, "git", "clean", "--quiet", "-fd");
      try {
        const path = join(repo, CONFIG);
        writeFileSync(path, flow.edit(readFileSync(path, "utf8")));
        expectExit(repo, 0, "npm", "run", "--silent", "test:update");
        expectExit(repo, 0, "npm", "test");
        const review = expectExit(repo, 0, "npm", "run", "--silent", "review", "--", "--base", "HEAD");
        expectExit(repo, flow.strictExit ?? 0, "npm", "run", "--silent", "review", "--", "--base", "HEAD", "--strict");
        let acknowledged = "";
        if (flow.acknowledge !== undefined) {
          writeFileSync(path, flow.acknowledge(readFileSync(path, "utf8")));
          expectExit(repo, 0, "npm", "test");
          acknowledged = expectExit(repo, 0, "npm", "run", "--silent", "review", "--", "--base", "HEAD", "--strict");
        }
        console.log(`ok: ${flow.title}\n${trimmed(review)}`);
        if (acknowledged !== "") console.log(`  acknowledged, --strict exits 0:\n${trimmed(acknowledged)}`);
      } catch (error) {
        failed++;
        console.log(`FAILED: ${flow.title}\n${(error as Error).message}`);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log(
    failed === 0 ? `every everyday flow is green (${FLOWS.length})` : `${failed} of ${FLOWS.length} flows failed`,
  );
  return failed === 0 ? 0 : 1;
}

process.exitCode = main();
