/**
 * `npm run synth` on a config with mistakes, as a user runs it (a separate process): exit 1, the
 * whole report on stderr and nothing else, no stack trace, the output directory untouched.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runSynth } from "./helpers.ts";

/** Every file under `dir` with its bytes and modification time, to compare before and after. */
function directoryState(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  const visit = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) visit(full);
      else state[relative(dir, full)] = `${statSync(full).mtimeMs} ${readFileSync(full).toString("base64")}`;
    }
  };
  visit(dir);
  return state;
}

describe("npm run synth with a broken config", () => {
  const cwd = mkdtempSync(join(tmpdir(), "bedrock-profiles-cli-errors-"));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));
  // An outdir holding the previous synth's output, which a refused config must leave exactly as it was.
  const outdir = join(cwd, "previous.out");
  mkdirSync(join(outdir, "stacks", "prod-bedrock"), { recursive: true });
  writeFileSync(join(outdir, "stacks", "prod-bedrock", "cdk.tf.json"), '{"previous": true}\n');
  writeFileSync(join(outdir, "manifest.json"), "{}\n");
  const before = directoryState(outdir);

  const fixture = join(ROOT, "test/fixtures/shape-error-beside-rule-error.yaml");
  const broken = runSynth(cwd, { PROFILES_CONFIG: fixture, CDKTF_OUTDIR: outdir });
  const missing = join(cwd, "config/profiles.yaml");
  const absent = runSynth(cwd, { CDKTF_OUTDIR: outdir, PROFILES_CONFIG: "" });

  it("exits 1 with every error on stderr, sorted by position, and nothing on stdout", () => {
    expect(broken.status).toBe(1);
    expect(broken.stdout).toBe("");
    expect(broken.stderr).toBe(`${fixture}: 4 errors; nothing was synthesized.

${fixture}:5:16 environments.prod.accountId: 444444444444 was read by YAML as a number; accountId takes a string
    fix: quote it: accountId: "444444444444"

${fixture}:11:15 products.agents.profiles.main.envs: expected a list, got a string "prod"
    fix: write it as a list: envs: [prod]

${fixture}:13:16 products.agents.profiles.classify.model: Claude 3.5 Haiku (claude-haiku-35) has no eu cross-region profile
    allowed: geographies offering it: us, none
    fix: set geography: us on this profile, or geography: none for the foundation model in one region, or choose another model

${fixture}:18:16 products.search.profiles.main.model: unknown model "claude-sonet-45"
    allowed: a key of the model catalog: claude-haiku-3, claude-haiku-35, claude-haiku-45, claude-opus-4, claude-opus-41, claude-opus-45, claude-opus-46, claude-sonnet-35, claude-sonnet-35-v2, claude-sonnet-37, claude-sonnet-4, claude-sonnet-45, claude-sonnet-46, cohere-embed-english-v3, cohere-embed-multilingual-v3, cohere-embed-v4, llama-31-405b, llama-31-70b, llama-31-8b, llama-32-11b, llama-32-1b, llama-32-3b, llama-32-90b, llama-33-70b, llama-4-maverick, llama-4-scout, nova-2-lite, nova-lite, nova-micro, nova-premier, nova-pro, titan-embed-text-v2
    fix: did you mean "claude-sonnet-45"?
`);
  });

  it("reports a missing profiles file the same way", () => {
    expect(absent.status).toBe(1);
    expect(absent.stdout).toBe("");
    expect(absent.stderr).toBe(`config/profiles.yaml: 1 error; nothing was synthesized.

config/profiles.yaml: cannot read the profiles file ${missing}: there is no such file
    fix: set PROFILES_CONFIG to the profiles file, or unset it and run from the repository root to use config/profiles.yaml
`);
  });

  it("prints no stack trace", () => {
    for (const { stderr } of [broken, absent]) expect(stderr).not.toMatch(/^\s+at /m);
  });

  it("leaves the output directory byte for byte as it was, and writes nothing else", () => {
    expect(directoryState(outdir)).toEqual(before);
    expect(readdirSync(cwd)).toEqual(["previous.out"]);
  });
});
