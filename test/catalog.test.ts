/**
 * The model catalog as data: `npm run catalog -- update` reproduces the committed data from the
 * committed sample of AWS's output; the curated keys and the data stay in step.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CATALOG_USAGE, readCatalogInput, runCatalogCommand } from "../cli/catalog-command.ts";
import { BUILT_IN_MODELS, CATALOG_SOURCE, unmatchedCatalogKeys } from "../config/catalog.ts";
import { CURATED_MODELS } from "../config/catalog-curated.ts";
import { buildCatalogData, type CatalogInput, formatCatalogData } from "../config/catalog-update.ts";
import { ROOT, runScript } from "./helpers.ts";

const SAMPLE = join(ROOT, "test/fixtures/catalog-sample");
const COMMITTED = readFileSync(join(ROOT, "config/catalog-data.json"), "utf8");
const data = buildCatalogData(readCatalogInput(SAMPLE));

describe("npm run catalog -- update", () => {
  const out = mkdtempSync(join(tmpdir(), "bedrock-catalog-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("reproduces config/catalog-data.json byte for byte from test/fixtures/catalog-sample", () => {
    const result = runScript("cli/catalog.ts", ["update", SAMPLE, "--out", join(out, "data.json")], ROOT);
    expect({ status: result.status, stderr: result.stderr }).toEqual({
      status: 0,
      stderr: `wrote ${join(out, "data.json")}; review its diff, then npm run test:update\n`,
    });
    expect(readFileSync(join(out, "data.json"), "utf8")).toBe(COMMITTED);
  });

  it("records which regions and which date the data came from", () => {
    expect(CATALOG_SOURCE.retrieved).toBe("2026-11-23");
    expect(CATALOG_SOURCE.regions).toContain("eu-central-1");
    expect(CATALOG_SOURCE.regions).toEqual([...CATALOG_SOURCE.regions].sort());
  });

  it("stores each routing table once, shared by every model that routes the same way", () => {
    const used = Object.values(data.models).flatMap((model) => Object.values(model.geographies));
    expect(new Set(used)).toEqual(new Set(Object.keys(data.routes)));
    const tables = Object.values(data.routes).map((table) => JSON.stringify(table));
    expect(new Set(tables).size).toBe(tables.length);
    expect(data.models["anthropic.claude-sonnet-4-5-20250929-v1:0"].geographies.eu).toBe(
      data.models["anthropic.claude-haiku-4-5-20251001-v1:0"].geographies.eu,
    );
  });

  it("routes a global profile to any region, from each source region that lists it", () => {
    const global = data.routes[data.models["anthropic.claude-sonnet-4-5-20250929-v1:0"].geographies.global];
    expect(Object.values(global)).toEqual(Object.keys(global).map(() => "*"));
    expect(Object.keys(global)).toContain("eu-central-1");
  });

  it("reads geography → source region → destination regions from each profile's model ARNs", () => {
    const input: CatalogInput = {
      sources: { retrieved: "2026-11-23", commands: [], provenance: "test", pages: [] },
      inferenceProfiles: {
        "eu-west-1": {
          inferenceProfileSummaries: [
            {
              inferenceProfileId: "eu.anthropic.claude-sonnet-4-6",
              type: "SYSTEM_DEFINED",
              models: ["eu-west-3", "eu-west-1"].map((region) => ({
                modelArn: `arn:aws:bedrock:${region}::foundation-model/anthropic.claude-sonnet-4-6`,
              })),
            },
          ],
        },
      },
      foundationModels: {
        "eu-west-1": {
          modelSummaries: [
            {
              modelId: "anthropic.claude-sonnet-4-6",
              modelName: "Claude Sonnet 4.6",
              providerName: "Anthropic",
              responseStreamingSupported: true,
              modelLifecycle: { status: "ACTIVE" },
            },
          ],
        },
      },
    };
    expect(JSON.parse(formatCatalogData(buildCatalogData(input)))).toMatchObject({
      source: { retrieved: "2026-11-23", regions: ["eu-west-1"] },
      routes: { "eu-1": { "eu-west-1": ["eu-west-1", "eu-west-3"] } },
      models: {
        "anthropic.claude-sonnet-4-6": {
          name: "Claude Sonnet 4.6",
          lifecycle: "ACTIVE",
          streaming: true,
          geographies: { eu: "eu-1" },
        },
      },
    });
  });

  it("refuses a profile prefix it does not know, naming the file and the fix", () => {
    const input: CatalogInput = {
      sources: { retrieved: "", commands: [], provenance: "", pages: [] },
      inferenceProfiles: {
        "eu-west-1": { inferenceProfileSummaries: [{ inferenceProfileId: "mars.anthropic.x", models: [] }] },
      },
      foundationModels: {},
    };
    expect(() => buildCatalogData(input)).toThrow(
      'list-inference-profiles/eu-west-1.json: inference profile mars.anthropic.x has the prefix "mars", not one of eu, us, apac, jp, au, ca, us-gov, global; add the geography to GEOGRAPHIES in config/catalog.ts',
    );
  });

  it("exits 1 with the missing file named, and 2 with the usage on a malformed command line", () => {
    expect(runCatalogCommand(["update", join(out, "nothing")], out)).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: `catalog: cannot read ${join(out, "nothing", "sources.json")}; see npm run catalog -- --help for the layout\n`,
    });
    expect(runCatalogCommand(["updte"], out)).toEqual({
      exitCode: 2,
      stdout: "",
      stderr: `catalog: unknown command "updte"\n    allowed: update, list\n    fix: did you mean "update"?\n\n${CATALOG_USAGE}`,
    });
    expect(runCatalogCommand(["--help"], out)).toEqual({ exitCode: 0, stdout: CATALOG_USAGE, stderr: "" });
  });
});

describe("the curated keys beside the data", () => {
  it("name a model with data for every key, and a key for every model with a system-defined profile", () => {
    expect(unmatchedCatalogKeys(data, CURATED_MODELS)).toEqual({ keysWithoutData: [], routedModelsWithoutKey: [] });
  });

  it("list the keys to add when AWS routes a model no key names, and the keys whose model the data lacks", () => {
    const withNewModel = {
      models: { ...data.models, "anthropic.claude-next": { ...data.models["anthropic.claude-sonnet-4-6"] } },
    };
    const withStaleKey = { ...CURATED_MODELS, "claude-gone": { id: "anthropic.claude-gone-v1:0", name: "Gone" } };
    expect(unmatchedCatalogKeys(withNewModel, withStaleKey)).toEqual({
      keysWithoutData: ["claude-gone"],
      routedModelsWithoutKey: ["anthropic.claude-next"],
    });
  });

  it("keep every key the shipped config and the fixtures use, resolving to the same model IDs", () => {
    expect(
      Object.fromEntries(
        ["claude-sonnet-45", "claude-haiku-45", "claude-sonnet-4", "nova-pro", "claude-haiku-35", "claude-haiku-3"].map(
          (key) => [key, BUILT_IN_MODELS[key]?.id],
        ),
      ),
    ).toEqual({
      "claude-sonnet-45": "anthropic.claude-sonnet-4-5-20250929-v1:0",
      "claude-haiku-45": "anthropic.claude-haiku-4-5-20251001-v1:0",
      "claude-sonnet-4": "anthropic.claude-sonnet-4-20250514-v1:0",
      "nova-pro": "amazon.nova-pro-v1:0",
      "claude-haiku-35": "anthropic.claude-3-5-haiku-20241022-v1:0",
      "claude-haiku-3": "anthropic.claude-3-haiku-20240307-v1:0",
    });
  });

  it("add Claude Sonnet 4.6 and Opus 4.6 with their undated IDs and global, us, eu and jp profiles", () => {
    for (const [key, id] of [
      ["claude-sonnet-46", "anthropic.claude-sonnet-4-6"],
      ["claude-opus-46", "anthropic.claude-opus-4-6-v1"],
    ]) {
      expect({ id: BUILT_IN_MODELS[key].id, geographies: Object.keys(BUILT_IN_MODELS[key].geographies) }).toEqual({
        id,
        geographies: ["eu", "us", "jp", "global"],
      });
    }
  });

  it("carry AWS's lifecycle and streaming support", () => {
    expect(BUILT_IN_MODELS["claude-haiku-35"]).toMatchObject({ lifecycle: "LEGACY", streaming: true });
    expect(BUILT_IN_MODELS["titan-embed-text-v2"]).toMatchObject({ lifecycle: "ACTIVE", streaming: false });
  });
});

describe("npm run catalog -- list", () => {
  it("prints every built-in model as the Markdown table of docs/configuration.md, with the data's date and regions", () => {
    const { exitCode, stdout } = runCatalogCommand(["list"], ROOT);
    const lines = stdout.split("\n");
    expect(exitCode).toBe(0);
    expect(lines.slice(0, 2)).toEqual([
      "| key | name | model ID | cross-region geographies | lifecycle |",
      "| --- | --- | --- | --- | --- |",
    ]);
    expect(lines).toContain(
      "| `claude-sonnet-46` | Claude Sonnet 4.6 | `anthropic.claude-sonnet-4-6` | eu, us, jp, global |  |",
    );
    expect(lines.filter((line) => line.startsWith("| `"))).toHaveLength(Object.keys(BUILT_IN_MODELS).length);
    expect(lines.at(-2)).toBe(
      `Data retrieved 2026-11-23 for ${CATALOG_SOURCE.regions.length} regions (config/catalog-data.json).`,
    );
  });
});

describe("the model list of docs/configuration.md", () => {
  it("is the output of npm run catalog -- list", () => {
    const readme = readFileSync(join(ROOT, "docs/configuration.md"), "utf8");
    const start = "<!-- catalog-list: generated by npm run catalog -- list; a test keeps it in step -->\n";
    const section = readme.slice(readme.indexOf(start) + start.length, readme.indexOf("<!-- /catalog-list -->"));
    expect(readme).toContain(start);
    expect(section).toBe(runCatalogCommand(["list"], ROOT).stdout);
  });
});
