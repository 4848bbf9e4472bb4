/**
 * `npm run catalog`: `update <dir>` regenerates `config/catalog-data.json` from saved AWS CLI
 * output; `list` prints the built-in models as the Markdown table of docs/configuration.md.
 * Exit 0 on success, 1 on unreadable input, 2 on a usage error.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BUILT_IN_MODELS, CATALOG_SOURCE } from "../config/catalog.ts";
import {
  buildCatalogData,
  type CatalogInput,
  CatalogInputError,
  formatCatalogData,
  type RegionOutput,
} from "../config/catalog-update.ts";
import { didYouMean, show } from "../config/errors.ts";
import { byCodeUnit } from "../config/resolve.ts";
import { type CommandResult, failureResult } from "./command-result.ts";
import { DiagnosticError } from "./diagnostic.ts";
import { formatMarkdownTable, inlineCode } from "./table.ts";

/** How to call the command. */
export const CATALOG_USAGE = `usage: npm run catalog -- update <dir> [--out <file>]
       npm run catalog -- list

  update  read <dir>/list-inference-profiles/<region>.json, <dir>/list-foundation-models/<region>.json
          and <dir>/sources.json; write the catalog data (default config/catalog-data.json)
  list    every built-in model: key, name, ID, geographies, lifecycle (Markdown)
`;

/** The commands, as the usage lists them. */
const COMMANDS = ["update", "list"];

/** Run `npm run catalog -- <argv>`; `root` is the repository root (default output location). */
export function runCatalogCommand(argv: readonly string[], root: string): CommandResult {
  const [command, ...rest] = argv;
  if (argv.length === 1 && (command === "--help" || command === "-h"))
    return { exitCode: 0, stdout: CATALOG_USAGE, stderr: "" };
  try {
    if (command === "list") {
      if (rest.length > 0) throw usageError(`list takes no arguments, got ${show(rest.join(" "))}`, "list");
      return { exitCode: 0, stdout: listModels(), stderr: "" };
    }
    if (command === "update") {
      if (rest.length !== 1 && !(rest.length === 3 && rest[1] === "--out")) {
        throw usageError(
          `update takes a directory and an optional --out <file>, got ${show(rest.join(" "))}`,
          "update <dir> [--out <file>]",
        );
      }
      return update(rest[0], rest[2] ?? join(root, "config/catalog-data.json"));
    }
    throw usageError(
      command === undefined ? "no command given" : `unknown command ${show(command)}`,
      COMMANDS.join(", "),
      (command === undefined ? undefined : didYouMean(command, COMMANDS)) ?? "see the usage below",
    );
  } catch (error) {
    return failureResult(error);
  }
}

/** A command line the usage does not show: exit 2, the usage after the diagnostic. */
function usageError(message: string, allowed: string, fix = "see the usage below"): DiagnosticError {
  return new DiagnosticError({ where: "catalog", message, allowed, fix }, 2, CATALOG_USAGE);
}

/** `update <dir> --out <out>`: the catalog data rebuilt from the saved CLI output in `dir`. */
function update(dir: string, out: string): CommandResult {
  try {
    writeFileSync(out, formatCatalogData(buildCatalogData(readCatalogInput(dir))));
  } catch (error) {
    if (error instanceof CatalogInputError) throw new DiagnosticError({ where: "catalog", message: error.message });
    throw error;
  }
  return { exitCode: 0, stdout: "", stderr: `wrote ${out}; review its diff, then npm run test:update\n` };
}

/** The files `update` reads, parsed; a missing or malformed file is a {@link CatalogInputError}. */
export function readCatalogInput(dir: string): CatalogInput {
  const json = (path: string) => {
    let text: string;
    try {
      text = readFileSync(join(dir, path), "utf8");
    } catch {
      throw new CatalogInputError(`cannot read ${join(dir, path)}; see npm run catalog -- --help for the layout`);
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new CatalogInputError(
        `${join(dir, path)} is not JSON (${(error as Error).message}); save the CLI's --output json`,
      );
    }
  };
  const perRegion = (folder: string): Record<string, RegionOutput> => {
    let files: string[];
    try {
      files = readdirSync(join(dir, folder)).filter((file) => file.endsWith(".json"));
    } catch {
      throw new CatalogInputError(`cannot read ${join(dir, folder)}/; save one <region>.json per region there`);
    }
    return Object.fromEntries(files.sort().map((file) => [file.slice(0, -".json".length), json(join(folder, file))]));
  };
  return {
    sources: json("sources.json"),
    inferenceProfiles: perRegion("list-inference-profiles"),
    foundationModels: perRegion("list-foundation-models"),
  };
}

/** The built-in models as a Markdown table, by key. */
function listModels(): string {
  const rows = Object.entries(BUILT_IN_MODELS)
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([key, model]) => [
      inlineCode(key),
      model.name,
      inlineCode(model.id),
      Object.keys(model.geographies).join(", ") || "none only",
      model.note ?? (model.lifecycle === "LEGACY" ? "Legacy" : ""),
    ]);
  const table = formatMarkdownTable(["key", "name", "model ID", "cross-region geographies", "lifecycle"], rows);
  return `${table}\nData retrieved ${CATALOG_SOURCE.retrieved} for ${CATALOG_SOURCE.regions.length} regions (config/catalog-data.json).\n`;
}
