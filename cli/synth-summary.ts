/** What `npm run synth` prints on success: one line per stack it wrote, with its profile count. */
import { join } from "node:path";
import type { ResolvedEnvironment } from "../config/resolve.ts";

/** `cdktf.out/stacks/prod-bedrock/cdk.tf.json  4 profiles  (prod, eu-central-1)`, one line per stack. */
export function synthSummary(environments: readonly ResolvedEnvironment[], outdir: string): string {
  const files = environments.map((e) => join(outdir, "stacks", e.stackName, "cdk.tf.json"));
  const width = Math.max(...files.map((file) => file.length));
  const lines = environments.map((e, i) => {
    const count = `${e.profiles.length} profile${e.profiles.length === 1 ? "" : "s"}`;
    return `${files[i].padEnd(width)}  ${count.padStart(11)}  (${e.env}, ${e.region})`;
  });
  const total = environments.reduce((sum, e) => sum + e.profiles.length, 0);
  return `${lines.join("\n")}\nsynthesized ${environments.length} stacks, ${total} profiles\n`;
}
