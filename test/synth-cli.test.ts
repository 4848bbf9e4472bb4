/**
 * `npm run synth` as a user runs it: a separate process, the shipped config, the default
 * output directory. What it writes must be byte-identical to the snapshots.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, readStacks, runSynth } from "./helpers.ts";

describe("npm run synth", () => {
  // A scratch project directory, so the default outdir `cdktf.out` is used without touching the repo's.
  const cwd = mkdtempSync(join(tmpdir(), "bedrock-profiles-cli-"));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));
  const result = runSynth(cwd, { PROFILES_CONFIG: join(ROOT, "config/profiles.yaml") });

  it("exits 0 quietly", () => {
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("writes exactly the snapshot of every stack", () => {
    const stacks = readStacks(join(cwd, "cdktf.out"));
    expect(Object.keys(stacks)).toEqual([
      "billing-bedrock",
      "dev-bedrock",
      "global-bedrock",
      "pre-bedrock",
      "prod-bedrock",
    ]);
    for (const [name, { text }] of Object.entries(stacks)) {
      expect(text, name).toBe(readFileSync(join(ROOT, "__snapshots__", `${name}.tf.json`), "utf8"));
    }
  });
});

describe("npm run synth without terraform or tofu", () => {
  // A PATH holding only node: synth must not need any Terraform binary (cdktf checks one for
  // import blocks unless validation is skipped; the shipped config adopts two profiles).
  const cwd = mkdtempSync(join(tmpdir(), "bedrock-profiles-nobin-"));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));
  const bin = join(cwd, "bin");
  mkdirSync(bin);
  symlinkSync(process.execPath, join(bin, "node"));
  const result = runSynth(cwd, { PATH: bin, PROFILES_CONFIG: join(ROOT, "config/profiles.yaml") });

  it("still writes every stack, the adopted profiles' import blocks included", () => {
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(readStacks(join(cwd, "cdktf.out"))["global-bedrock"].json.import).toHaveLength(2);
  });
});
