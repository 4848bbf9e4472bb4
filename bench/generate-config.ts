/**
 * Synthetic profiles configuration for the benchmark.
 *
 * Every profile lists exactly one environment so that `profileCount` is the exact number of
 * profile instances synthesised (a profile listed in N envs would count N times).
 */

/** Model keys offered in geography `eu` from eu-central-1; cycled so every model path is exercised. */
const MODELS = [
  "claude-sonnet-45",
  "claude-haiku-45",
  "claude-sonnet-4",
  "claude-opus-45",
  "nova-pro",
  "nova-lite",
  "nova-micro",
] as const;

/** Environments of the fixed header below; profiles are spread over them round-robin. */
const ENVIRONMENTS = ["global", "dev", "pre", "prod"] as const;

/** Allowed billing modes; cycled per product so the tag policy check sees every value. */
const BILLING_MODES = ["client", "saas", "rd"] as const;

/** Profiles per product; the last product holds the remainder. */
const PROFILES_PER_PRODUCT = 10;

/** Everything before `products:` — identical to the documented format so only scale varies. */
const HEADER = `version: 1
defaults: { region: eu-central-1, geography: eu }
tagPolicy:
  required: [product, billing-mode, env, team, owner, source, managed-by]
  allowed: { billing-mode: [client, saas, rd] }
tags: { team: engineering, owner: engineering@example.com, source: example/bedrock-profiles, managed-by: opentofu }
environments:
  global: { accountId: "111111111111" }
  dev:    { accountId: "222222222222" }
  pre:    { accountId: "333333333333" }
  prod:   { accountId: "444444444444" }
products:
`;

/** Picks the element at `index` cycling through `list` (lists here are non-empty constants). */
function cycle<T>(list: readonly T[], index: number): T {
  const item = list[index % list.length];
  if (item === undefined) throw new Error("cycle() needs a non-empty list");
  return item;
}

/** Product key for the n-th product, zero-padded so keys sort in generation order. */
function productKey(productIndex: number): string {
  return `p${String(productIndex).padStart(4, "0")}`;
}

/** YAML lines of one product holding the global profile indices [first, first + count). */
function productBlock(productIndex: number, first: number, count: number): string {
  const lines = [
    `  ${productKey(productIndex)}:`,
    `    tags: { billing-mode: ${cycle(BILLING_MODES, productIndex)} }`,
    "    profiles:",
  ];
  for (let purpose = 0; purpose < count; purpose += 1) {
    const index = first + purpose;
    lines.push(`      u${purpose}: { model: ${cycle(MODELS, index)}, envs: [${cycle(ENVIRONMENTS, index)}] }`);
  }
  return `${lines.join("\n")}\n`;
}

/** Returns the YAML text of a valid config with exactly `profileCount` profile instances. */
export function generateConfig(profileCount: number): string {
  if (!Number.isInteger(profileCount) || profileCount < 1) {
    throw new Error(`profileCount must be a positive integer, got ${profileCount}`);
  }
  const blocks: string[] = [];
  for (let first = 0, product = 0; first < profileCount; first += PROFILES_PER_PRODUCT, product += 1) {
    blocks.push(productBlock(product, first, Math.min(PROFILES_PER_PRODUCT, profileCount - first)));
  }
  return HEADER + blocks.join("");
}
