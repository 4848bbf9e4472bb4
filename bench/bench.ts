/**
 * Benchmark of the whole `npm run synth` process: profiles YAML in, OpenTofu JSON out.
 *
 * What is measured, and why this way:
 * - Each run spawns the command of `npm run synth` (`node scripts/synth.js`) as a fresh process,
 *   because that is what users and CI pay for: Node start-up, module loading, parsing,
 *   validation, synthesis and writing the JSON. Timing in-process would hide all of that. The
 *   untimed warm-up run builds dist/main.js if it is stale, so the timed runs measure a synth
 *   with an up-to-date bundle, the everyday case; the build itself is timed once and printed.
 * - The floor: the smallest cdktf app with one AWS resource (`bench/floor.js`), run with the same
 *   Node flags. Absolute times vary between machines and with load; the ratio to the floor
 *   measured in the same run does not, so every size is reported as that ratio. Runs are
 *   interleaved (run 1 of every case, then run 2 of every case, ...) so that a burst of load from
 *   other processes hits all cases alike instead of one.
 * - Wall time is taken here around spawn → close with a monotonic clock, so it is identical for
 *   both memory probes below (the extra exec of /usr/bin/time costs ~1 ms, which is noise).
 * - Peak memory: GNU time (`/usr/bin/time -f '%e %M'`) reports ru_maxrss from wait4(), which the
 *   kernel folds over every reaped descendant: the exact peak RSS of the largest single process of
 *   the tree, measured by the kernel with no sampling. The synth runs in one node process (tsx is
 *   loaded with --import, no launcher), so this is the whole process's peak. A BENCH_COMMAND that
 *   spawns children reports its largest process, not their sum.
 * - Fallback without GNU time (or with `--memory proc`): poll /proc every 10 ms, walk the process
 *   tree and keep each process's VmHWM (its kernel-tracked high-water mark), reporting the largest
 *   one, i.e. the same quantity as GNU time. VmHWM is monotonic, so sampling only misses growth in
 *   the last poll interval before a process exits: the figure is a slight lower bound.
 * - One untimed warm-up run precedes the measurements so the first row does not pay for a cold
 *   page cache and an empty tsx transform cache; every timed run gets a fresh, empty output dir.
 *
 * Usage: npm run bench -- [--runs 5] [--sizes 100,1000,4000] [--memory gnu-time|proc] [--json]
 * Override: BENCH_COMMAND='["node","dist/main.js"]' replaces the synth command (a JSON argv array,
 * run without a shell from the repo root, with PROFILES_CONFIG and CDKTF_OUTDIR set) — handy for
 * comparing alternative entry points, and for testing this harness before main.ts exists.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { failureResult, writeResult } from "../cli/command-result.ts";
import { DiagnosticError } from "../cli/diagnostic.ts";
import { show } from "../config/errors.ts";
import { type BenchCase, benchCases, floorCommand, REPO_ROOT } from "./cases.ts";
import { GNU_TIME, hasGnuTime, type MemoryProbe, measure, RunFailure } from "./measure.ts";
import { formatTable, probeNote, summarize, targetsLine, verdicts } from "./report.ts";

const SYNTH_SCRIPT = join(REPO_ROOT, "scripts", "synth.js");
const DEFAULT_SIZES = [100, 1000, 4000];
const DEFAULT_RUNS = 5;

interface Options {
  runs: number;
  sizes: number[];
  probe: MemoryProbe;
  json: boolean;
}

const USAGE_LINE = "npm run bench -- [--runs N] [--sizes 100,1000,...] [--memory gnu-time|proc] [--json]";

/** Bad flags or environment: a diagnostic (cli/diagnostic.ts) rather than a stack trace, exit 2. */
function usageError(message: string, hints: { allowed?: string; fix?: string } = {}): DiagnosticError {
  return new DiagnosticError({ where: "bench", message, ...hints }, 2);
}

/** Parses a positive integer CLI value, failing loudly rather than benchmarking nonsense. */
function positiveInt(text: string, what: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw usageError(`${what} must be a positive integer, got ${show(text)}`, { allowed: "1, 2, 3, …" });
  }
  return value;
}

/** node's parseArgs, with its errors (unknown flag, missing value) turned into a usage message. */
function parseFlags(argv: string[]): {
  runs?: string | undefined;
  sizes?: string | undefined;
  memory?: string | undefined;
  json?: boolean | undefined;
} {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      options: {
        runs: { type: "string" },
        sizes: { type: "string" },
        memory: { type: "string" },
        json: { type: "boolean" },
      },
    }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw usageError(message, { fix: `use only these flags: ${USAGE_LINE}` });
  }
}

/** Reads --runs, --sizes and --memory; defaults to GNU time when it is available. */
function parseOptions(argv: string[]): Options {
  const values = parseFlags(argv);
  const runs = values.runs === undefined ? DEFAULT_RUNS : positiveInt(values.runs, "--runs");
  const sizes =
    values.sizes === undefined ? DEFAULT_SIZES : values.sizes.split(",").map((s) => positiveInt(s.trim(), "--sizes"));
  const memory = values.memory ?? (hasGnuTime() ? "gnu-time" : "proc");
  if (memory !== "gnu-time" && memory !== "proc")
    throw usageError(`--memory must be gnu-time or proc, got ${show(memory)}`, { allowed: "gnu-time, proc" });
  if (memory === "gnu-time" && !hasGnuTime()) {
    throw usageError(`--memory gnu-time needs GNU time at ${GNU_TIME}`, {
      fix: "install GNU time, or pass --memory proc",
    });
  }
  return { runs, sizes, probe: memory, json: values.json ?? false };
}

/** The synth argv: BENCH_COMMAND (JSON array) if set, else the command of `npm run synth`. */
function synthCommand(): string[] {
  const override = process.env.BENCH_COMMAND;
  if (override !== undefined && override !== "") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(override);
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((part) => typeof part === "string")) {
      throw usageError(`BENCH_COMMAND is not a non-empty JSON array of strings: ${override}`, {
        allowed: 'a non-empty JSON array of strings, e.g. ["node","main.js"]',
      });
    }
    return parsed;
  }
  if (!existsSync(SYNTH_SCRIPT)) {
    throw usageError(`${SYNTH_SCRIPT} does not exist`, { fix: "write it or set BENCH_COMMAND" });
  }
  // The same command as `npm run synth`, without npm's own start-up.
  return [process.execPath, SYNTH_SCRIPT];
}

/** Entry point: measure, print (a table, or JSON with --json), clean up; non-zero only when a run fails. */
async function main(): Promise<void> {
  let options: Options;
  let command: string[];
  let cases: BenchCase[];
  try {
    options = parseOptions(process.argv.slice(2));
    command = synthCommand();
    // Counting the shipped profiles loads the config: a broken one is its report, not a stack trace.
    cases = benchCases(options.sizes, command);
  } catch (error) {
    writeResult(failureResult(error));
    return;
  }
  const root = mkdtempSync(join(tmpdir(), "bench-profiles-"));
  const cleanUp = (): void => rmSync(root, { recursive: true, force: true });
  process.once("SIGINT", () => {
    cleanUp();
    process.exit(130);
  });
  try {
    const summaries = summarize(await measure(cases, options, root));
    const checks = verdicts(summaries);
    if (options.json) {
      const report = {
        date: new Date().toISOString(),
        node: process.version,
        command,
        floorCommand: floorCommand(command),
        runsPerSize: options.runs,
        memoryProbe: options.probe,
        cases: summaries,
        targets: checks,
      };
      console.log(JSON.stringify(report, null, 2));
      return;
    }
    console.log(`command: ${JSON.stringify(command)} | floor: ${JSON.stringify(floorCommand(command))}`);
    console.log(`runs per size: ${options.runs}, interleaved | ${probeNote(options.probe)}`);
    console.log("");
    console.log(formatTable(summaries));
    console.log("");
    console.log(targetsLine(checks));
  } catch (error) {
    if (!(error instanceof RunFailure)) throw error;
    console.error(`${error.message}; its output:\n${error.output}`);
    process.exitCode = 1;
  } finally {
    cleanUp();
  }
}

await main();
