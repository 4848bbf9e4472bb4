/**
 * The document checks pass over the nodes of an all-ASCII file that no check can find wrong
 * (issue 15: most of their time at 1,000 profiles); a file with any other character gets every
 * node checked. Both paths must report the same: a comment holding a non-ASCII character, added
 * at the end, changes which path runs and nothing else.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../config/errors.ts";
import { planFromText } from "../config/loader.ts";
import { ROOT } from "./helpers.ts";

/** The report of `text`, or the plan's config and warnings when it is accepted. */
function outcome(text: string, file: string): string {
  try {
    const { config, warnings } = planFromText(text, file);
    return JSON.stringify({ config, warnings });
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
}

/** Every YAML fixture whose text is printable ASCII and ends a line, by its path from the repository root. */
function asciiFixtures(): string[] {
  return ["test/fixtures", "test/fixtures/mistakes"].flatMap((directory) =>
    readdirSync(join(ROOT, directory))
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => `${directory}/${name}`)
      .filter((file) => {
        const text = readFileSync(join(ROOT, file), "utf8");
        return /^[\x20-\x7e\t\r\n]*$/.test(text) && text.endsWith("\n");
      }),
  );
}

describe("document checks", () => {
  const fixtures = asciiFixtures();

  it("have ASCII fixtures to compare, refused ones among them", () => {
    expect(fixtures.length).toBeGreaterThan(20);
    expect(fixtures).toContain("test/fixtures/mistakes/value-starts-with-yaml-syntax.yaml");
    expect(fixtures).toContain("test/fixtures/mistakes/alias-before-anchor.yaml");
  });

  it.each(fixtures)("report the same on %s with a non-ASCII comment added at its end", (file) => {
    const text = readFileSync(join(ROOT, file), "utf8");
    expect(outcome(`${text}# caf\u00e9\n`, file)).toBe(outcome(text, file));
  });

  it("still name a non-ASCII character in a value of an otherwise valid file", () => {
    const text = readFileSync(join(ROOT, "test/fixtures/mistakes/alias-before-anchor.yaml"), "utf8");
    expect(outcome(text.replace("*platform", "platf\u043erm"), "f.yaml")).toContain(
      "holds U+043E CYRILLIC SMALL LETTER O at column",
    );
  });
});
