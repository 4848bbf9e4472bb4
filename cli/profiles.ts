/**
 * `npm run profiles`: the resolved profiles and their consumer policies, without AWS.
 * Usage and exit codes: {@link runProfilesCommand}.
 */
import { configPath } from "../config/loader.ts";
import { writeResult } from "./command-result.ts";
import { runProfilesCommand } from "./profiles-command.ts";

writeResult(runProfilesCommand(process.argv.slice(2), configPath()));
