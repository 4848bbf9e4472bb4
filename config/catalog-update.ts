/**
 * `npm run catalog -- update <dir>`: AWS's own answer (the saved JSON of `aws bedrock
 * list-inference-profiles --type-equals SYSTEM_DEFINED` and `aws bedrock list-foundation-models`,
 * one file per region) in, the catalog data file (`config/catalog-data.json`) out. Pure: the
 * command reads the files and writes the result. Same input, same bytes.
 */
import { GEOGRAPHIES } from "./catalog.ts";
import { byCodeUnit } from "./resolve.ts";

/** Source region → destination regions; `"*"` when any commercial region may serve (global). */
export type RoutingTable = Readonly<Record<string, readonly string[] | "*">>;

/** One model as AWS lists it, with the name of each geography's routing table. */
export interface CatalogDataModel {
  readonly name: string;
  readonly provider: string;
  /** `ACTIVE` or `LEGACY` (ListFoundationModels `modelLifecycle.status`). */
  readonly lifecycle: string;
  readonly streaming: boolean;
  /** Geography → a key of {@link CatalogData.routes}. */
  readonly geographies: Readonly<Record<string, string>>;
}

/** The committed catalog data: where it came from, routing tables stored once, models by ID. */
export interface CatalogData {
  readonly about: string;
  readonly source: {
    readonly retrieved: string;
    readonly regions: readonly string[];
    readonly commands: readonly string[];
    readonly provenance: string;
    readonly pages: readonly unknown[];
  };
  readonly routes: Readonly<Record<string, RoutingTable>>;
  readonly models: Readonly<Record<string, CatalogDataModel>>;
}

/** The saved API output of one region. */
export interface RegionOutput {
  readonly inferenceProfileSummaries?: readonly {
    readonly inferenceProfileId: string;
    readonly type?: string;
    readonly models: readonly { readonly modelArn: string }[];
  }[];
  readonly modelSummaries?: readonly {
    readonly modelId: string;
    readonly modelName: string;
    readonly providerName: string;
    readonly responseStreamingSupported?: boolean;
    readonly modelLifecycle?: { readonly status: string };
  }[];
}

/** Everything `update` reads from its directory. */
export interface CatalogInput {
  /** `sources.json`: the date, commands and pages the files came from. */
  readonly sources: Omit<CatalogData["source"], "regions">;
  /** Region → `list-inference-profiles/<region>.json`. */
  readonly inferenceProfiles: Readonly<Record<string, RegionOutput>>;
  /** Region → `list-foundation-models/<region>.json`. */
  readonly foundationModels: Readonly<Record<string, RegionOutput>>;
}

/** A problem in the input: which file, what is wrong, how to fix it. */
export class CatalogInputError extends Error {}

const CROSS_REGION = GEOGRAPHIES.filter((geography) => geography !== "none");

const byKey = <T>(entries: Iterable<[string, T]>): Record<string, T> =>
  Object.fromEntries([...entries].sort(([a], [b]) => byCodeUnit(a, b)));

/** model → geography → source region → destinations. */
type Routing = Map<string, Map<string, Map<string, readonly string[] | "*">>>;

/** The routing of every system-defined profile the input lists; throws {@link CatalogInputError}. */
function routingOfProfiles(input: CatalogInput): Routing {
  // model → geography → source region → destinations
  const routing: Routing = new Map();
  for (const [region, output] of Object.entries(input.inferenceProfiles)) {
    const file = `list-inference-profiles/${region}.json`;
    if (output.inferenceProfileSummaries === undefined) {
      throw new CatalogInputError(
        `${file}: no inferenceProfileSummaries; save the output of aws bedrock list-inference-profiles --type-equals SYSTEM_DEFINED --region ${region} --output json`,
      );
    }
    for (const profile of output.inferenceProfileSummaries) {
      if (profile.type !== undefined && profile.type !== "SYSTEM_DEFINED") continue;
      const dot = profile.inferenceProfileId.indexOf(".");
      const geography = profile.inferenceProfileId.slice(0, dot);
      const modelId = profile.inferenceProfileId.slice(dot + 1);
      if (!(CROSS_REGION as readonly string[]).includes(geography)) {
        throw new CatalogInputError(
          `${file}: inference profile ${profile.inferenceProfileId} has the prefix "${geography}", not one of ${CROSS_REGION.join(", ")}; add the geography to GEOGRAPHIES in config/catalog.ts`,
        );
      }
      const destinations = profile.models.map(({ modelArn }) => {
        const match = /^arn:[^:]+:bedrock:([^:]*)::foundation-model\/(.+)$/.exec(modelArn);
        if (match === null || match[2] !== modelId) {
          throw new CatalogInputError(
            `${file}: inference profile ${profile.inferenceProfileId} lists ${modelArn}, not a foundation model ARN of ${modelId}`,
          );
        }
        return match[1];
      });
      // A global profile may route to any commercial region, and AWS may add some at any time
      // (https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html).
      const served: readonly string[] | "*" =
        geography === "global" ? "*" : [...new Set(destinations)].filter((d) => d !== "").sort();
      const geographies = routing.get(modelId) ?? new Map();
      routing.set(modelId, geographies);
      const sources = geographies.get(geography) ?? new Map();
      geographies.set(geography, sources);
      sources.set(region, served);
    }
  }
  return routing;
}

/** Every foundation model the input describes, by ID (the first region's summary); throws {@link CatalogInputError}. */
function describedModels(input: CatalogInput): Map<string, NonNullable<RegionOutput["modelSummaries"]>[number]> {
  const described = new Map<string, NonNullable<RegionOutput["modelSummaries"]>[number]>();
  for (const [region, output] of Object.entries(input.foundationModels)) {
    if (output.modelSummaries === undefined) {
      throw new CatalogInputError(
        `list-foundation-models/${region}.json: no modelSummaries; save the output of aws bedrock list-foundation-models --region ${region} --output json`,
      );
    }
    for (const summary of output.modelSummaries)
      described.set(summary.modelId, described.get(summary.modelId) ?? summary);
  }
  return described;
}

/** The catalog data of an input; throws {@link CatalogInputError} on input it cannot read. */
export function buildCatalogData(input: CatalogInput): CatalogData {
  const routing = routingOfProfiles(input);
  const described = describedModels(input);
  const routes = new Map<string, [string, RoutingTable]>(); // JSON of a table → [name, table]
  const tablesPerGeography = new Map<string, number>();
  const models: [string, CatalogDataModel][] = [];
  for (const modelId of [...new Set([...routing.keys(), ...described.keys()])].sort()) {
    const summary = described.get(modelId);
    if (summary === undefined) {
      throw new CatalogInputError(
        `a system-defined profile routes to ${modelId}, which no list-foundation-models/<region>.json describes; save list-foundation-models of a region that hosts it`,
      );
    }
    const geographies: [string, string][] = [];
    for (const geography of CROSS_REGION) {
      const sources = routing.get(modelId)?.get(geography);
      if (sources === undefined) continue;
      const table = byKey(sources);
      const json = JSON.stringify(table);
      if (!routes.has(json)) {
        const count = (tablesPerGeography.get(geography) ?? 0) + 1;
        tablesPerGeography.set(geography, count);
        routes.set(json, [`${geography}-${count}`, table]);
      }
      geographies.push([geography, routes.get(json)?.[0] ?? ""]);
    }
    models.push([
      modelId,
      {
        name: summary.modelName,
        provider: summary.providerName,
        lifecycle: summary.modelLifecycle?.status ?? "ACTIVE",
        streaming: summary.responseStreamingSupported ?? false,
        geographies: Object.fromEntries(geographies),
      },
    ]);
  }
  const regions = [
    ...new Set([...Object.keys(input.inferenceProfiles), ...Object.keys(input.foundationModels)]),
  ].sort();
  return {
    about:
      "Generated by npm run catalog -- update <dir> from the saved JSON of aws bedrock list-inference-profiles --type-equals SYSTEM_DEFINED and list-foundation-models; do not edit by hand. Short keys, display names and notes: config/catalog-curated.ts.",
    source: { ...input.sources, regions },
    routes: Object.fromEntries([...routes.values()]),
    models: Object.fromEntries(models),
  };
}

/** The file's text: two-space JSON, a final newline. */
export function formatCatalogData(data: CatalogData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
