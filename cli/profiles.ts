/**
 * `npm run profiles`: the resolved profiles and their consumer policies, without AWS.
 * Usage and exit codes: {@link runProfilesCommand}.
 */
import { configPath } from "../config/loader.ts";
import { runProfilesCommand } from "./profiles-command.ts";

const result = runProfilesCommand(process.argv.slice(2), configPath());
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
