/**
 * The app's stacks skip cdktf's preparing pass (the one that finds cross-stack references) while
 * the app holds only self-contained stacks (SelfContainedStack). Once another kind of stack is in the app, a reference
 * from a Bedrock stack to it must still become a remote state, as cdktf does it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter/index.js";
import { LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp, localStatePath } from "../stacks/bedrock-app.ts";
import { BedrockStack } from "../stacks/bedrock-stack.ts";
import { fixtureConfig, ROOT, readStacks, resolve } from "./helpers.ts";

describe("a Bedrock stack beside another kind of stack", () => {
  const outdir = mkdtempSync(join(tmpdir(), "bedrock-profiles-cross-"));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));
  const app = buildApp(resolve(fixtureConfig("backend-role-encryption.yaml")), {
    outdir,
    localStatePath: (stack) => localStatePath("cdktf.out", stack, ROOT),
  });
  const other = new TerraformStack(app, "other");
  new LocalBackend(other, { path: "other.tfstate" });
  const parameter = new SsmParameter(other, "shared", { name: "/shared", type: "String", value: "x" });
  const bedrock = app.node.children.find((child) => child instanceof BedrockStack) as BedrockStack;
  new TerraformOutput(bedrock, "from_other", { value: parameter.arn });
  app.synth();
  const stacks = readStacks(outdir);

  it("reads the other stack's value through a remote state, not a dangling address", () => {
    const json = stacks[bedrock.node.id].json;
    expect(Object.keys(json.data.terraform_remote_state)).toEqual(["cross-stack-reference-input-other"]);
    expect(json.output.from_other.value).toMatch(
      /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-other\.outputs\./,
    );
  });
});
