/**
 * The built-in model catalog: every model in AWS's published cross-region inference profile
 * tables, keyed by the organisation's short names (`claude-{tier}-{version digits}`).
 *
 * Source: shared/reference/aws-bedrock-facts.json → crossRegionProfiles, a dated snapshot
 * (Dec 2025 – Jan 2026) of https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html
 * ("Supported Regions and models for inference profiles"). Geography-tied routing "will never
 * change" per AWS; global profiles may add destinations, so they route to "*".
 * The config's `models:` section extends this table (see `withCustomModels`).
 */

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
  /**
   * The geographies with a system-defined profile for this model and their routing.
   * `undefined` routing (custom models) means AWS's table is not known to this tool:
   * any source region is accepted and destinations are `"*"`.
   */
  readonly geographies: Readonly<Partial<Record<CrossRegionGeography, Routing | undefined>>>;
}

/** A catalog: model short name → model. */
export type ModelCatalog = Readonly<Record<string, CatalogModel>>;

/** Global profiles: every listed source region may route to any commercial region. */
function anyDestination(sourceRegions: readonly string[]): Routing {
  return Object.fromEntries(sourceRegions.map((region) => [region, "*" as const]));
}

/** The models this tool knows without configuration. */
export const BUILT_IN_MODELS: ModelCatalog = {
  "claude-haiku-3": {
    id: "anthropic.claude-3-haiku-20240307-v1:0",
    name: "Claude 3 Haiku",
    geographies: {
      eu: {
        "eu-central-1": ["eu-central-1", "eu-west-1", "eu-west-3"],
        "eu-west-1": ["eu-central-1", "eu-west-1", "eu-west-3"],
        "eu-west-3": ["eu-central-1", "eu-west-1", "eu-west-3"],
      },
      us: {
        "us-east-1": ["us-east-1", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-2": ["us-east-1", "us-west-2"],
      },
      apac: {
        "ap-northeast-1": ["ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2"],
        "ap-northeast-2": ["ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2"],
        "ap-south-1": ["ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2"],
        "ap-southeast-1": ["ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2"],
        "ap-southeast-2": ["ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2"],
      },
      "us-gov": {
        "us-gov-east-1": ["us-gov-east-1", "us-gov-west-1"],
      },
    },
  },
  "claude-haiku-35": {
    id: "anthropic.claude-3-5-haiku-20241022-v1:0",
    name: "Claude 3.5 Haiku",
    note: "Legacy; Bedrock end of life 2026-06-19 (model card).",
    geographies: {
      us: {
        "us-east-1": ["us-east-1", "us-east-2", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-2": ["us-east-1", "us-east-2", "us-west-2"],
      },
    },
  },
  "claude-sonnet-35": {
    id: "anthropic.claude-3-5-sonnet-20240620-v1:0",
    name: "Claude 3.5 Sonnet",
    note: "Absent from the models-supported table fetched 2026-02-15 (likely Legacy).",
    geographies: {
      eu: {
        "eu-central-1": ["eu-central-1", "eu-west-1", "eu-west-3"],
        "eu-west-1": ["eu-central-1", "eu-west-1", "eu-west-3"],
        "eu-west-3": ["eu-central-1", "eu-west-1", "eu-west-3"],
      },
      us: {
        "us-east-1": ["us-east-1", "us-west-2"],
        "us-east-2": ["us-east-1", "us-west-2"],
        "us-west-2": ["us-east-1", "us-west-2"],
      },
      apac: {
        "ap-northeast-1": ["ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2"],
        "ap-northeast-2": ["ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2"],
        "ap-south-1": ["ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2"],
        "ap-southeast-1": ["ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2"],
        "ap-southeast-2": ["ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2"],
      },
      "us-gov": {
        "us-gov-east-1": ["us-gov-east-1", "us-gov-west-1"],
      },
    },
  },
  "claude-sonnet-35-v2": {
    id: "anthropic.claude-3-5-sonnet-20241022-v2:0",
    name: "Claude 3.5 Sonnet v2",
    note: "Absent from the models-supported table fetched 2026-02-15 (likely Legacy).",
    geographies: {
      us: {
        "us-east-1": ["us-east-1", "us-east-2", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-2": ["us-east-1", "us-east-2", "us-west-2"],
      },
      apac: {
        "ap-northeast-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-northeast-2": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-northeast-3": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-south-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-south-2": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-southeast-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-southeast-2": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
      },
    },
  },
  "claude-sonnet-37": {
    id: "anthropic.claude-3-7-sonnet-20250219-v1:0",
    name: "Claude 3.7 Sonnet",
    note: "Absent from the models-supported table fetched 2026-02-15 (likely Legacy).",
    geographies: {
      eu: {
        "eu-central-1": ["eu-central-1", "eu-north-1", "eu-west-1", "eu-west-3"],
        "eu-north-1": ["eu-central-1", "eu-north-1", "eu-west-1", "eu-west-3"],
        "eu-west-1": ["eu-central-1", "eu-north-1", "eu-west-1", "eu-west-3"],
        "eu-west-3": ["eu-central-1", "eu-north-1", "eu-west-1", "eu-west-3"],
      },
      us: {
        "us-east-1": ["us-east-1", "us-east-2", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-2": ["us-east-1", "us-east-2", "us-west-2"],
      },
      apac: {
        "ap-northeast-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-northeast-2": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-northeast-3": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-south-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-south-2": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-southeast-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-southeast-2": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
      },
      "us-gov": {
        "us-gov-east-1": ["us-gov-east-1", "us-gov-west-1"],
      },
    },
  },
  "claude-sonnet-4": {
    id: "anthropic.claude-sonnet-4-20250514-v1:0",
    name: "Claude Sonnet 4",
    geographies: {
      eu: {
        "eu-central-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-north-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-south-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-south-2": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-west-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-west-3": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "il-central-1": [
          "eu-central-1",
          "eu-north-1",
          "eu-south-1",
          "eu-south-2",
          "eu-west-1",
          "eu-west-3",
          "il-central-1",
        ],
      },
      us: {
        "us-east-1": ["us-east-1", "us-east-2", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-1": ["us-east-1", "us-east-2", "us-west-1", "us-west-2"],
        "us-west-2": ["us-east-1", "us-east-2", "us-west-2"],
      },
      apac: {
        "ap-east-2": [
          "ap-east-2",
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
        ],
        "ap-northeast-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-4",
        ],
        "ap-northeast-2": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-4",
        ],
        "ap-northeast-3": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-4",
        ],
        "ap-south-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-4",
        ],
        "ap-south-2": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-4",
        ],
        "ap-southeast-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-4",
        ],
        "ap-southeast-2": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-4",
        ],
        "ap-southeast-3": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
        ],
        "ap-southeast-4": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-4",
        ],
        "ap-southeast-5": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
          "ap-southeast-5",
        ],
        "ap-southeast-7": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
          "ap-southeast-7",
        ],
        "me-central-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
          "me-central-1",
        ],
      },
      global: anyDestination(["ap-northeast-1", "eu-west-1", "us-east-1", "us-east-2", "us-west-2"]),
    },
  },
  "claude-sonnet-45": {
    id: "anthropic.claude-sonnet-4-5-20250929-v1:0",
    name: "Claude Sonnet 4.5",
    geographies: {
      eu: {
        "eu-central-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-central-2": [
          "eu-central-1",
          "eu-central-2",
          "eu-north-1",
          "eu-south-1",
          "eu-south-2",
          "eu-west-1",
          "eu-west-3",
        ],
        "eu-north-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-south-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-south-2": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-west-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-west-2": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3"],
        "eu-west-3": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
      },
      us: {
        "ca-central-1": ["ca-central-1", "us-east-1", "us-east-2", "us-west-2"],
        "us-east-1": ["us-east-1", "us-east-2", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-1": ["us-east-1", "us-east-2", "us-west-1", "us-west-2"],
        "us-west-2": ["us-east-1", "us-east-2", "us-west-2"],
      },
      jp: {
        "ap-northeast-1": ["ap-northeast-1", "ap-northeast-3"],
        "ap-northeast-3": ["ap-northeast-1", "ap-northeast-3"],
      },
      au: {
        "ap-southeast-2": ["ap-southeast-2", "ap-southeast-4"],
        "ap-southeast-4": ["ap-southeast-2", "ap-southeast-4"],
      },
      "us-gov": {
        "us-gov-east-1": ["us-gov-west-1"],
        "us-gov-west-1": ["us-gov-west-1"],
      },
      global: anyDestination([
        "af-south-1",
        "ap-northeast-1",
        "ap-northeast-2",
        "ap-northeast-3",
        "ap-south-1",
        "ap-south-2",
        "ap-southeast-1",
        "ap-southeast-2",
        "ap-southeast-3",
        "ap-southeast-4",
        "ca-central-1",
        "ca-west-1",
        "eu-central-1",
        "eu-central-2",
        "eu-north-1",
        "eu-south-1",
        "eu-south-2",
        "eu-west-1",
        "eu-west-2",
        "eu-west-3",
        "il-central-1",
        "me-central-1",
        "sa-east-1",
        "us-east-1",
        "us-east-2",
        "us-west-1",
        "us-west-2",
      ]),
    },
  },
  "claude-haiku-45": {
    id: "anthropic.claude-haiku-4-5-20251001-v1:0",
    name: "Claude Haiku 4.5",
    geographies: {
      eu: {
        "eu-central-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-central-2": [
          "eu-central-1",
          "eu-central-2",
          "eu-north-1",
          "eu-south-1",
          "eu-south-2",
          "eu-west-1",
          "eu-west-3",
        ],
        "eu-north-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-south-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-south-2": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-west-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-west-2": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3"],
        "eu-west-3": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
      },
      us: {
        "ca-central-1": ["ca-central-1", "us-east-1", "us-east-2", "us-west-2"],
        "us-east-1": ["us-east-1", "us-east-2", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-1": ["us-east-1", "us-east-2", "us-west-1", "us-west-2"],
        "us-west-2": ["us-east-1", "us-east-2", "us-west-2"],
      },
      jp: {
        "ap-northeast-1": ["ap-northeast-1", "ap-northeast-3"],
        "ap-northeast-3": ["ap-northeast-1", "ap-northeast-3"],
      },
      au: {
        "ap-southeast-2": ["ap-southeast-2", "ap-southeast-4"],
        "ap-southeast-4": ["ap-southeast-2", "ap-southeast-4"],
      },
      global: anyDestination([
        "ap-northeast-1",
        "ap-northeast-2",
        "ap-northeast-3",
        "ap-south-1",
        "ap-south-2",
        "ap-southeast-1",
        "ap-southeast-2",
        "ap-southeast-3",
        "ap-southeast-4",
        "ca-central-1",
        "eu-central-1",
        "eu-central-2",
        "eu-north-1",
        "eu-south-1",
        "eu-south-2",
        "eu-west-1",
        "eu-west-2",
        "eu-west-3",
        "il-central-1",
        "me-central-1",
        "me-south-1",
        "sa-east-1",
        "us-east-1",
        "us-east-2",
        "us-west-1",
        "us-west-2",
      ]),
    },
  },
  "claude-opus-4": {
    id: "anthropic.claude-opus-4-20250514-v1:0",
    name: "Claude Opus 4",
    note: "Absent from the models-supported table fetched 2026-02-15 (likely Legacy).",
    geographies: {
      us: {
        "us-east-1": ["us-east-1", "us-east-2", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-2": ["us-east-1", "us-east-2", "us-west-2"],
      },
    },
  },
  "claude-opus-41": {
    id: "anthropic.claude-opus-4-1-20250805-v1:0",
    name: "Claude Opus 4.1",
    geographies: {
      us: {
        "us-east-1": ["us-east-1", "us-east-2", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-2": ["us-east-1", "us-east-2", "us-west-2"],
      },
    },
  },
  "claude-opus-45": {
    id: "anthropic.claude-opus-4-5-20251101-v1:0",
    name: "Claude Opus 4.5",
    geographies: {
      eu: {
        "eu-central-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-central-2": [
          "eu-central-1",
          "eu-central-2",
          "eu-north-1",
          "eu-south-1",
          "eu-south-2",
          "eu-west-1",
          "eu-west-3",
        ],
        "eu-north-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-south-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-south-2": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-west-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-west-2": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3"],
        "eu-west-3": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
      },
      us: {
        "ca-central-1": ["ca-central-1", "us-east-1", "us-east-2", "us-west-2"],
        "us-east-1": ["us-east-1", "us-east-2", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-1": ["us-east-1", "us-east-2", "us-west-1", "us-west-2"],
        "us-west-2": ["us-east-1", "us-east-2", "us-west-2"],
      },
      global: anyDestination([
        "af-south-1",
        "ap-northeast-1",
        "ap-northeast-2",
        "ap-northeast-3",
        "ap-south-1",
        "ap-south-2",
        "ap-southeast-1",
        "ap-southeast-2",
        "ap-southeast-3",
        "ap-southeast-4",
        "ca-central-1",
        "eu-central-1",
        "eu-central-2",
        "eu-north-1",
        "eu-south-1",
        "eu-south-2",
        "eu-west-1",
        "eu-west-2",
        "eu-west-3",
        "il-central-1",
        "me-central-1",
        "me-south-1",
        "sa-east-1",
        "us-east-1",
        "us-east-2",
        "us-west-1",
        "us-west-2",
      ]),
    },
  },
  "nova-pro": {
    id: "amazon.nova-pro-v1:0",
    name: "Amazon Nova Pro",
    geographies: {
      eu: {
        "eu-central-1": ["eu-central-1", "eu-north-1", "eu-west-1", "eu-west-3"],
        "eu-north-1": ["eu-central-1", "eu-north-1", "eu-west-1", "eu-west-3"],
        "eu-south-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-west-1", "eu-west-3"],
        "eu-south-2": ["eu-central-1", "eu-north-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-west-1": ["eu-central-1", "eu-north-1", "eu-west-1", "eu-west-3"],
        "eu-west-3": ["eu-central-1", "eu-north-1", "eu-west-1", "eu-west-3"],
        "il-central-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-west-1", "eu-west-3", "il-central-1"],
      },
      us: {
        "us-east-1": ["us-east-1", "us-east-2", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-1": ["us-east-1", "us-east-2", "us-west-1", "us-west-2"],
        "us-west-2": ["us-east-1", "us-east-2", "us-west-2"],
      },
      apac: {
        "ap-east-2": [
          "ap-east-2",
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
        ],
        "ap-northeast-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-northeast-2": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-south-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-southeast-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-southeast-2": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-southeast-3": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
        ],
        "ap-southeast-4": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-4",
        ],
        "ap-southeast-5": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
          "ap-southeast-5",
        ],
        "ap-southeast-7": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
          "ap-southeast-7",
        ],
        "me-central-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
          "me-central-1",
        ],
      },
    },
  },
  "nova-lite": {
    id: "amazon.nova-lite-v1:0",
    name: "Amazon Nova Lite",
    geographies: {
      eu: {
        "eu-central-1": ["eu-central-1", "eu-north-1", "eu-west-1", "eu-west-3"],
        "eu-north-1": ["eu-central-1", "eu-north-1", "eu-west-1", "eu-west-3"],
        "eu-south-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-west-1", "eu-west-3"],
        "eu-south-2": ["eu-central-1", "eu-north-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-west-1": ["eu-central-1", "eu-north-1", "eu-west-1", "eu-west-3"],
        "eu-west-3": ["eu-central-1", "eu-north-1", "eu-west-1", "eu-west-3"],
        "il-central-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-west-1", "eu-west-3", "il-central-1"],
      },
      us: {
        "us-east-1": ["us-east-1", "us-east-2", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-1": ["us-east-1", "us-east-2", "us-west-1", "us-west-2"],
        "us-west-2": ["us-east-1", "us-east-2", "us-west-2"],
      },
      apac: {
        "ap-east-2": [
          "ap-east-2",
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
        ],
        "ap-northeast-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-northeast-2": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-south-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-southeast-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-southeast-2": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-southeast-3": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
        ],
        "ap-southeast-4": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-4",
        ],
        "ap-southeast-5": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
          "ap-southeast-5",
        ],
        "ap-southeast-7": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
          "ap-southeast-7",
        ],
        "me-central-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
          "me-central-1",
        ],
      },
      ca: {
        "ca-central-1": ["ca-central-1", "ca-west-1"],
        "ca-west-1": ["ca-central-1", "ca-west-1"],
      },
    },
  },
  "nova-micro": {
    id: "amazon.nova-micro-v1:0",
    name: "Amazon Nova Micro",
    geographies: {
      eu: {
        "eu-central-1": ["eu-central-1", "eu-north-1", "eu-west-1", "eu-west-3"],
        "eu-north-1": ["eu-central-1", "eu-north-1", "eu-west-1", "eu-west-3"],
        "eu-south-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-west-1", "eu-west-3"],
        "eu-south-2": ["eu-central-1", "eu-north-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-west-1": ["eu-central-1", "eu-north-1", "eu-west-1", "eu-west-3"],
        "eu-west-3": ["eu-central-1", "eu-north-1", "eu-west-1", "eu-west-3"],
        "il-central-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-west-1", "eu-west-3", "il-central-1"],
      },
      us: {
        "us-east-1": ["us-east-1", "us-east-2", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-2": ["us-east-1", "us-east-2", "us-west-2"],
      },
      apac: {
        "ap-east-2": [
          "ap-east-2",
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
        ],
        "ap-northeast-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-northeast-2": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-south-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-southeast-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-southeast-2": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
        ],
        "ap-southeast-3": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
        ],
        "ap-southeast-5": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
          "ap-southeast-5",
        ],
        "ap-southeast-7": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
          "ap-southeast-7",
        ],
        "me-central-1": [
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-south-2",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
          "me-central-1",
        ],
      },
    },
  },
  "nova-premier": {
    id: "amazon.nova-premier-v1:0",
    name: "Amazon Nova Premier",
    geographies: {
      us: {
        "us-east-1": ["us-east-1", "us-east-2", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-2": ["us-east-1", "us-east-2", "us-west-2"],
      },
    },
  },
  "nova-2-lite": {
    id: "amazon.nova-2-lite-v1:0",
    name: "Amazon Nova 2 Lite",
    geographies: {
      eu: {
        "eu-central-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-north-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-south-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-south-2": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-west-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-west-3": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
      },
      us: {
        "ca-central-1": ["ca-central-1", "us-east-1", "us-east-2", "us-west-2"],
        "ca-west-1": ["ca-west-1", "us-east-1", "us-east-2", "us-west-2"],
        "us-east-1": ["us-east-1", "us-east-2", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-1": ["us-east-1", "us-east-2", "us-west-1", "us-west-2"],
        "us-west-2": ["us-east-1", "us-east-2", "us-west-2"],
      },
      jp: {
        "ap-northeast-1": ["ap-northeast-1", "ap-northeast-3"],
      },
      global: anyDestination([
        "ap-east-2",
        "ap-northeast-1",
        "ap-northeast-2",
        "ap-south-1",
        "ap-southeast-1",
        "ap-southeast-2",
        "ap-southeast-3",
        "ap-southeast-4",
        "ap-southeast-5",
        "ap-southeast-7",
        "ca-central-1",
        "ca-west-1",
        "eu-central-1",
        "eu-north-1",
        "eu-south-1",
        "eu-south-2",
        "eu-west-1",
        "eu-west-2",
        "eu-west-3",
        "il-central-1",
        "me-central-1",
        "us-east-1",
        "us-east-2",
        "us-west-1",
        "us-west-2",
      ]),
    },
  },
  "llama-31-8b": {
    id: "meta.llama3-1-8b-instruct-v1:0",
    name: "Llama 3.1 8B Instruct",
    geographies: {
      us: {
        "us-east-1": ["us-east-1", "us-east-2", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-2": ["us-east-1", "us-east-2", "us-west-2"],
      },
    },
  },
  "llama-31-70b": {
    id: "meta.llama3-1-70b-instruct-v1:0",
    name: "Llama 3.1 70B Instruct",
    geographies: {
      us: {
        "us-east-1": ["us-east-1", "us-east-2", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-2": ["us-east-1", "us-east-2", "us-west-2"],
      },
    },
  },
  "llama-31-405b": {
    id: "meta.llama3-1-405b-instruct-v1:0",
    name: "Llama 3.1 405B Instruct",
    geographies: {
      us: {
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
      },
    },
  },
  "llama-32-1b": {
    id: "meta.llama3-2-1b-instruct-v1:0",
    name: "Llama 3.2 1B Instruct",
    geographies: {
      eu: {
        "eu-central-1": ["eu-central-1", "eu-west-1", "eu-west-3"],
        "eu-west-1": ["eu-central-1", "eu-west-1", "eu-west-3"],
        "eu-west-3": ["eu-central-1", "eu-west-1", "eu-west-3"],
      },
      us: {
        "us-east-1": ["us-east-1", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-2": ["us-east-1", "us-west-2"],
      },
    },
  },
  "llama-32-3b": {
    id: "meta.llama3-2-3b-instruct-v1:0",
    name: "Llama 3.2 3B Instruct",
    geographies: {
      eu: {
        "eu-central-1": ["eu-central-1", "eu-west-1", "eu-west-3"],
        "eu-west-1": ["eu-central-1", "eu-west-1", "eu-west-3"],
        "eu-west-3": ["eu-central-1", "eu-west-1", "eu-west-3"],
      },
      us: {
        "us-east-1": ["us-east-1", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-2": ["us-east-1", "us-west-2"],
      },
    },
  },
  "llama-32-11b": {
    id: "meta.llama3-2-11b-instruct-v1:0",
    name: "Llama 3.2 11B Instruct",
    geographies: {
      us: {
        "us-east-1": ["us-east-1", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-2": ["us-east-1", "us-west-2"],
      },
    },
  },
  "llama-32-90b": {
    id: "meta.llama3-2-90b-instruct-v1:0",
    name: "Llama 3.2 90B Instruct",
    geographies: {
      us: {
        "us-east-1": ["us-east-1", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-2": ["us-east-1", "us-west-2"],
      },
    },
  },
  "llama-33-70b": {
    id: "meta.llama3-3-70b-instruct-v1:0",
    name: "Llama 3.3 70B Instruct",
    geographies: {
      us: {
        "us-east-1": ["us-east-1", "us-east-2", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-2": ["us-east-1", "us-east-2", "us-west-2"],
      },
    },
  },
  "llama-4-maverick": {
    id: "meta.llama4-maverick-17b-instruct-v1:0",
    name: "Llama 4 Maverick 17B Instruct",
    geographies: {
      us: {
        "us-east-1": ["us-east-1", "us-east-2", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-1": ["us-east-1", "us-east-2", "us-west-1", "us-west-2"],
        "us-west-2": ["us-east-1", "us-east-2", "us-west-2"],
      },
    },
  },
  "llama-4-scout": {
    id: "meta.llama4-scout-17b-instruct-v1:0",
    name: "Llama 4 Scout 17B Instruct",
    geographies: {
      us: {
        "us-east-1": ["us-east-1", "us-east-2", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-1": ["us-east-1", "us-east-2", "us-west-1", "us-west-2"],
        "us-west-2": ["us-east-1", "us-east-2", "us-west-2"],
      },
    },
  },
  "cohere-embed-v4": {
    id: "cohere.embed-v4:0",
    name: "Cohere Embed v4",
    geographies: {
      eu: {
        "eu-central-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-north-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-south-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-south-2": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-west-1": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
        "eu-west-3": ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
      },
      us: {
        "us-east-1": ["us-east-1", "us-east-2", "us-west-2"],
        "us-east-2": ["us-east-1", "us-east-2", "us-west-2"],
        "us-west-1": ["us-east-1", "us-east-2", "us-west-1", "us-west-2"],
        "us-west-2": ["us-east-1", "us-east-2", "us-west-2"],
      },
      global: anyDestination([
        "ap-northeast-1",
        "ap-northeast-2",
        "ap-northeast-3",
        "ap-south-1",
        "ap-south-2",
        "ap-southeast-1",
        "ap-southeast-2",
        "ap-southeast-3",
        "ap-southeast-4",
        "ca-central-1",
        "eu-central-1",
        "eu-central-2",
        "eu-north-1",
        "eu-south-1",
        "eu-south-2",
        "eu-west-1",
        "eu-west-2",
        "eu-west-3",
        "sa-east-1",
        "us-east-1",
        "us-east-2",
        "us-west-1",
        "us-west-2",
      ]),
    },
  },
  "cohere-embed-english-v3": {
    id: "cohere.embed-english-v3",
    name: "Cohere Embed English v3",
    geographies: {},
  },
  "cohere-embed-multilingual-v3": {
    id: "cohere.embed-multilingual-v3",
    name: "Cohere Embed Multilingual v3",
    geographies: {},
  },
  "titan-embed-text-v2": {
    id: "amazon.titan-embed-text-v2:0",
    name: "Titan Text Embeddings V2",
    geographies: {},
  },
};

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
