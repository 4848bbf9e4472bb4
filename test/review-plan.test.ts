/** `npm run review -- --plan <file>`: an engine's plan in the review's words (review/plan.ts). */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runReview } from "../review/cli.ts";
import { ROOT } from "./helpers.ts";

const plan = join(ROOT, "test/fixtures/plans/dev-bedrock.json");

describe("npm run review -- --plan", () => {
  it("names a replacement that destroys first as a hazard, its order, the in-place update and the deletion", () => {
    const run = runReview(["--plan", plan], ROOT);
    expect(run).toEqual({
      stdout: [
        "### Plan of `dev-bedrock`",
        "",
        "⚠️ **1 replacement with a gap** · 1 replaced · 1 updated in place · 1 removed",
        "",
        "**Replaced** (same address)",
        "",
        "| resource | why | order |",
        "| --- | --- | --- |",
        "| `aws_bedrock_inference_profile.agents-main` | `model_source`, `name` | ❌ destroys the old one first, then creates the new one, updates `aws_ssm_parameter.agents-main` in place: nothing answers in between |",
        "",
        "**Updated in place**",
        "",
        "| resource | change |",
        "| --- | --- |",
        "| `aws_ssm_parameter.agents-main` | `value` |",
        "",
        "**Removed** (destroyed)",
        "",
        "| resource |",
        "| --- |",
        "| `aws_ssm_parameter.platform-main` |",
        "",
      ].join("\n"),
      stderr: "",
      exitCode: 0,
    });
  });

  it("exits 2 with --strict on a replacement that destroys first", () => {
    expect(runReview(["--plan", plan, "--strict"], ROOT).exitCode).toBe(2);
  });

  it("explains a file that is not a plan in JSON", () => {
    const run = runReview(["--plan", join(ROOT, "package.json")], ROOT);
    expect(run.stderr).toBe(
      `review: ${join(ROOT, "package.json")} is not a plan in JSON\n    fix: pass the output of \`tofu show -json <plan file>\`, not the plan file itself\n`,
    );
    expect(run.exitCode).toBe(1);
  });
});
