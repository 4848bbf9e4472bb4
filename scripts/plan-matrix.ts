/**
 * `node --import tsx scripts/plan-matrix.ts [--summary]`: which stacks the pull-request workflow
 * can plan, as JSON for its matrix (`{"plannable":[…],"skipped":[{"stack","reason"}]}`), or with
 * `--summary` as Markdown for its job summary; the billing stack included. A stack can be
 * planned when its environment (or `billing:`) has a `backend:` (else the runner has no state and
 * every profile plans as new) and an `assumeRole:` (the workflow's one OIDC role reaches each account only
 * through it; `allowed_account_ids` refuses any other account).
 */
import { pathToFileURL } from "node:url";
import { formatMarkdownTable, inlineCode } from "../cli/table.ts";
import { configPath, loadPlan } from "../config/loader.ts";
import { byCodeUnit, type ResolvedEnvironment } from "../config/resolve.ts";

/** The stacks a CI plan can run, and why the others cannot. */
export interface PlanMatrix {
  readonly plannable: readonly string[];
  readonly skipped: readonly { readonly stack: string; readonly reason: string }[];
}

/** What decides whether a stack (an environment's or the billing stack) can be planned in CI. */
export type StackSettings = Pick<ResolvedEnvironment, "stackName" | "backend" | "assumeRole">;

/** Sort stacks into plannable and skipped, with the reason. */
export function planMatrix(stacks: readonly StackSettings[]): PlanMatrix {
  const plannable: string[] = [];
  const skipped: { stack: string; reason: string }[] = [];
  for (const stack of stacks) {
    const reasons = [
      ...(stack.backend === undefined
        ? ["no `backend:` (local state: the runner has none, every profile would plan as new)"]
        : []),
      ...(stack.assumeRole === undefined ? ["no `assumeRole:` (the CI role cannot reach its account)"] : []),
    ];
    if (reasons.length === 0) plannable.push(stack.stackName);
    else skipped.push({ stack: stack.stackName, reason: reasons.join("; ") });
  }
  return { plannable: plannable.sort(), skipped: skipped.sort((a, b) => byCodeUnit(a.stack, b.stack)) };
}

/** The job summary's section: the stacks planned, and a table of the others with the reason. */
export function planMatrixSummary(matrix: PlanMatrix): string {
  const planned = matrix.plannable.map(inlineCode).join(", ") || "none";
  const summary = `### Plans\n\nPlanned: ${planned}.\n`;
  if (matrix.skipped.length === 0) return summary;
  const rows = matrix.skipped.map(({ stack, reason }) => [inlineCode(stack), reason]);
  return `${summary}\n${formatMarkdownTable(["not planned", "why"], rows)}`;
}

// With --summary, the Markdown for the job summary; else the JSON for the matrix.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { environments, billing } = loadPlan(configPath());
  const matrix = planMatrix([...environments, ...(billing === undefined ? [] : [billing])]);
  process.stdout.write(process.argv.includes("--summary") ? planMatrixSummary(matrix) : `${JSON.stringify(matrix)}\n`);
}
