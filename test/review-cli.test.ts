/**
 * `npm run review` in a temporary git repository holding the example config at `main` and a
 * change in the working tree: the real entry point in a separate process for the exit codes a
 * CI job sees, `runReview` in this process for the other cases (a process costs about a second).
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runReview } from "../review/cli.ts";
import { EXAMPLE_FIXTURE, ROOT, refusalOf } from "./helpers.ts";

const SHIPPED = readFileSync(EXAMPLE_FIXTURE, "utf8");
const SONNET_MAIN =
  "      main:\n        model: claude-sonnet-45\n        envs: [dev, pre, prod]\n        description: Agent";
const MODEL_UPGRADE = SHIPPED.replace(SONNET_MAIN, SONNET_MAIN.replace("claude-sonnet-45", "claude-opus-45"));
const CLASSIFY_REMOVED = SHIPPED.replace(
  "      classify:\n        model: claude-haiku-45\n        envs: [dev, pre, prod]\n",
  "      classify:\n        model: claude-haiku-45\n        envs: [dev, pre]\n",
);

const scratch = mkdtempSync(join(tmpdir(), "bedrock-profiles-review-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Run git in `cwd`, failing the test on error. */
function git(cwd: string, ...args: string[]): string {
  const result = spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

/** A new repository in `name` whose `branch` commits `config` (none when undefined). */
function repository(name: string, config: string | undefined, branch = "main"): string {
  const cwd = join(scratch, name);
  mkdirSync(join(cwd, "config"), { recursive: true });
  git(cwd, "init", "--quiet", `--initial-branch=${branch}`);
  writeFileSync(join(cwd, "README.md"), "profiles\n");
  if (config !== undefined) writeFileSync(join(cwd, "config/profiles.yaml"), config);
  git(cwd, "add", ".");
  git(cwd, "commit", "--quiet", "-m", "base");
  return cwd;
}

/** Run `review/cli.ts` like `npm run review -- …args`, from `cwd`, in its own process. */
function reviewProcess(cwd: string, ...args: string[]): SpawnSyncReturns<string> {
  const tsx = pathToFileURL(join(ROOT, "node_modules/tsx/dist/esm/index.mjs")).href;
  const { PROFILES_CONFIG: _, ...env } = process.env;
  return spawnSync(process.execPath, ["--import", tsx, join(ROOT, "review/cli.ts"), ...args], {
    cwd,
    env,
    encoding: "utf8",
  });
}

/** The review run in this process, as the entry point would, from `cwd`. */
function review(cwd: string, ...args: string[]): { stdout: string; stderr: string; status: number } {
  const { PROFILES_CONFIG: _, ...env } = process.env;
  const run = runReview(args, cwd, env);
  return { stdout: run.stdout, stderr: run.stderr, status: run.exitCode };
}

describe("npm run review", () => {
  const upgrade = repository("upgrade", SHIPPED);
  const baseCommit = git(upgrade, "rev-parse", "HEAD").trim().slice(0, 12);
  git(upgrade, "checkout", "--quiet", "-b", "opus");
  writeFileSync(join(upgrade, "config/profiles.yaml"), MODEL_UPGRADE);

  it("reports a model upgrade against the merge base with main, exit 0 even with --strict", () => {
    const result = reviewProcess(upgrade, "--strict");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines.slice(0, 3)).toEqual([
      `## Bedrock profiles: \`${baseCommit}\` (merge base with \`main\`) → working tree`,
      "",
      "✅ **No hazards** · 3 replaced (1 in production) · 11 unchanged",
    ]);
    expect(lines).toContain(
      "| `agents/main` | model: `claude-sonnet-45` → `claude-opus-45`<br>name: `agents-claude-sonnet-45-prod` → `agents-claude-opus-45-prod` | ✅ yes | `/prod/agents/bedrock/inference-profile-arn`: new ARN, updated in place |",
    );
    expect(lines).toContain("Unchanged: `global-bedrock` (2 profiles).");
  });

  it("exits 2 with --strict when there is a hazard, 0 without", () => {
    writeFileSync(join(upgrade, "config/profiles.yaml"), CLASSIFY_REMOVED);
    const strict = reviewProcess(upgrade, "--strict", "--base", "main");
    const plain = review(upgrade, "--base", "main");
    writeFileSync(join(upgrade, "config/profiles.yaml"), MODEL_UPGRADE);
    expect([strict.status, plain.status]).toEqual([2, 0]);
    expect(strict.stdout).toBe(plain.stdout);
    expect(strict.stdout.split("\n").slice(0, 3)).toEqual([
      "## Bedrock profiles: `main` → working tree",
      "",
      "⚠️ **1 hazard** · 1 removed (1 in production) · 13 unchanged",
    ]);
    expect(strict.stdout).toContain(
      "- 🔴 **prod** (production) · `agents/classify`: **removed while consumers may read it**.",
    );
  });

  it("reports an invalid working-tree config with the loader's message, exit 2 with --strict", () => {
    const invalid = SHIPPED.replace("model: claude-sonnet-45", "model: sonnet");
    writeFileSync(join(upgrade, "config/profiles.yaml"), invalid);
    const result = review(upgrade, "--strict", "--base", "main");
    writeFileSync(join(upgrade, "config/profiles.yaml"), MODEL_UPGRADE);
    expect(result.status).toBe(2);
    const loaderMessage = refusalOf(invalid, "config/profiles.yaml");
    const line = invalid.slice(0, invalid.indexOf("model: sonnet")).split("\n").length;
    expect(loaderMessage).toContain(
      `config/profiles.yaml:${line}:16 products.agents.profiles.main.model: unknown model "sonnet"`,
    );
    expect(result.stdout).toContain(`  \`\`\`text\n${loaderMessage.trimEnd().replace(/^(?=.)/gm, "  ")}\n  \`\`\`\n`);
  });

  it("takes the merge base with origin/main when there is no local main", () => {
    const remoteOnly = repository("remote-only", SHIPPED, "trunk");
    git(remoteOnly, "update-ref", "refs/remotes/origin/main", "HEAD");
    const result = review(remoteOnly);
    expect(result.status).toBe(0);
    expect(result.stdout.split("\n")[0]).toMatch(
      /^## Bedrock profiles: `[0-9a-f]{12}` \(merge base with `origin\/main`\)/,
    );
    expect(result.stdout).toContain("✅ **No hazards** · 14 unchanged");
  });

  it("reports everything as added when the base has no config", () => {
    const fresh = repository("fresh", undefined);
    writeFileSync(join(fresh, "config/profiles.yaml"), SHIPPED);
    const result = review(fresh, "--strict");
    expect(result.status).toBe(0);
    expect(result.stdout.split("\n")[2]).toBe("✅ **No hazards** · 14 added (4 in production)");
  });

  it("explains an unknown ref, exit 1", () => {
    const result = reviewProcess(upgrade, "--base", "mian");
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      'review: unknown git ref "mian"\n    fix: pass a branch, tag or commit that exists here (git branch -a); for a remote branch, git fetch origin <branch> first\n',
    );
    expect(result.status).toBe(1);
  });

  it("explains a missing main branch, exit 1", () => {
    const trunk = repository("trunk", SHIPPED, "trunk");
    const result = review(trunk);
    expect(result.stderr).toBe(
      "review: there is no main or origin/main branch to compare with\n    fix: pass the base explicitly (npm run review -- --base <ref>), or fetch it (git fetch origin main)\n",
    );
    expect(result.status).toBe(1);
  });

  it("explains a directory that is not a git repository, exit 1", () => {
    const plain = join(scratch, "not-a-repo");
    mkdirSync(plain);
    const result = review(plain);
    expect(result.stderr).toBe(
      `review: not a git repository: ${plain}\n    fix: run the review inside a clone of the profiles repository\n`,
    );
    expect(result.status).toBe(1);
  });

  it("explains an unknown option with the usage, exit 1", () => {
    const result = review(upgrade, "--stirct");
    expect(result.stderr.split("\n")[0]).toBe("review: Unknown option '--stirct'");
    expect(result.stderr).toContain("usage: npm run review -- [--base <git ref>] [--strict]");
    expect(result.status).toBe(1);
  });
});

describe("acknowledged hazards", () => {
  const repo = repository("acknowledged", SHIPPED);
  const acknowledge = (entry: string) => `${CLASSIFY_REMOVED}\nacknowledged:\n  - ${entry}\n`;
  const removal =
    '{ hazard: profile-removed, profile: agents/classify, envs: [prod], reason: "no GetParameter in CloudTrail for 30 days (OPS-42)" }';

  it("passes --strict once the removal is acknowledged in the profiles file, and shows it as acknowledged", () => {
    writeFileSync(join(repo, "config/profiles.yaml"), acknowledge(removal));
    const result = review(repo, "--strict", "--base", "main");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[2]).toBe(
      "✅ **No unacknowledged hazards** (1 acknowledged) · 1 removed (1 in production) · 13 unchanged",
    );
    expect(lines).toContain("### ☑️ Acknowledged hazards");
    expect(lines).toContain("  - ☑️ **Acknowledged**: no GetParameter in CloudTrail for 30 days (OPS-42)");
    expect(lines).not.toContain("### ⚠️ Hazards");
  });

  it("does not accept the removal in another environment than the one listed", () => {
    writeFileSync(join(repo, "config/profiles.yaml"), acknowledge(removal.replace("envs: [prod]", "envs: [pre]")));
    const result = review(repo, "--strict", "--base", "main");
    expect(result.status).toBe(2);
    expect(result.stdout.split("\n")[2]).toBe("⚠️ **1 hazard** · 1 removed (1 in production) · 13 unchanged");
  });

  it("says, under an open hazard, the entry that would accept it", () => {
    writeFileSync(join(repo, "config/profiles.yaml"), CLASSIFY_REMOVED);
    expect(review(repo, "--base", "main").stdout.split("\n")).toContain(
      '  - To accept it on the record, add to `acknowledged:` in the profiles file: `{ hazard: profile-removed, profile: agents/classify, envs: [prod], reason: "…" }`',
    );
  });

  it("cannot acknowledge a replacement under the same name: the apply would fail", () => {
    const text = acknowledge(removal.replace("hazard: profile-removed", "hazard: name-held"));
    const message = refusalOf(text, "config/profiles.yaml");
    expect(message).toContain('acknowledged[0].hazard: "name-held" is not allowed\n');
    expect(message).toContain("    allowed: profile-removed, profile-moved, environment-removed,");
  });
});
