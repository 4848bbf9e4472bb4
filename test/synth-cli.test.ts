/**
 * `npm run synth` as a user runs it: a separate process, the shipped config, the default
 * output directory. What it writes must be byte-identical to the snapshots.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadPlan } from "../config/loader.ts";
import { EXAMPLE_FIXTURE, ROOT, readStacks, runSynth } from "./helpers.ts";

describe("npm run synth", () => {
  // A scratch project directory, so the default outdir `cdktf.out` is used without touching the repo's.
  const cwd = mkdtempSync(join(tmpdir(), "bedrock-profiles-cli-"));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));
  const result = runSynth(cwd, { PROFILES_CONFIG: join(ROOT, "config/profiles.yaml") });

  it("exits 0 without a warning", () => {
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("writes exactly the snapshot of every stack", async () => {
    const stacks = readStacks(join(cwd, "cdktf.out"));
    // The live file is user data: the stacks it resolves to, whatever environments it has.
    const { environments, billing } = loadPlan(join(ROOT, "config/profiles.yaml"));
    const expected = [...environments.map((e) => e.stackName), ...(billing === undefined ? [] : [billing.stackName])];
    expect(Object.keys(stacks)).toEqual(expected.sort());
    // A file snapshot, not a read of the file: `npm run test:update` may run this before the
    // snapshot tests rewrite the files, and must pass in one run after an edit of the config.
    for (const [name, { text }] of Object.entries(stacks)) {
      await expect(text, name).toMatchFileSnapshot(`../__snapshots__/${name}.tf.json`);
    }
  });
});

describe("npm run synth without terraform or tofu", () => {
  // A PATH holding only node: synth must not need any Terraform binary (cdktf checks one for
  // import blocks unless validation is skipped; the example config adopts two profiles).
  const cwd = mkdtempSync(join(tmpdir(), "bedrock-profiles-nobin-"));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));
  const bin = join(cwd, "bin");
  mkdirSync(bin);
  symlinkSync(process.execPath, join(bin, "node"));
  const result = runSynth(cwd, { PATH: bin, PROFILES_CONFIG: EXAMPLE_FIXTURE });

  it("still writes every stack, the adopted profiles' import blocks included", () => {
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(readStacks(join(cwd, "cdktf.out"))["global-bedrock"].json.import).toEqual([
      { id: "acwt9yee9wzo", to: "aws_bedrock_inference_profile.rd-haiku-45" },
      { id: "tkxdfdh17c6o", to: "aws_bedrock_inference_profile.rd-sonnet-4" },
    ]);
  });

  it("prints each stack it wrote with its profile count", () => {
    expect(result.stdout).toBe(
      "cdktf.out/stacks/global-bedrock/cdk.tf.json    2 profiles  (global, eu-central-1)\n" +
        "cdktf.out/stacks/dev-bedrock/cdk.tf.json       4 profiles  (dev, eu-central-1)\n" +
        "cdktf.out/stacks/pre-bedrock/cdk.tf.json       4 profiles  (pre, eu-central-1)\n" +
        "cdktf.out/stacks/prod-bedrock/cdk.tf.json      4 profiles  (prod, eu-central-1)\n" +
        "cdktf.out/stacks/billing-bedrock/cdk.tf.json    2 budgets  (billing, us-east-1, 9 cost allocation tags)\n" +
        "synthesized 5 stacks, 14 profiles\n",
    );
  });
});
