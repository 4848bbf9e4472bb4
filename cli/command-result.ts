/**
 * What every command runner returns (profiles, catalog, review, the infra preflight), so it can
 * be tested without a process and written by one function.
 */
import { ConfigError } from "../config/errors.ts";
import { DiagnosticError } from "./diagnostic.ts";

/** What a run printed and how it ended. */
export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The result of a run stopped by `error`: the config report (exit 1) or the diagnostic with its
 * exit code. Anything else is a bug, rethrown.
 */
export function failureResult(error: unknown): CommandResult {
  if (error instanceof ConfigError) return { exitCode: 1, stdout: "", stderr: error.message };
  if (error instanceof DiagnosticError) return { exitCode: error.exitCode, stdout: "", stderr: error.report() };
  throw error;
}

/** Print a result as the process's output and exit code. */
export function writeResult(result: CommandResult): void {
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
