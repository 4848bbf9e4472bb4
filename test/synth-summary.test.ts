/** The lines `npm run synth` prints: one per stack, the counts right-aligned in one column. */
import { describe, expect, it } from "vitest";
import { synthSummary } from "../cli/synth-summary.ts";
import type { ResolvedEnvironment } from "../config/resolve.ts";

const environment = (env: string, profiles: number) =>
  ({
    env,
    stackName: `${env}-bedrock`,
    region: "eu-central-1",
    profiles: new Array(profiles),
  }) as unknown as ResolvedEnvironment;

describe("the synth summary", () => {
  it("keeps the counts aligned when a stack holds a thousand profiles or more", () => {
    expect(synthSummary([environment("dev", 4), environment("prod", 1200)], "out")).toBe(
      "out/stacks/dev-bedrock/cdk.tf.json      4 profiles  (dev, eu-central-1)\n" +
        "out/stacks/prod-bedrock/cdk.tf.json  1200 profiles  (prod, eu-central-1)\n" +
        "synthesized 2 stacks, 1204 profiles\n",
    );
  });

  it("writes one stack and one profile in the singular", () => {
    expect(synthSummary([environment("dev", 1)], "out")).toBe(
      "out/stacks/dev-bedrock/cdk.tf.json    1 profile  (dev, eu-central-1)\nsynthesized 1 stack, 1 profile\n",
    );
  });
});
