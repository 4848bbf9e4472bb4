/**
 * The AWS limits reach the editors: the JSON Schema carries Bedrock's lengths and patterns. The
 * numbers here are this test's own copy, so a wrong limit in config/aws-limits.ts fails it.
 */
import { describe, expect, it } from "vitest";
import { profilesJsonSchemaObject } from "../config/schema.ts";

/** A node of the JSON Schema, reached by its keys. */
function nodeAt(...keys: string[]): Record<string, unknown> {
  return keys.reduce<Record<string, unknown>>(
    (node, key) => node[key] as Record<string, unknown>,
    profilesJsonSchemaObject() as Record<string, unknown>,
  );
}

describe("the JSON Schema for editors", () => {
  it("limits a profile's description as CreateInferenceProfile does: 200 characters, no commas or parentheses", () => {
    const description = nodeAt(
      "properties",
      "products",
      "additionalProperties",
      "properties",
      "profiles",
      "additionalProperties",
      "properties",
      "description",
    );
    expect(description.maxLength).toBe(200);
    const pattern = new RegExp(description.pattern as string);
    expect(pattern.test("Claude Sonnet 4.5 for agents main in prod")).toBe(true);
    expect(pattern.test("Agents (prod), v2")).toBe(false);
  });

  it("limits tag keys to 128 and values to 256 characters of Bedrock's tag alphabet", () => {
    const tags = nodeAt("properties", "tags");
    expect(tags.propertyNames).toMatchObject({ maxLength: 128 });
    expect(tags.additionalProperties).toMatchObject({ maxLength: 256 });
    const pattern = new RegExp((tags.additionalProperties as { pattern: string }).pattern);
    expect(pattern.test("cost-center:4711 / team=platform+ai@x")).toBe(true);
    expect(pattern.test("Zoë")).toBe(false);
  });
});
