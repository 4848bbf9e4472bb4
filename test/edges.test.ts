/**
 * The command-line edges share one diagnostic layout (cli/diagnostic.ts), one result type
 * (cli/command-result.ts) and one table writer (cli/table.ts): a config issue, a usage error and
 * a preflight problem read alike, and a `|` in a cell never breaks a Markdown table.
 */
import { describe, expect, it } from "vitest";
import { failureResult } from "../cli/command-result.ts";
import { DiagnosticError, formatDiagnostic } from "../cli/diagnostic.ts";
import { LISTING_FORMATS } from "../cli/profile-listing.ts";
import { USAGE } from "../cli/profiles-command.ts";
import { ConfigError, formatIssue } from "../config/errors.ts";
import type { EnvironmentReview } from "../review/compare.ts";
import { readPlan, renderPlanReview } from "../review/plan.ts";
import { renderReport } from "../review/report.ts";
import { runPreflight } from "../scripts/infra-preflight.ts";

describe("one diagnostic layout", () => {
  it("lays out where, what, allowed and fix; lines of a long hint align under its first", () => {
    expect(
      formatDiagnostic({
        where: "preflight",
        message: "no credentials",
        allowed: "AWS_PROFILE\nAWS_ROLE_ARN",
        fix: "set one",
      }),
    ).toBe("preflight: no credentials\n    allowed: AWS_PROFILE\n             AWS_ROLE_ARN\n    fix: set one");
    expect(formatDiagnostic({ where: "review", message: "not a git repository: /tmp" })).toBe(
      "review: not a git repository: /tmp",
    );
  });

  it("is the layout of a config issue", () => {
    const issue = { file: "a.yaml", position: { line: 3, col: 5 }, path: ["envs", 0], message: "bad", fix: "good" };
    expect(formatIssue(issue)).toBe("a.yaml:3:5 envs[0]: bad\n    fix: good");
    expect(formatIssue(issue)).toBe(formatDiagnostic({ where: "a.yaml:3:5 envs[0]", message: "bad", fix: "good" }));
  });

  it("turns a stopped run into its result: the diagnostic and usage, or the config report; a bug is rethrown", () => {
    const usage = new DiagnosticError({ where: "x", message: "unknown flag", fix: "drop it" }, 2, "usage: x\n");
    expect(failureResult(usage)).toEqual({
      exitCode: 2,
      stdout: "",
      stderr: "x: unknown flag\n    fix: drop it\n\nusage: x\n",
    });
    const config = new ConfigError([{ file: "a.yaml", path: [], message: "empty" }]);
    expect(failureResult(config)).toEqual({ exitCode: 1, stdout: "", stderr: config.message });
    expect(() => failureResult(new TypeError("bug"))).toThrow("bug");
  });

  it("reports an unknown flag of the preflight instead of a stack trace", () => {
    expect(runPreflight(["--stak", "prod"], {}, "/nonexistent")).toEqual({
      exitCode: 2,
      stdout: "",
      stderr:
        "preflight: Unknown option '--stak'\n    allowed: --outdir, --tofu, --credentials, --stacks, --stack, --one-stack, --plan\n",
    });
  });
});

describe("one table writer", () => {
  it("escapes | in a cell of the plan review", () => {
    const plan = {
      resource_changes: [{ mode: "managed", address: 'aws_ssm_parameter.p["a|b"]', change: { actions: ["create"] } }],
    };
    expect(renderPlanReview(readPlan(plan, "dev")).split("\n")).toContain('| `aws_ssm_parameter.p["a\\|b"]` |');
  });

  it("escapes | in a cell of the config review", () => {
    const environment: EnvironmentReview = {
      env: "dev",
      stackName: "dev-bedrock",
      production: false,
      status: "changed",
      changes: [{ field: "backend", before: "s3://a|b", after: "s3://c" }],
      added: [],
      removed: [],
      moved: [],
      replaced: [],
      updated: [],
      unchanged: 0,
    };
    const report = renderReport({ hazards: [], environments: [environment] }, { base: "main", head: "head" });
    expect(report.split("\n")).toContain("| backend | `s3://a\\|b` | `s3://c` |");
  });
});

describe("the listing formats of npm run profiles", () => {
  it("are each offered by the usage, with what they are for", () => {
    expect(LISTING_FORMATS.length).toBeGreaterThan(0);
    for (const format of LISTING_FORMATS) {
      expect(USAGE).toContain(`--${format.flag}`);
      expect(USAGE).toContain(format.help);
    }
  });
});
