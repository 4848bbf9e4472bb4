/**
 * `npm run synth`: read the profiles file, check it, and synthesize one stack per environment
 * into `CDKTF_OUTDIR` (default `cdktf.out`), printing one line per stack written. On a config error
 * or a failed synthesis: the report on stderr (never a stack trace), exit 1, the output directory
 * untouched.
 */

import { synthSummary } from "./cli/synth-summary.ts";
import { ConfigError, synthesisFailure } from "./config/errors.ts";
import { configPath, loadPlan } from "./config/loader.ts";
import { buildApp, localStatePath } from "./stacks/bedrock-app.ts";
import { synthIntoPlace } from "./stacks/synth-into-place.ts";

// tsx turns on source maps for stack traces; cdktf captures a full stack trace for every token
// it creates, and mapping those frames doubled the time to build 1,000 profiles. Nothing here
// prints a stack trace of user code, so the maps are not worth their cost.
process.setSourceMapsEnabled(false);

const outdir = process.env.CDKTF_OUTDIR || "cdktf.out";
const file = configPath();
try {
  const { environments, billing, warnings } = loadPlan(file);
  for (const warning of warnings) process.stderr.write(warning);
  synthIntoPlace(outdir, (directory) =>
    buildApp(environments, {
      outdir: directory,
      // The state path is relative to where the stacks end up, not to the staging directory.
      localStatePath: (stack) => localStatePath(outdir, stack, process.cwd()),
      ...(billing === undefined ? {} : { billing }),
    }).synth(),
  );
  process.stdout.write(synthSummary(environments, outdir, billing));
} catch (error) {
  process.stderr.write(error instanceof ConfigError ? error.message : synthesisFailure(error, file));
  process.exitCode = 1;
}
