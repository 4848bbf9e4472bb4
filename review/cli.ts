/**
 * `npm run review -- [--base <git ref>] [--strict]`: the config at the base (`git show`) against
 * the one in the working tree, as a Markdown report on stdout. Exit 0; with `--strict`, 2 when
 * there is any hazard that the working tree's `acknowledged:` does not accept. Exit 1 with the cause and the fix on stderr when it cannot run.
 */
import { spawnSync } from "node:child_process";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { type CommandResult, failureResult, writeResult } from "../cli/command-result.ts";
import { DiagnosticError } from "../cli/diagnostic.ts";
import { inlineCode } from "../cli/table.ts";
import { ConfigError, show } from "../config/errors.ts";
import { configPath, loadPlan, type ProfilesPlan, planFromText } from "../config/loader.ts";
import type { Acknowledgement } from "../config/schema.ts";
import { acknowledgements } from "./acknowledge.ts";
import { type ResolvedSide, reviewWithBilling } from "./billing-review.ts";
import { HAZARD_EXIT_CODE, runPlanReview } from "./plan.ts";
import { renderReport } from "./report.ts";

const USAGE = `usage: npm run review -- [--base <git ref>] [--strict]

  --base <ref>  the commit to compare the working tree with
                (default: the merge base of HEAD with main, else with origin/main)
  --strict      exit 2 when the report lists any hazard not accepted under
                acknowledged: in the profiles file
`;

/** A problem that stops the review: its diagnostic goes to stderr, exit 1. */
function reviewError(message: string, fix?: string, usage?: string): DiagnosticError {
  return new DiagnosticError({ where: "review", message, fix }, 1, usage);
}

/** Run git in `cwd`; its stdout, or undefined when it fails. */
function git(cwd: string, args: readonly string[]): string | undefined {
  const result = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error !== undefined) {
    throw reviewError(`cannot run git: ${result.error.message}`, "install git and make sure it is on PATH");
  }
  return result.status === 0 ? result.stdout : undefined;
}

/** The base commit: what git resolves, the name used in config messages, the title's label. */
interface BaseRef {
  readonly ref: string;
  readonly name: string;
  readonly label: string;
}

/** Does `ref` name a commit? */
function isCommit(cwd: string, ref: string): boolean {
  return git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]) !== undefined;
}

/**
 * The default base: the merge base of HEAD with `main`, or with `origin/main` when there is no
 * local `main` (a CI checkout of a pull request has only the remote branch).
 */
function defaultBase(cwd: string): BaseRef {
  const branch = ["main", "origin/main"].find((candidate) => isCommit(cwd, candidate));
  if (branch === undefined) {
    throw reviewError(
      "there is no main or origin/main branch to compare with",
      "pass the base explicitly (npm run review -- --base <ref>), or fetch it (git fetch origin main)",
    );
  }
  const mergeBase = git(cwd, ["merge-base", "HEAD", branch])?.trim();
  if (!mergeBase) {
    throw reviewError(
      `HEAD has no common ancestor with ${branch}`,
      "fetch the full history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout), or pass --base <ref>",
    );
  }
  const short = mergeBase.slice(0, 12);
  return { ref: mergeBase, name: short, label: `${inlineCode(short)} (merge base with ${inlineCode(branch)})` };
}

/** One side of the comparison: the plan's environments and billing. */
function resolvedSide({ environments, billing }: ProfilesPlan): ResolvedSide {
  return { side: environments, billing };
}

/** The config at the base: resolved, `[]` when the file did not exist there, or its ConfigError. */
function baseSide(cwd: string, commit: string, path: string, label: string): ResolvedSide {
  const text = git(cwd, ["show", `${commit}:${path}`]);
  if (text === undefined) {
    const exists = git(cwd, ["cat-file", "-e", `${commit}:${path}`]) !== undefined;
    if (!exists) return { side: [] };
    throw reviewError(`cannot read ${path} at ${label}`, `check that git can read it: git show ${commit}:${path}`);
  }
  try {
    return resolvedSide(planFromText(text, `${label}:${path}`));
  } catch (error) {
    if (error instanceof ConfigError) return { side: error };
    throw error;
  }
}

/** The config in the working tree: resolved, or its ConfigError (also when missing); and its acknowledgements. */
function headSide(file: string, shownAs: string): ResolvedSide & { acknowledged: readonly Acknowledgement[] } {
  try {
    const plan = loadPlan(file, { shownAs });
    return { ...resolvedSide(plan), acknowledged: plan.config.acknowledged };
  } catch (error) {
    if (error instanceof ConfigError) return { side: error, acknowledged: [] };
    throw error;
  }
}

/** The report of the working tree in `cwd` against `--base`, and the exit code. */
function review(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): { stdout: string; exitCode: number } {
  let values: { base?: string; strict?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { base: { type: "string" }, strict: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
  } catch (error) {
    throw reviewError((error as Error).message, "use only the flags below", USAGE);
  }
  if (values.help) return { stdout: USAGE, exitCode: 0 };
  const root = git(cwd, ["rev-parse", "--show-toplevel"])?.trim();
  if (!root) {
    throw reviewError(`not a git repository: ${cwd}`, "run the review inside a clone of the profiles repository");
  }
  let base: BaseRef;
  if (values.base === undefined) {
    base = defaultBase(cwd);
  } else if (!values.base.startsWith("-") && isCommit(cwd, values.base)) {
    base = { ref: values.base, name: values.base, label: inlineCode(values.base) };
  } else {
    throw reviewError(
      `unknown git ref ${show(values.base)}`,
      "pass a branch, tag or commit that exists here (git branch -a); for a remote branch, git fetch origin <branch> first",
    );
  }

  const file = resolve(cwd, configPath(env));
  const inRepo = relative(root, file);
  if (inRepo.startsWith("..") || isAbsolute(inRepo)) {
    throw reviewError(
      `the profiles file ${file} is outside the repository ${root}`,
      "point PROFILES_CONFIG at a file inside it",
    );
  }
  const gitPath = inRepo.split(sep).join("/");
  const head = headSide(file, relative(cwd, file));
  const reviewed = reviewWithBilling(baseSide(root, base.ref, gitPath, base.name), head);
  const accepted = acknowledgements(reviewed.hazards, head.acknowledged);
  return {
    stdout: renderReport(reviewed, { base: base.label, head: "working tree" }, accepted),
    exitCode: values.strict && reviewed.hazards.length > accepted.size ? HAZARD_EXIT_CODE : 0,
  };
}

/**
 * `npm run review` with `argv` (without node and the script) in `cwd`: what it prints and its
 * exit code. Errors it can explain are on stderr with exit 1; anything else throws.
 */
export function runReview(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): CommandResult {
  // A plan instead of the config (review/plan.ts): what the engine will do, in the same words.
  if (argv.some((arg) => arg === "--plan" || arg.startsWith("--plan="))) return runPlanReview(argv);
  try {
    return { ...review(argv, cwd, env), stderr: "" };
  } catch (error) {
    return failureResult(error);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // Nothing here prints a stack trace of user code; source maps only slow tsx down (see main.ts).
  process.setSourceMapsEnabled(false);
  writeResult(runReview(process.argv.slice(2), process.cwd()));
}
