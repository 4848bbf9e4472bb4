/** Warnings: a valid config is synthesized, and what deserves attention is said on stderr. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/loader.ts";
import { ROOT } from "./helpers.ts";

/** The warnings `parseConfig` gives a file of the repository. */
function warningsOf(file: string): string[] {
  const warnings: string[] = [];
  parseConfig(readFileSync(join(ROOT, file), "utf8"), file, { warn: (w) => warnings.push(w) });
  return warnings;
}

describe("lifecycle warnings", () => {
  it("warns, at the model key, about a profile on a model AWS marked Legacy", () => {
    expect(warningsOf("test/fixtures/legacy-model.yaml")).toEqual([
      "warning: test/fixtures/legacy-model.yaml:9:22 products.agents.profiles.fast.model: Claude 3.5 Haiku (claude-haiku-35): Legacy; Bedrock end of life 2026-06-19 (model card).\n" +
        "    fix: plan a model upgrade (README: How a model upgrade works)\n",
    ]);
  });

  it("says nothing about the example config (as shipped)", () => {
    expect(warningsOf("test/fixtures/shipped-example.yaml")).toEqual([]);
  });
});
