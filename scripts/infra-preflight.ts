/**
 * `node --import tsx scripts/infra-preflight.ts [--tofu] [--credentials] [--stack <name>]
 * [--one-stack] [--plan]`: the prerequisites of the Taskfile's `infra:*` tasks, checked before
 * any of them touches state. Every missing prerequisite is reported at once on stderr, each
 * with how to get it, and the exit code is 1. On success it prints the stacks to work on, one
 * per line (`--stack`, else every synthesized stack), for the task's loop.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { type CommandResult, failureResult, writeResult } from "../cli/command-result.ts";
import { DiagnosticError, formatDiagnostic } from "../cli/diagnostic.ts";
import { closestAll, didYouMeanOneOf, show } from "../config/errors.ts";

/** The oldest OpenTofu with S3-native state locking (`use_lockfile`). */
const MIN_TOFU_VERSION = { major: 1, minor: 10 } as const;

const INSTALL_TOFU = "install OpenTofu 1.10 or later: https://opentofu.org/docs/intro/install/";

/** A problem of the preflight, laid out as every command-line error is (cli/diagnostic.ts). */
function problem(message: string, hints: { allowed?: string; fix?: string } = {}): string {
  return formatDiagnostic({ where: "preflight", message, ...hints });
}

/** The stacks directory of a synth output directory. */
function stacksDir(outdir: string): string {
  return join(outdir, "stacks");
}

/** The first executable `command` on `pathEnv`, or undefined. */
export function findOnPath(command: string, pathEnv: string | undefined): string | undefined {
  for (const dir of (pathEnv ?? "").split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next directory
    }
  }
  return undefined;
}

/** What is wrong with a tofu version (`1.10.5`, `1.11.0-beta1`), or undefined when it is new enough. */
export function tofuVersionProblem(version: string): string | undefined {
  const match = /^(\d+)\.(\d+)\./.exec(version);
  if (match === null) {
    return problem(`tofu reported the version ${show(version)}, which is not a version number`, { fix: INSTALL_TOFU });
  }
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major > MIN_TOFU_VERSION.major || (major === MIN_TOFU_VERSION.major && minor >= MIN_TOFU_VERSION.minor)) {
    return undefined;
  }
  return problem(
    `tofu ${version} is too old: the S3 backend's use_lockfile (state locking without DynamoDB) needs OpenTofu 1.10 or later`,
    { fix: INSTALL_TOFU },
  );
}

/** What is wrong with the `tofu` on `pathEnv`, or undefined. Runs `tofu version -json`. */
function tofuProblem(pathEnv: string | undefined): string | undefined {
  const tofu = findOnPath("tofu", pathEnv);
  if (tofu === undefined) return problem("tofu is not on the PATH", { fix: INSTALL_TOFU });
  const result = spawnSync(tofu, ["version", "-json"], { encoding: "utf8" });
  let version: unknown;
  try {
    version = JSON.parse(result.stdout).terraform_version;
  } catch {
    version = undefined;
  }
  if (typeof version !== "string") {
    return problem(`${tofu} version -json did not print a version (exit ${result.status}): is it OpenTofu?`, {
      fix: INSTALL_TOFU,
    });
  }
  return tofuVersionProblem(version);
}

/** The files the AWS SDK reads for the default profile, as `~/.aws/…` or their env overrides. */
function sharedConfigFiles(env: NodeJS.ProcessEnv, home: string): string[] {
  return [
    env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, ".aws", "credentials"),
    env.AWS_CONFIG_FILE ?? join(home, ".aws", "config"),
  ];
}

function hasDefaultProfile(file: string): boolean {
  if (!existsSync(file)) return false;
  return /^\s*\[(profile\s+)?default\]\s*$/m.test(readFileSync(file, "utf8"));
}

/**
 * What is missing for AWS credentials, or undefined. Offline on purpose: it looks for a
 * configured source the AWS SDK would use (environment keys, a profile, web identity, a
 * container role, a default profile in the shared files) and cannot tell whether those
 * credentials are valid or belong to the right account. OpenTofu finds that out at once, and
 * the provider's `allowed_account_ids` refuses the wrong account. An EC2 instance role is
 * invisible without calling the metadata service, so it is declared with
 * `INFRA_CREDENTIALS=instance-role`.
 */
export function credentialsProblem(env: NodeJS.ProcessEnv, home: string): string | undefined {
  const configured =
    env.INFRA_CREDENTIALS === "instance-role" ||
    Boolean(env.AWS_PROFILE) ||
    (Boolean(env.AWS_ACCESS_KEY_ID) && Boolean(env.AWS_SECRET_ACCESS_KEY)) ||
    (Boolean(env.AWS_WEB_IDENTITY_TOKEN_FILE) && Boolean(env.AWS_ROLE_ARN)) ||
    Boolean(env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) ||
    Boolean(env.AWS_CONTAINER_CREDENTIALS_FULL_URI) ||
    sharedConfigFiles(env, home).some(hasDefaultProfile);
  if (configured) return undefined;
  const sources = [
    "AWS_PROFILE=<profile> (after `aws sso login --profile <profile>` for SSO)",
    "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys)",
    "AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE (CI with OIDC)",
    "a [default] profile in ~/.aws/credentials or ~/.aws/config",
    "INFRA_CREDENTIALS=instance-role on an EC2 instance with a role",
  ];
  return problem("no AWS credentials are configured", {
    allowed: sources.join("\n"),
    fix: "configure one of them, e.g. AWS_PROFILE=<profile>",
  });
}

/** The synthesized stacks under `outdir`, sorted; none when synth has not run. */
function synthesizedStacks(outdir: string): string[] {
  const dir = stacksDir(outdir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, "cdk.tf.json")))
    .sort();
}

/** The stacks to work on: `stack` if given, else all; or what is missing. */
export function selectStacks(
  outdir: string,
  stack: string | undefined,
  oneStack: boolean,
): { stacks: string[]; problem?: string } {
  const all = synthesizedStacks(outdir);
  if (all.length === 0) {
    return {
      stacks: [],
      problem: problem(`${stacksDir(outdir)} has no synthesized stack`, { fix: "run `task infra:synth` first" }),
    };
  }
  if (stack === undefined || stack === "") {
    if (oneStack) {
      return {
        stacks: [],
        problem: problem("this task works on one stack, and STACK is not set", {
          allowed: all.join(", "),
          fix: "add STACK=<stack>",
        }),
      };
    }
    return { stacks: all };
  }
  if (!all.includes(stack)) {
    // An environment name (`prod`) is the usual slip: its stack is `prod-bedrock`.
    const meant = all.includes(`${stack}-bedrock`) ? [`${stack}-bedrock`] : closestAll(stack, all);
    const fix = meant.length === 0 ? "STACK=<one of them>" : didYouMeanOneOf(meant, (name) => `STACK=${name}`);
    return {
      stacks: [],
      problem: problem(`STACK=${stack} is not a synthesized stack`, { allowed: all.join(", "), fix }),
    };
  }
  return { stacks: [stack] };
}

/** The saved plan of a stack, as `infra:plan` writes it (relative to the stack's directory). */
function planFile(stack: string): string {
  return `${stack}.tfplan`;
}

/** The stacks without a saved plan, as one message, or undefined. */
export function missingPlansProblem(outdir: string, stacks: readonly string[]): string | undefined {
  const missing = stacks.filter((stack) => !existsSync(join(stacksDir(outdir), stack, planFile(stack))));
  if (missing.length === 0) return undefined;
  return missing
    .map((stack) =>
      problem(`no saved plan for ${stack} (${join(stacksDir(outdir), stack, planFile(stack))})`, {
        fix: `infra:apply only applies a plan you have read: run \`task infra:plan STACK=${stack}\` first`,
      }),
    )
    .join("\n");
}

/** Options of {@link preflight}. */
export interface PreflightOptions {
  readonly outdir: string;
  readonly tofu: boolean;
  readonly credentials: boolean;
  /** Select stacks and print them; `stack` narrows to one. */
  readonly stacks: boolean;
  readonly stack?: string;
  readonly oneStack: boolean;
  readonly plan: boolean;
}

/** Every problem, and the stacks to work on. */
export function preflight(
  options: PreflightOptions,
  env: NodeJS.ProcessEnv,
  home: string,
): { problems: string[]; stacks: string[] } {
  const problems: string[] = [];
  const add = (problem: string | undefined) => {
    if (problem !== undefined) problems.push(problem);
  };
  if (options.tofu) add(tofuProblem(env.PATH));
  if (options.credentials) add(credentialsProblem(env, home));
  if (!options.stacks) return { problems, stacks: [] };
  const selected = selectStacks(options.outdir, options.stack, options.oneStack);
  add(selected.problem);
  if (options.plan && selected.problem === undefined) add(missingPlansProblem(options.outdir, selected.stacks));
  return { problems, stacks: selected.stacks };
}

/** The flags of the script, as the Taskfile passes them. */
const FLAGS = {
  outdir: { type: "string", default: "cdktf.out" },
  tofu: { type: "boolean", default: false },
  credentials: { type: "boolean", default: false },
  stacks: { type: "boolean", default: false },
  stack: { type: "string" },
  "one-stack": { type: "boolean", default: false },
  plan: { type: "boolean", default: false },
} as const;

/** node's parseArgs of {@link FLAGS}; a flag it does not know is a diagnostic (exit 2). */
function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: FLAGS }).values;
  } catch (error) {
    const flags = Object.keys(FLAGS).map((name) => `--${name}`);
    const diagnostic = { where: "preflight", message: (error as Error).message, allowed: flags.join(", ") };
    throw new DiagnosticError(diagnostic, 2);
  }
}

/** The flags as {@link PreflightOptions}. */
function parseOptions(argv: readonly string[]): PreflightOptions {
  const values = parseFlags(argv);
  return {
    outdir: values.outdir,
    tofu: values.tofu,
    credentials: values.credentials,
    stacks: values.stacks || values.stack !== undefined || values["one-stack"] || values.plan,
    stack: values.stack,
    oneStack: values["one-stack"],
    plan: values.plan,
  };
}

/** The script with `argv`: the stacks to work on (stdout), or every problem (stderr, exit 1). */
export function runPreflight(argv: readonly string[], env: NodeJS.ProcessEnv, home: string): CommandResult {
  try {
    const { problems, stacks } = preflight(parseOptions(argv), env, home);
    if (problems.length > 0) return { exitCode: 1, stdout: "", stderr: `${problems.join("\n")}\n` };
    return { exitCode: 0, stdout: stacks.length > 0 ? `${stacks.join("\n")}\n` : "", stderr: "" };
  } catch (error) {
    return failureResult(error);
  }
}

// Run as a script, not when a test imports the checks.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeResult(runPreflight(process.argv.slice(2), process.env, homedir()));
}
