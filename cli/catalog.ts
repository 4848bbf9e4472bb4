/**
 * `npm run catalog`: refresh the model catalog from AWS's own answer, or list it.
 * Usage and exit codes: {@link runCatalogCommand}.
 */
import { fileURLToPath } from "node:url";
import { runCatalogCommand } from "./catalog-command.ts";
import { writeResult } from "./command-result.ts";

writeResult(runCatalogCommand(process.argv.slice(2), fileURLToPath(new URL("..", import.meta.url))));
