/**
 * `npm run synth`: read the profiles file, check it, and synthesize one stack per environment
 * into `CDKTF_OUTDIR` (default `cdktf.out`). On a config error: the report on stderr, exit 1,
 * the output directory untouched.
 */
import { BUILT_IN_MODELS } from "./config/catalog.ts";
import { ConfigError } from "./config/errors.ts";
import { configPath, loadConfig } from "./config/loader.ts";
import { resolveEnvironments } from "./config/resolve.ts";
import { resolveBilling } from "./config/resolve-billing.ts";
import { buildApp, localStatePath } from "./stacks/bedrock-app.ts";

// tsx turns on source maps for stack traces; cdktf captures a full stack trace for every token
// it creates, and mapping those frames doubled the time to build 1,000 profiles. Nothing here
// prints a stack trace of user code, so the maps are not worth their cost.
process.setSourceMapsEnabled(false);

const outdir = process.env.CDKTF_OUTDIR || "cdktf.out";
try {
  const config = loadConfig(configPath(), { warn: (warning) => process.stderr.write(warning) });
  const billing = resolveBilling(config);
  buildApp(resolveEnvironments(config, BUILT_IN_MODELS), {
    outdir,
    localStatePath: (stack) => localStatePath(outdir, stack, process.cwd()),
    ...(billing === undefined ? {} : { billing }),
  }).synth();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(error.message);
  process.exitCode = 1;
}
