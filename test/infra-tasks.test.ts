/**
 * The Taskfile's infra tasks and their prerequisite checks (scripts/infra-preflight.ts): every
 * task exists and drives OpenTofu, and each missing prerequisite is reported with its fix.
 * Runs without tofu, credentials or `task`; never with a fake tofu.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  credentialsProblem,
  findOnPath,
  missingPlansProblem,
  selectStacks,
  tofuVersionProblem,
} from "../scripts/infra-preflight.ts";
import { ROOT } from "./helpers.ts";

const scratch = mkdtempSync(join(tmpdir(), "bedrock-profiles-preflight-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A directory under the scratch directory, created empty. */
function emptyDir(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** An outdir holding `stacks` as synth would write them (a cdk.tf.json each). */
function outdirWith(name: string, stacks: readonly string[]): string {
  const outdir = emptyDir(name);
  for (const stack of stacks) {
    mkdirSync(join(outdir, "stacks", stack), { recursive: true });
    writeFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "{}");
  }
  return outdir;
}

/** Run the preflight script as the Taskfile does, with exactly `env`. */
function runPreflight(args: readonly string[], env: Record<string, string>) {
  const tsx = pathToFileURL(join(ROOT, "node_modules/tsx/dist/esm/index.mjs")).href;
  return spawnSync(process.execPath, ["--import", tsx, join(ROOT, "scripts/infra-preflight.ts"), ...args], {
    cwd: ROOT,
    env,
    encoding: "utf8",
  });
}

const INSTALL = "    fix: install OpenTofu 1.10 or later: https://opentofu.org/docs/intro/install/";
const NO_CREDENTIALS = [
  "preflight: no AWS credentials are configured",
  "    allowed: AWS_PROFILE=<profile> (after `aws sso login --profile <profile>` for SSO)",
  "             AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys)",
  "             AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE (CI with OIDC)",
  "             a [default] profile in ~/.aws/credentials or ~/.aws/config",
  "             INFRA_CREDENTIALS=instance-role on an EC2 instance with a role",
  "    fix: configure one of them, e.g. AWS_PROFILE=<profile>",
].join("\n");

describe("preflight: tofu", () => {
  it("says tofu is missing from a PATH without it, and how to install it", () => {
    const path = emptyDir("path-without-tofu");
    const result = runPreflight(["--tofu"], { PATH: path, HOME: emptyDir("home") });
    expect(result.stderr).toBe(`preflight: tofu is not on the PATH\n${INSTALL}\n`);
    expect(result.status).toBe(1);
    expect(findOnPath("tofu", path)).toBeUndefined();
  });

  it("reports every missing prerequisite at once", () => {
    const result = runPreflight(["--tofu", "--credentials"], {
      PATH: emptyDir("path-without-tofu"),
      HOME: emptyDir("home"),
    });
    expect(result.stderr).toBe(`preflight: tofu is not on the PATH\n${INSTALL}\n${NO_CREDENTIALS}\n`);
    expect(result.status).toBe(1);
  });

  it("requires OpenTofu 1.10 or later (S3-native locking)", () => {
    expect(tofuVersionProblem("1.9.1")).toBe(
      `preflight: tofu 1.9.1 is too old: the S3 backend's use_lockfile (state locking without DynamoDB) needs OpenTofu 1.10 or later\n${INSTALL}`,
    );
    expect(tofuVersionProblem("0.99.0")).toBe(
      `preflight: tofu 0.99.0 is too old: the S3 backend's use_lockfile (state locking without DynamoDB) needs OpenTofu 1.10 or later\n${INSTALL}`,
    );
    expect(tofuVersionProblem("1.10.0")).toBeUndefined();
    expect(tofuVersionProblem("1.11.0-beta1")).toBeUndefined();
    expect(tofuVersionProblem("2.0.0")).toBeUndefined();
    expect(tofuVersionProblem("dev")).toBe(
      `preflight: tofu reported the version "dev", which is not a version number\n${INSTALL}`,
    );
  });
});

describe("preflight: credentials", () => {
  const home = emptyDir("home-without-aws");

  it("explains every way to provide credentials when there are none", () => {
    expect(credentialsProblem({}, home)).toBe(NO_CREDENTIALS);
    expect(credentialsProblem({ AWS_ACCESS_KEY_ID: "AKIAEXAMPLE" }, home)).toBe(NO_CREDENTIALS);
    expect(credentialsProblem({ AWS_WEB_IDENTITY_TOKEN_FILE: "/tmp/token" }, home)).toBe(NO_CREDENTIALS);
  });

  it("accepts a profile, keys, web identity, a container role or a declared instance role", () => {
    for (const env of [
      { AWS_PROFILE: "deployer" },
      { AWS_ACCESS_KEY_ID: "AKIAEXAMPLE", AWS_SECRET_ACCESS_KEY: "secret" },
      { AWS_ROLE_ARN: "arn:aws:iam::111111111111:role/ci", AWS_WEB_IDENTITY_TOKEN_FILE: "/tmp/token" },
      { AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: "/v2/credentials/x" },
      { INFRA_CREDENTIALS: "instance-role" },
    ]) {
      expect(credentialsProblem(env, home), JSON.stringify(env)).toBeUndefined();
    }
  });

  it("accepts a [default] profile in the shared files, and only that", () => {
    const withDefault = emptyDir("home-with-default");
    mkdirSync(join(withDefault, ".aws"));
    writeFileSync(join(withDefault, ".aws", "config"), "[profile sandbox]\nregion = eu-central-1\n");
    expect(credentialsProblem({}, withDefault)).toBe(NO_CREDENTIALS);
    writeFileSync(join(withDefault, ".aws", "credentials"), "[default]\naws_access_key_id = AKIAEXAMPLE\n");
    expect(credentialsProblem({}, withDefault)).toBeUndefined();
  });
});

describe("preflight: stacks and plans", () => {
  const outdir = outdirWith("out", ["dev-bedrock", "prod-bedrock"]);

  it("asks for a synth when nothing is synthesized", () => {
    const empty = emptyDir("out-empty");
    expect(selectStacks(empty, undefined, false)).toEqual({
      stacks: [],
      problem: `preflight: ${join(empty, "stacks")} has no synthesized stack\n    fix: run \`task infra:synth\` first`,
    });
  });

  it("selects every stack, or the one named by STACK", () => {
    expect(selectStacks(outdir, undefined, false)).toEqual({ stacks: ["dev-bedrock", "prod-bedrock"] });
    expect(selectStacks(outdir, "", false)).toEqual({ stacks: ["dev-bedrock", "prod-bedrock"] });
    expect(selectStacks(outdir, "prod-bedrock", false)).toEqual({ stacks: ["prod-bedrock"] });
  });

  it("names the stacks there are when STACK is unknown or missing where one is required", () => {
    expect(selectStacks(outdir, "prod", false).problem).toBe(
      "preflight: STACK=prod is not a synthesized stack\n    allowed: dev-bedrock, prod-bedrock\n    fix: did you mean STACK=prod-bedrock?",
    );
    expect(selectStacks(outdir, "prod-bedrok", false).problem).toBe(
      "preflight: STACK=prod-bedrok is not a synthesized stack\n    allowed: dev-bedrock, prod-bedrock\n    fix: did you mean STACK=prod-bedrock?",
    );
    expect(selectStacks(outdir, "staging", false).problem).toBe(
      "preflight: STACK=staging is not a synthesized stack\n    allowed: dev-bedrock, prod-bedrock\n    fix: STACK=<one of them>",
    );
    expect(selectStacks(outdir, "", true).problem).toBe(
      "preflight: this task works on one stack, and STACK is not set\n    allowed: dev-bedrock, prod-bedrock\n    fix: add STACK=<stack>",
    );
  });

  it("refuses to apply without a saved plan, and says how to make one", () => {
    const result = runPreflight(["--outdir", outdir, "--plan", "--stack", "prod-bedrock"], { PATH: "" });
    expect(result.stderr).toBe(
      `preflight: no saved plan for prod-bedrock (${join(outdir, "stacks/prod-bedrock/prod-bedrock.tfplan")})\n` +
        "    fix: infra:apply only applies a plan you have read: run `task infra:plan STACK=prod-bedrock` first\n",
    );
    expect(result.status).toBe(1);
  });

  it("prints the stacks to work on when every prerequisite is there", () => {
    writeFileSync(join(outdir, "stacks/dev-bedrock/dev-bedrock.tfplan"), "");
    expect(missingPlansProblem(outdir, ["dev-bedrock"])).toBeUndefined();
    const result = runPreflight(["--outdir", outdir, "--plan", "--stack", "dev-bedrock"], { PATH: "" });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("dev-bedrock\n");
    expect(result.status).toBe(0);
  });
});

describe("Taskfile.yml", () => {
  const taskfile = parse(readFileSync(join(ROOT, "Taskfile.yml"), "utf8"));
  const tasks: Record<string, { env?: Record<string, string>; cmds: (string | { task: string })[] }> = taskfile.tasks;
  /** The shell commands of a task, one string. */
  const script = (name: string) =>
    tasks[name].cmds.map((cmd) => (typeof cmd === "string" ? cmd : `task: ${cmd.task}`)).join("\n");

  it("has every task the README and CI use", () => {
    expect(Object.keys(tasks).sort()).toEqual([
      "infra:apply",
      "infra:deploy",
      "infra:lock",
      "infra:output",
      "infra:plan",
      "infra:synth",
      "lint",
      "test",
    ]);
  });

  it("runs cdktf with OpenTofu in every task", () => {
    expect(taskfile.env.TERRAFORM_BINARY_NAME).toBe("tofu");
    for (const [name, task] of Object.entries(tasks)) {
      expect(task.env?.TERRAFORM_BINARY_NAME ?? "tofu", name).toBe("tofu");
    }
  });

  it("checks tofu before every task that runs it, and credentials before every one that reads state", () => {
    for (const name of ["infra:plan", "infra:apply", "infra:output", "infra:lock", "infra:deploy"]) {
      expect(script(name), name).toMatch(/\{\{\.PREFLIGHT\}\} --tofu/);
    }
    for (const name of ["infra:plan", "infra:apply", "infra:output", "infra:deploy"]) {
      expect(script(name), name).toMatch(/--credentials/);
    }
    expect(taskfile.vars.PREFLIGHT).toBe("node --import tsx scripts/infra-preflight.ts");
  });

  it("plans each stack into a saved plan after a synth", () => {
    expect(script("infra:plan")).toContain("task: infra:synth");
    expect(script("infra:plan")).toContain("tofu -chdir={{.STACKS_DIR}}/$stack init -input=false\n");
    expect(script("infra:plan")).toContain("tofu -chdir={{.STACKS_DIR}}/$stack plan -input=false -out=$stack.tfplan\n");
  });

  it("applies only the saved plan, after checking there is one", () => {
    expect(script("infra:apply")).toContain("--plan");
    expect(script("infra:apply")).toContain(
      "tofu -chdir={{.STACKS_DIR}}/$stack apply -input=false $stack.tfplan; then\n",
    );
    expect(script("infra:apply")).not.toContain("infra:synth");
  });

  it("explains a failed billing-bedrock apply by the tag keys AWS has not billed yet, and still fails", () => {
    expect(script("infra:apply")).toContain('if [ "$stack" = billing-bedrock ]; then');
    expect(script("infra:apply")).toContain(
      "it can be activated only up to 24 hours after the first tagged Bedrock call",
    );
    expect(script("infra:apply")).toMatch(/fi\n\s+exit 1\n\s+fi\n/);
  });

  it("prints the profile ARNs, locks for laptops and CI, deploys one stack with cdktf", () => {
    expect(script("infra:output")).toContain("output -json inference_profile_arns");
    expect(script("infra:lock")).toContain("providers lock {{.LOCK_PLATFORMS}}");
    expect(taskfile.vars.LOCK_PLATFORMS).toBe("-platform=linux_amd64 -platform=linux_arm64 -platform=darwin_arm64");
    expect(script("infra:deploy")).toContain('--one-stack --stack "{{.STACK}}"');
    expect(script("infra:deploy")).toContain('npx cdktf deploy "{{.STACK}}" --skip-synth');
  });
});

describe(".gitignore", () => {
  /** Whether git ignores `path` (no need for the file to exist). */
  const ignored = (path: string) =>
    spawnSync("git", ["check-ignore", "--no-index", "-q", path], { cwd: ROOT }).status === 0;

  it("keeps each stack's lock file and nothing else of cdktf.out", () => {
    expect(ignored("cdktf.out/stacks/prod-bedrock/.terraform.lock.hcl")).toBe(false);
    for (const path of [
      "cdktf.out/manifest.json",
      "cdktf.out/stacks/prod-bedrock/cdk.tf.json",
      "cdktf.out/stacks/prod-bedrock/prod-bedrock.tfplan",
      "cdktf.out/stacks/prod-bedrock/.terraform/providers/x",
      "terraform.global-bedrock.tfstate",
    ]) {
      expect(ignored(path), path).toBe(true);
    }
  });
});
