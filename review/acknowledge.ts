/**
 * Hazards accepted on the record: the `acknowledged:` entries of the profiles file in the
 * pull request, so the acceptance is part of the diff a reviewer approves. Pure.
 */
import { BILLING_ENV } from "../config/resolve-billing.ts";
import { ACKNOWLEDGEABLE_HAZARDS, type Acknowledgement } from "../config/schema.ts";
import type { Hazard } from "./compare.ts";

/**
 * The environment and `<product>/<purpose>` a hazard is about; no profile for environment
 * hazards. A budget lives in the billing stack: environment `billing`, and its product.
 */
function hazardSubject(hazard: Hazard): { env?: string; profile?: string; product?: string } {
  switch (hazard.kind) {
    case "budget-removed":
      return { env: BILLING_ENV, product: hazard.removal.budget.product };
    case "invalid-config":
      return {};
    case "environment-removed":
    case "backend-changed":
    case "account-changed":
    case "region-changed":
      return { env: hazard.env };
    case "profile-moved":
      return { env: hazard.env, profile: hazard.move.before.key };
    case "source-change-ignored":
      return { env: hazard.env, profile: hazard.update.after.key };
    default:
      return { env: hazard.env, profile: hazard.profile.key };
  }
}

/** The entry that accepts `hazard`, if any: same kind, environment listed, same profile. */
function acknowledgementOf(hazard: Hazard, acknowledged: readonly Acknowledgement[]): Acknowledgement | undefined {
  const { env, profile, product } = hazardSubject(hazard);
  if (env === undefined) return undefined;
  return acknowledged.find(
    (entry) =>
      entry.hazard === hazard.kind &&
      entry.envs.includes(env) &&
      entry.profile === profile &&
      entry.product === product,
  );
}

/** Each hazard an entry accepts, with that entry; only kinds of ACKNOWLEDGEABLE_HAZARDS ever are. */
export function acknowledgements(
  hazards: readonly Hazard[],
  acknowledged: readonly Acknowledgement[],
): Map<Hazard, Acknowledgement> {
  const accepted = new Map<Hazard, Acknowledgement>();
  for (const hazard of hazards) {
    const entry = acknowledgementOf(hazard, acknowledged);
    if (entry !== undefined) accepted.set(hazard, entry);
  }
  return accepted;
}

/** The `acknowledged:` entry that would accept `hazard`, as YAML flow, or undefined when none can. */
export function acknowledgementHint(hazard: Hazard): string | undefined {
  if (!(ACKNOWLEDGEABLE_HAZARDS as readonly string[]).includes(hazard.kind)) return undefined;
  const { env, profile, product } = hazardSubject(hazard);
  const profilePart = profile === undefined ? "" : ` profile: ${profile},`;
  const productPart = product === undefined ? "" : ` product: ${product},`;
  return `{ hazard: ${hazard.kind},${profilePart}${productPart} envs: [${env}], reason: "…" }`;
}
