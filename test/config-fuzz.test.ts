/**
 * Fuzz of the loader (issue 12): mutated profiles files are either synthesized whole or refused
 * with a located report, never a crash, a stack trace or partial output. Bounded here; `npm run
 * fuzz` runs the same property for minutes. A failing input's seed goes under
 * test/fixtures/fuzz/failure-<seed>.yaml, which every run then tries first.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { checkInput, FUZZ_REGRESSIONS, FUZZ_SEEDS, mutatedProfiles } from "./fuzz-inputs.ts";
import { ROOT, runSynth } from "./helpers.ts";

describe("fuzzed profiles files", () => {
  it("synthesizes every seed file unmutated", () => {
    expect(FUZZ_SEEDS.map(checkInput)).toEqual(FUZZ_SEEDS.map(() => "synthesized"));
  });

  it("never crashes on a kept failure", () => {
    for (const text of FUZZ_REGRESSIONS) expect(["synthesized", "refused"]).toContain(checkInput(text));
  });

  it("synthesizes or refuses with a located report every mutated file, writing nothing when refused", () => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(mutatedProfiles, (text) => {
        outcomes.add(checkInput(text));
      }),
      { numRuns: 60 },
    );
    // A fuzz that only ever refuses (or only accepts) has stopped testing both halves of the property.
    expect([...outcomes].sort()).toEqual(["refused", "synthesized"]);
  });
});

describe("npm run synth on files the loader once crashed on", () => {
  const cwd = mkdtempSync(join(tmpdir(), "bedrock-profiles-fuzz-cli-"));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it.each(["alias-before-anchor.yaml", "deeply-nested-brackets.yaml", "address-collision.yaml"])(
    "%s: exit 1, a located report, no stack trace, nothing written",
    (fixture) => {
      const outdir = join(cwd, fixture);
      const run = runSynth(cwd, {
        PROFILES_CONFIG: join(ROOT, "test/fixtures/mistakes", fixture),
        CDKTF_OUTDIR: outdir,
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/^\S+: \d+ errors?; nothing was synthesized\.\n\n\S+:\d+:\d+/);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(existsSync(outdir)).toBe(false);
      expect(readdirSync(cwd).filter((name) => name.includes(".new-"))).toEqual([]);
    },
  );
});
