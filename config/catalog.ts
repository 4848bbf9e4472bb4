/**
 * The built-in model catalog: AWS's own answer, generated into `catalog-data.json` by
 * `npm run catalog -- update <dir>` (model → geographies → source region → destination regions,
 * lifecycle, streaming; the regions and date it came from), joined with the organisation's short
 * keys, display names and notes of `catalog-curated.ts`. Geography-tied routing "will never
 * change" per AWS; global profiles may add destinations, so they route to "*"
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html).
 * The config's `models:` section extends this table (`modelCatalog` in resolve.ts).
 */
import { CURATED_MODELS, type CuratedModel } from "./catalog-curated.ts";
import catalogData from "./catalog-data.json" with { type: "json" };
import type { CatalogData } from "./catalog-update.ts";

/** Every geography a profile may name; `none` means a single-region foundation model. */
export const GEOGRAPHIES = ["eu", "us", "apac", "jp", "au", "ca", "us-gov", "global", "none"] as const;

/** A geography a profile may name. */
export type Geography = (typeof GEOGRAPHIES)[number];

/** A geography with a system-defined cross-region profile (every one but `none`). */
export type CrossRegionGeography = Exclude<Geography, "none">;

/**
 * Source region → the destination regions a system-defined profile routes to from there.
 * `"*"` when any commercial region may serve the request (global profiles).
 */
export type Routing = Readonly<Record<string, readonly string[] | "*">>;

/** One model of the catalog. */
export interface CatalogModel {
  /** Foundation model ID, e.g. `anthropic.claude-sonnet-4-5-20250929-v1:0`. */
  readonly id: string;
  /** Display name, used in default descriptions. */
  readonly name: string;
  /** Lifecycle remark worth a warning (Legacy, end of life). */
  readonly note?: string;
  /** AWS's lifecycle status (`ACTIVE`, `LEGACY`); absent for custom models. */
  readonly lifecycle?: string;
  /** Whether AWS lists response streaming for it; absent for custom models. */
  readonly streaming?: boolean;
  /**
   * The geographies with a system-defined profile for this model and their routing.
   * `undefined` routing (custom models) means AWS's table is not known to this tool:
   * any source region is accepted and destinations are `"*"`.
   */
  readonly geographies: Readonly<Partial<Record<CrossRegionGeography, Routing | undefined>>>;
}

/** A catalog: model short name → model. */
export type ModelCatalog = Readonly<Record<string, CatalogModel>>;

/** The generated data, as `catalog-update.ts` writes it. */
type CatalogDataFile = Pick<CatalogData, "source" | "routes" | "models">;

const DATA: CatalogDataFile = catalogData as CatalogDataFile;

/** Which regions and which date the built-in catalog's data came from. */
export const CATALOG_SOURCE: CatalogDataFile["source"] = DATA.source;

/**
 * The catalog of `curated` keys over `data`: each key's model with the routing tables of its
 * geographies. A key whose ID the data lacks has no geographies (`unmatchedCatalogKeys` finds it).
 */
export function joinCatalog(data: CatalogDataFile, curated: Readonly<Record<string, CuratedModel>>): ModelCatalog {
  return Object.fromEntries(
    Object.entries(curated).map(([key, { id, name, note }]): [string, CatalogModel] => {
      const model = data.models[id];
      return [
        key,
        {
          id,
          name,
          ...(note === undefined ? {} : { note }),
          ...(model === undefined ? {} : { lifecycle: model.lifecycle, streaming: model.streaming }),
          geographies: Object.fromEntries(
            Object.entries(model?.geographies ?? {}).map(([geography, route]) => [geography, data.routes[route]]),
          ),
        },
      ];
    }),
  );
}

/**
 * What keeps the curated keys and the data in step: keys whose ID the data lacks, and models
 * with a system-defined profile that no key names.
 */
export function unmatchedCatalogKeys(
  data: Pick<CatalogDataFile, "models">,
  curated: Readonly<Record<string, CuratedModel>>,
): { readonly keysWithoutData: string[]; readonly routedModelsWithoutKey: string[] } {
  const curatedIds = new Set(Object.values(curated).map((model) => model.id));
  return {
    keysWithoutData: Object.entries(curated)
      .filter(([, model]) => data.models[model.id] === undefined)
      .map(([key]) => key),
    routedModelsWithoutKey: Object.entries(data.models)
      .filter(([id, model]) => Object.keys(model.geographies).length > 0 && !curatedIds.has(id))
      .map(([id]) => id),
  };
}

/** The routing of a model ID in the built-in data, for `models:` entries AWS already lists. */
export function routingOf(id: string): CatalogModel["geographies"] | undefined {
  const model = DATA.models[id];
  if (model === undefined) return undefined;
  return Object.fromEntries(
    Object.entries(model.geographies).map(([geography, route]) => [geography, DATA.routes[route]]),
  );
}

/** The models this tool knows without configuration. */
export const BUILT_IN_MODELS: ModelCatalog = joinCatalog(DATA, CURATED_MODELS);

/** Every region the catalog's routing names, sorted: the regions a did-you-mean can offer. */
export const KNOWN_REGIONS: readonly string[] = [
  ...new Set(
    Object.values(BUILT_IN_MODELS).flatMap((model) =>
      Object.values(model.geographies).flatMap((routing) =>
        Object.entries(routing ?? {}).flatMap(([source, destinations]) => [
          source,
          ...(destinations === "*" ? [] : destinations),
        ]),
      ),
    ),
  ),
].sort();

/** Whether `geography` has a system-defined profile for `model` (`none` is always offered). */
export function offersGeography(model: CatalogModel, geography: Geography): boolean {
  return geography === "none" || geography in model.geographies;
}

/**
 * The source regions from which `model` may be called through `geography`'s profile;
 * `undefined` when unknown (custom models) or unrestricted (`none`).
 */
export function sourceRegions(model: CatalogModel, geography: Geography): readonly string[] | undefined {
  if (geography === "none") return undefined;
  const routing = model.geographies[geography];
  return routing === undefined ? undefined : Object.keys(routing);
}

/**
 * The regions whose foundation model serves a request made in `region` through `geography`'s
 * profile: `[region]` for `none`, `"*"` where routing is unknown or global.
 */
export function destinationRegions(model: CatalogModel, geography: Geography, region: string): readonly string[] | "*" {
  if (geography === "none") return [region];
  return model.geographies[geography]?.[region] ?? "*";
}
