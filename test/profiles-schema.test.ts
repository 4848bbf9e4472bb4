/** The committed JSON Schema of the profiles file: current, referenced, and the shape a user writes. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROFILES_SCHEMA_PATH, profilesJsonSchema } from "../config/schema.ts";
import { ROOT } from "./helpers.ts";

const committed = readFileSync(join(ROOT, PROFILES_SCHEMA_PATH), "utf8");

describe("config/profiles.schema.json", () => {
  it("is what `npm run schema` writes from the zod schema", () => {
    expect(committed, `${PROFILES_SCHEMA_PATH} is stale: run \`npm run schema\` and commit the result`).toBe(
      profilesJsonSchema(),
    );
  });

  it("is referenced from the first line of config/profiles.yaml, for yaml-language-server", () => {
    const [firstLine] = readFileSync(join(ROOT, "config/profiles.yaml"), "utf8").split("\n");
    expect(firstLine).toBe("# yaml-language-server: $schema=./profiles.schema.json");
  });

  it("describes the file as written: keys with a default are optional, unknown keys refused", () => {
    const schema = JSON.parse(committed);
    expect(schema.required).toEqual(["version", "defaults", "environments"]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.defaults.required).toEqual(["region"]);
    const profile = schema.properties.products.additionalProperties.properties.profiles.additionalProperties;
    expect(profile.required).toEqual(["model", "envs"]);
    expect(profile.additionalProperties).toBe(false);
  });

  it("carries a description for the editor on every key of a profile", () => {
    const schema = JSON.parse(committed);
    const profile = schema.properties.products.additionalProperties.properties.profiles.additionalProperties;
    const undescribed = Object.entries(profile.properties)
      .filter(([, property]) => !(property as { description?: string }).description)
      .map(([key]) => key);
    expect(undescribed).toEqual([]);
  });
});
