/**
 * `npm run synth` runs main.ts as the bundle dist/main.js (scripts/synth.js). The bundle must be
 * rebuilt when it is older than a source, and left alone when it is not: a stale bundle would
 * synthesize yesterday's code, a needless rebuild would cost every synth a few hundred ms.
 */
import { mkdtempSync, rmSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, readStacks, runSynth } from "./helpers.ts";

const BUNDLE = join(ROOT, "dist", "main.js");

describe("the synth bundle", () => {
  const cwd = mkdtempSync(join(tmpdir(), "bedrock-profiles-bundle-"));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));
  const synth = () => runSynth(cwd, { PROFILES_CONFIG: join(ROOT, "config/profiles.yaml") });

  it("is rebuilt when a source is newer, and then synthesizes the snapshots", async () => {
    expect(synth().status).toBe(0);
    // Older than every source: as after an edit of main.ts or a stack.
    utimesSync(BUNDLE, new Date(0), new Date(0));
    const result = synth();
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(statSync(BUNDLE).mtimeMs).toBeGreaterThan(0);
    // A file snapshot, not a read of the file: `npm run test:update` may run this before the
    // snapshot tests rewrite the files, and must pass in one run after an edit of the config.
    for (const [name, { text }] of Object.entries(readStacks(join(cwd, "cdktf.out")))) {
      await expect(text, name).toMatchFileSnapshot(`../__snapshots__/${name}.tf.json`);
    }
  });

  it("is not rebuilt when nothing changed", () => {
    expect(synth().status).toBe(0);
    const builtAt = statSync(BUNDLE).mtimeMs;
    expect(synth().status).toBe(0);
    expect(statSync(BUNDLE).mtimeMs).toBe(builtAt);
  });
});
