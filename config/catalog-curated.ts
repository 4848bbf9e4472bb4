/**
 * The organisation's side of the model catalog, curated by hand beside the generated
 * `catalog-data.json`: short keys (`claude-{tier}-{version digits}`), display names (used in
 * default descriptions, so a change renames nothing but changes descriptions) and lifecycle notes
 * (printed as warnings). `test/catalog.test.ts` fails when a key's ID has no data or a model
 * with a system-defined profile has no key.
 */

/** One curated model: the foundation model ID AWS lists, and how the organisation shows it. */
export interface CuratedModel {
  readonly id: string;
  readonly name: string;
  /** A lifecycle remark worth a warning on every profile that uses the model. */
  readonly note?: string;
}

/** Short key → curated model. Notes cite their source (model card, models-supported page). */
export const CURATED_MODELS: Readonly<Record<string, CuratedModel>> = {
  "claude-haiku-3": { id: "anthropic.claude-3-haiku-20240307-v1:0", name: "Claude 3 Haiku" },
  "claude-haiku-35": {
    id: "anthropic.claude-3-5-haiku-20241022-v1:0",
    name: "Claude 3.5 Haiku",
    note: "Legacy; Bedrock end of life 2026-06-19 (model card).",
  },
  "claude-sonnet-35": {
    id: "anthropic.claude-3-5-sonnet-20240620-v1:0",
    name: "Claude 3.5 Sonnet",
    note: "Absent from the models-supported table fetched 2026-02-15 (likely Legacy).",
  },
  "claude-sonnet-35-v2": {
    id: "anthropic.claude-3-5-sonnet-20241022-v2:0",
    name: "Claude 3.5 Sonnet v2",
    note: "Absent from the models-supported table fetched 2026-02-15 (likely Legacy).",
  },
  "claude-sonnet-37": {
    id: "anthropic.claude-3-7-sonnet-20250219-v1:0",
    name: "Claude 3.7 Sonnet",
    note: "Absent from the models-supported table fetched 2026-02-15 (likely Legacy).",
  },
  "claude-sonnet-4": { id: "anthropic.claude-sonnet-4-20250514-v1:0", name: "Claude Sonnet 4" },
  "claude-sonnet-45": { id: "anthropic.claude-sonnet-4-5-20250929-v1:0", name: "Claude Sonnet 4.5" },
  "claude-haiku-45": { id: "anthropic.claude-haiku-4-5-20251001-v1:0", name: "Claude Haiku 4.5" },
  "claude-opus-4": {
    id: "anthropic.claude-opus-4-20250514-v1:0",
    name: "Claude Opus 4",
    note: "Absent from the models-supported table fetched 2026-02-15 (likely Legacy).",
  },
  "claude-opus-41": { id: "anthropic.claude-opus-4-1-20250805-v1:0", name: "Claude Opus 4.1" },
  "claude-opus-45": { id: "anthropic.claude-opus-4-5-20251101-v1:0", name: "Claude Opus 4.5" },
  "nova-pro": { id: "amazon.nova-pro-v1:0", name: "Amazon Nova Pro" },
  "nova-lite": { id: "amazon.nova-lite-v1:0", name: "Amazon Nova Lite" },
  "nova-micro": { id: "amazon.nova-micro-v1:0", name: "Amazon Nova Micro" },
  "nova-premier": { id: "amazon.nova-premier-v1:0", name: "Amazon Nova Premier" },
  "nova-2-lite": { id: "amazon.nova-2-lite-v1:0", name: "Amazon Nova 2 Lite" },
  "llama-31-8b": { id: "meta.llama3-1-8b-instruct-v1:0", name: "Llama 3.1 8B Instruct" },
  "llama-31-70b": { id: "meta.llama3-1-70b-instruct-v1:0", name: "Llama 3.1 70B Instruct" },
  "llama-31-405b": { id: "meta.llama3-1-405b-instruct-v1:0", name: "Llama 3.1 405B Instruct" },
  "llama-32-1b": { id: "meta.llama3-2-1b-instruct-v1:0", name: "Llama 3.2 1B Instruct" },
  "llama-32-3b": { id: "meta.llama3-2-3b-instruct-v1:0", name: "Llama 3.2 3B Instruct" },
  "llama-32-11b": { id: "meta.llama3-2-11b-instruct-v1:0", name: "Llama 3.2 11B Instruct" },
  "llama-32-90b": { id: "meta.llama3-2-90b-instruct-v1:0", name: "Llama 3.2 90B Instruct" },
  "llama-33-70b": { id: "meta.llama3-3-70b-instruct-v1:0", name: "Llama 3.3 70B Instruct" },
  "llama-4-maverick": { id: "meta.llama4-maverick-17b-instruct-v1:0", name: "Llama 4 Maverick 17B Instruct" },
  "llama-4-scout": { id: "meta.llama4-scout-17b-instruct-v1:0", name: "Llama 4 Scout 17B Instruct" },
  "cohere-embed-v4": { id: "cohere.embed-v4:0", name: "Cohere Embed v4" },
  "cohere-embed-english-v3": { id: "cohere.embed-english-v3", name: "Cohere Embed English v3" },
  "cohere-embed-multilingual-v3": { id: "cohere.embed-multilingual-v3", name: "Cohere Embed Multilingual v3" },
  "titan-embed-text-v2": { id: "amazon.titan-embed-text-v2:0", name: "Titan Text Embeddings V2" },
  // Anthropic's model overview lists these Bedrock IDs (https://platform.claude.com/docs/en/docs/legacy-model-guide).
  "claude-sonnet-46": { id: "anthropic.claude-sonnet-4-6", name: "Claude Sonnet 4.6" },
  "claude-opus-46": { id: "anthropic.claude-opus-4-6-v1", name: "Claude Opus 4.6" },
};
