/**
 * Synthesis that leaves either the complete new output or the previous one, never a mix: cdktf
 * writes into a fresh directory beside the outdir, which replaces the outdir only once every
 * stack was written. A failure part-way (a construct error, a full disk) removes the fresh
 * directory and leaves the outdir as it was.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/**
 * Run `write` on a temporary directory beside `outdir` (same file system, so the move is a
 * rename), then put that directory in place of `outdir`.
 */
export function synthIntoPlace(outdir: string, write: (directory: string) => void): void {
  const target = resolve(outdir);
  // cdktf creates a missing outdir with its parents; so does this, for the staging directory's sake.
  mkdirSync(dirname(target), { recursive: true });
  const staging = mkdtempSync(join(dirname(target), `.${basename(target)}.new-`));
  try {
    write(staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const previous = `${staging}.old`;
  const hadPrevious = existsSync(target);
  if (hadPrevious) renameSync(target, previous);
  renameSync(staging, target);
  if (hadPrevious) rmSync(previous, { recursive: true, force: true });
}
