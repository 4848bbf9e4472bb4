/**
 * `node --import tsx scripts/plan-matrix.ts`: which stacks the pull-request workflow can plan,
 * as JSON for its matrix (`{"plannable":[…],"skipped":[{"stack","reason"}]}`). A stack can be
 * planned when its environment has a `backend:` (else the runner has no state and every profile
 * plans as new) and an `assumeRole:` (the workflow's one OIDC role reaches each account only
 * through it; `allowed_account_ids` refuses any other account).
 */
import { pathToFileURL } from "node:url";
import { BUILT_IN_MODELS } from "../config/catalog.ts";
import { configPath, loadConfig } from "../config/loader.ts";
import { type ResolvedEnvironment, resolveEnvironments } from "../config/resolve.ts";

/** The stacks a CI plan can run, and why the others cannot. */
export interface PlanMatrix {
  readonly plannable: readonly string[];
  readonly skipped: readonly { readonly stack: string; readonly reason: string }[];
}

/** Sort environments into plannable and skipped, with the reason. */
export function planMatrix(environments: readonly ResolvedEnvironment[]): PlanMatrix {
  const plannable: string[] = [];
  const skipped: { stack: string; reason: string }[] = [];
  for (const environment of environments) {
    const reasons = [
      ...(environment.backend === undefined
        ? ["no `backend:` (local state: the runner has none, every profile would plan as new)"]
        : []),
      ...(environment.assumeRole === undefined ? ["no `assumeRole:` (the CI role cannot reach its account)"] : []),
    ];
    if (reasons.length === 0) plannable.push(environment.stackName);
    else skipped.push({ stack: environment.stackName, reason: reasons.join("; ") });
  }
  return { plannable: plannable.sort(), skipped: skipped.sort((a, b) => a.stack.localeCompare(b.stack)) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const environments = resolveEnvironments(loadConfig(configPath()), BUILT_IN_MODELS);
  process.stdout.write(`${JSON.stringify(planMatrix(environments))}\n`);
}
