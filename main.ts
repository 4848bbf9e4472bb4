/**
 * `npm run synth`: read the profiles file, check it, and synthesize one stack per environment
 * into `CDKTF_OUTDIR` (default `cdktf.out`). On a config error: the report on stderr, exit 1,
 * the output directory untouched.
 */
import { BUILT_IN_MODELS } from "./config/catalog.ts";
import { ConfigError } from "./config/errors.ts";
import { configPath, loadConfig } from "./config/loader.ts";
import { resolveEnvironments } from "./config/resolve.ts";
import { buildApp, localStatePath } from "./stacks/bedrock-app.ts";

// tsx turns on source maps for stack traces; cdktf captures a full stack trace for every token
// it creates, and mapping those frames doubled the time to build 1,000 profiles. Nothing here
// prints a stack trace of user code, so the maps are not worth their cost.
process.setSourceMapsEnabled(false);

// cdktf records where each token was made: every attribute reference, Lazy and intrinsic calls
// Error.captureStackTrace on a plain object with an unlimited depth and formats the whole stack
// (cdktf/lib/tokens/private/stack-trace.js, copied from
// https://github.com/aws/constructs/blob/e01e47f78ef1e9b600efcd23ff7705aa8d384017/lib/private/stack-trace.ts).
// `App({ stackTraces: false })` does not reach it. The trace is read only to explain a token
// that fails to resolve, which a resolved plan never produces, yet formatting it took a fifth
// of the CPU at 1,000 profiles and holding it 90 MB at 4,000. Real errors keep V8's format.
Error.prepareStackTrace = (error, callSites) =>
  error instanceof Error ? `${error}\n    at ${callSites.join("\n    at ")}` : "";

const outdir = process.env.CDKTF_OUTDIR || "cdktf.out";
try {
  const config = loadConfig(configPath(), { warn: (warning) => process.stderr.write(warning) });
  buildApp(resolveEnvironments(config, BUILT_IN_MODELS), {
    outdir,
    localStatePath: (stack) => localStatePath(outdir, stack, process.cwd()),
  }).synth();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(error.message);
  process.exitCode = 1;
}
