/** What `npm run synth` prints on success: one line per stack it wrote, with its profile count. */
import { join } from "node:path";
import type { ResolvedEnvironment } from "../config/resolve.ts";
import type { ResolvedBilling } from "../config/resolve-billing.ts";
import { pluralize } from "./table.ts";

/**
 * `cdktf.out/stacks/prod-bedrock/cdk.tf.json  4 profiles  (prod, eu-central-1)`, one line per
 * stack; the billing stack, when there is one, last with its budgets and tag activations.
 */
export function synthSummary(
  environments: readonly ResolvedEnvironment[],
  outdir: string,
  billing?: ResolvedBilling,
): string {
  const rows = environments.map((e) => ({
    stack: e.stackName,
    count: pluralize(e.profiles.length, "profile"),
    where: `${e.env}, ${e.region}`,
  }));
  if (billing !== undefined) {
    rows.push({
      stack: billing.stackName,
      count: pluralize(billing.budgets.length, "budget"),
      where: `billing, ${billing.region}, ${pluralize(billing.costAllocationTags.length, "cost allocation tag")}`,
    });
  }
  const files = rows.map((row) => join(outdir, "stacks", row.stack, "cdk.tf.json"));
  const width = Math.max(...files.map((file) => file.length));
  // At least 11 wide ("99 profiles"), wider when a stack holds more, so the counts stay aligned.
  const countWidth = Math.max(11, ...rows.map((row) => row.count.length));
  const lines = rows.map((row, i) => `${files[i].padEnd(width)}  ${row.count.padStart(countWidth)}  (${row.where})`);
  const total = environments.reduce((sum, e) => sum + e.profiles.length, 0);
  return `${lines.join("\n")}\nsynthesized ${pluralize(rows.length, "stack")}, ${pluralize(total, "profile")}\n`;
}
