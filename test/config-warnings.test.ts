/** Warnings: a valid config is synthesized, and what deserves attention is said on stderr. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILT_IN_MODELS } from "../config/catalog.ts";
import { parseConfig } from "../config/loader.ts";
import { ROOT } from "./helpers.ts";

/** The warnings `parseConfig` gives a fixture. */
function warningsOf(fixture: string): string[] {
  const warnings: string[] = [];
  const file = `test/fixtures/${fixture}`;
  parseConfig(readFileSync(join(ROOT, file), "utf8"), file, BUILT_IN_MODELS, (w) => warnings.push(w));
  return warnings;
}

describe("lifecycle warnings", () => {
  it("warns, at the model key, about a profile on a model AWS marked Legacy", () => {
    expect(warningsOf("legacy-model.yaml")).toEqual([
      "warning: test/fixtures/legacy-model.yaml:9:22 products.agents.profiles.fast.model: Claude 3.5 Haiku (claude-haiku-35): Legacy; Bedrock end of life 2026-06-19 (model card).\n" +
        "    fix: plan a model upgrade (README: How a model upgrade works)\n",
    ]);
  });

  it("says nothing about the shipped config", () => {
    const warnings: string[] = [];
    parseConfig(
      readFileSync(join(ROOT, "config/profiles.yaml"), "utf8"),
      "config/profiles.yaml",
      BUILT_IN_MODELS,
      (w) => warnings.push(w),
    );
    expect(warnings).toEqual([]);
  });
});
