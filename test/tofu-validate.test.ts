/**
 * Opt-in: with OpenTofu on the PATH, every synthesized stack of the shipped config passes
 * `tofu init -backend=false` and `tofu validate`. Needs network access to the OpenTofu
 * registry for the provider. Without tofu the suite is skipped with the reason in its name and
 * on stderr; never run with a fake tofu.
 *
 * OpenTofu sets up the KMS key provider eagerly when a command builds its encryption
 * (`encryption.New` in opentofu/opentofu internal/encryption); whether init -backend=false and
 * validate do is unverified, so without AWS credentials a stack with `encryption:` is validated
 * with its `terraform.encryption` block removed, and the test name says so.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentialsProblem, findOnPath } from "../scripts/infra-preflight.ts";
import { buildApp, localStatePath } from "../stacks/bedrock-app.ts";
import { ROOT, resolve, shippedConfig } from "./helpers.ts";

const tofu = findOnPath("tofu", process.env.PATH);
const title = tofu === undefined ? "tofu validate (skipped: tofu not on PATH)" : `tofu validate (${tofu})`;

// The default reporter does not name skipped suites; say it once where everyone sees it.
if (tofu === undefined) console.warn(`${title}: install OpenTofu to run it (README "Plan and deploy with OpenTofu").`);

describe.skipIf(tofu === undefined)(title, () => {
  const outdir = mkdtempSync(join(tmpdir(), "bedrock-profiles-tofu-"));
  const environments = resolve(shippedConfig());
  // In beforeAll, not at collection: a skipped suite is still collected, and need not synthesize.
  beforeAll(() => {
    buildApp(environments, { outdir, localStatePath: (stack) => localStatePath("cdktf.out", stack, ROOT) }).synth();
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  const run = (stack: string, args: string[]) =>
    spawnSync(tofu ?? "tofu", [`-chdir=${join(outdir, "stacks", stack)}`, ...args], {
      encoding: "utf8",
      env: { ...process.env, TF_IN_AUTOMATION: "1" },
    });

  const withoutCredentials = credentialsProblem(process.env, homedir()) !== undefined;

  for (const { stackName, encryption } of environments) {
    const dropEncryption = encryption !== undefined && withoutCredentials;
    const name = dropEncryption
      ? `${stackName} initializes without a backend and validates (without its encryption block: no AWS credentials)`
      : `${stackName} initializes without a backend and validates`;
    it(name, () => {
      if (dropEncryption) {
        const file = join(outdir, "stacks", stackName, "cdk.tf.json");
        const json = JSON.parse(readFileSync(file, "utf8"));
        delete json.terraform.encryption;
        writeFileSync(file, JSON.stringify(json));
      }
      const init = run(stackName, ["init", "-backend=false", "-input=false", "-no-color"]);
      expect(init.status, `tofu init ${stackName}: ${init.stderr}`).toBe(0);
      const validate = run(stackName, ["validate", "-json", "-no-color"]);
      expect(JSON.parse(validate.stdout), `tofu validate ${stackName}`).toMatchObject({
        valid: true,
        error_count: 0,
      });
    }, 120_000);
  }
});
