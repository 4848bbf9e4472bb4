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
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse as parseYaml } from "yaml";
import { failureResult, writeResult } from "../cli/command-result.ts";
import { DiagnosticError } from "../cli/diagnostic.ts";
import { generateConfig } from "./generate-config.js";

/** Repo root, derived from this file so the bench works from any working directory. */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SHIPPED_CONFIG = join(REPO_ROOT, "config", "profiles.yaml");
const FLOOR_APP = join(REPO_ROOT, "bench", "floor.js");
const SYNTH_SCRIPT = join(REPO_ROOT, "scripts", "synth.js");
const GNU_TIME = "/usr/bin/time";
const DEFAULT_SIZES = [100, 1000, 4000];
const DEFAULT_RUNS = 5;
const PROC_POLL_MS = 10;
/** Above this ratio of marginal per-profile cost (4000 vs 1000) growth is called superlinear. */
const LINEARITY_TOLERANCE = 1.3;
/** The targets of docs/performance.md and issue 15: ratios to the floor, and peak memory at 4,000 profiles. */
const TARGETS = { shippedRatio: 1.5, thousandRatio: 4, fourThousandMb: 300 } as const;

type MemoryProbe = "gnu-time" | "proc";

interface Options {
  runs: number;
  sizes: number[];
  probe: MemoryProbe;
  json: boolean;
}

interface BenchCase {
  label: string;
  profiles: number;
  configText: string;
  /** The argv that runs this case: the synth command, or the floor app for the floor. */
  command: string[];
}

interface RunResult {
  seconds: number;
  peakKb: number | null;
}

interface CaseResult {
  benchCase: BenchCase;
  runs: RunResult[];
}

interface ChildOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  seconds: number;
  stdout: string;
  stderr: string;
}

const USAGE_LINE = "npm run bench -- [--runs N] [--sizes 100,1000,...] [--memory gnu-time|proc] [--json]";

/** Bad flags or environment: a diagnostic (cli/diagnostic.ts) rather than a stack trace, exit 2. */
function usageError(message: string, hints: { allowed?: string; fix?: string } = {}): DiagnosticError {
  return new DiagnosticError({ where: "bench", message, ...hints }, 2);
}

/** Thrown when a synth run fails, carrying what the user needs to see to debug it. */
class RunFailure extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

/** Parses a positive integer CLI value, failing loudly rather than benchmarking nonsense. */
function positiveInt(text: string, what: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw usageError(`${what} must be a positive integer, got "${text}"`, { allowed: "1, 2, 3, …" });
  }
  return value;
}

/** True when /usr/bin/time is GNU time (BusyBox/BSD time lack `-o` and `%M` semantics differ). */
function hasGnuTime(): boolean {
  if (!existsSync(GNU_TIME)) return false;
  const probe = spawnSync(GNU_TIME, ["--version"], { encoding: "utf8" });
  return `${probe.stdout}${probe.stderr}`.includes("GNU");
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
    throw usageError(`--memory must be gnu-time or proc, got "${memory}"`, { allowed: "gnu-time, proc" });
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

/**
 * The floor's argv: node with the synth command's Node flags, running bench/floor.js. A
 * TypeScript loader (`--import tsx`) is left out: the floor is JavaScript, and the loader's
 * start-up is exactly the kind of cost the floor exists to expose.
 */
function floorCommand(command: string[]): string[] {
  const [file, ...args] = command;
  if (file === undefined || !/^node(\.exe)?$/.test(basename(file))) return [process.execPath, FLOOR_APP];
  const flags: string[] = [];
  for (let index = 0; index < args.length && (args[index] ?? "").startsWith("-"); index += 1) {
    const flag = args[index] ?? "";
    if (flag === "--import" && args[index + 1] === "tsx") index += 1;
    else if (flag !== "--import=tsx") flags.push(flag);
  }
  return [file, ...flags, FLOOR_APP];
}

/** Number of profile instances in a config: each profile counts once per listed env. */
function countProfileInstances(configText: string): number {
  const config: unknown = parseYaml(configText);
  let count = 0;
  for (const product of Object.values(objectField(config, "products"))) {
    for (const profile of Object.values(objectField(product, "profiles"))) {
      const envs = objectField(profile, "envs");
      count += Array.isArray(envs) ? envs.length : 0;
    }
  }
  return count;
}

/** Reads a field of an unknown YAML node, treating anything malformed as empty. */
function objectField(node: unknown, key: string): Record<string, unknown> {
  if (typeof node !== "object" || node === null) return {};
  const value: unknown = (node as Record<string, unknown>)[key];
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

/** The floor, the shipped config (the everyday case), then the synthetic sizes. */
function benchCases(sizes: number[], command: string[]): BenchCase[] {
  const cases: BenchCase[] = [{ label: "floor", profiles: 0, configText: "", command: floorCommand(command) }];
  if (existsSync(SHIPPED_CONFIG)) {
    const configText = readFileSync(SHIPPED_CONFIG, "utf8");
    cases.push({
      label: "shipped",
      profiles: countProfileInstances(configText),
      configText,
      command,
    });
  } else {
    console.error(`note: ${SHIPPED_CONFIG} not found, skipping the "shipped" row`);
  }
  for (const size of sizes)
    cases.push({
      label: String(size),
      profiles: size,
      configText: generateConfig(size),
      command,
    });
  return cases;
}

/** Spawns argv without a shell and resolves once it has exited and its output is drained. */
function runChild(argv: string[], env: NodeJS.ProcessEnv, onSpawn: (pid: number) => void): Promise<ChildOutcome> {
  const [file, ...args] = argv;
  if (file === undefined) return Promise.reject(new Error("empty command"));
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, args, {
      cwd: REPO_ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    if (child.pid !== undefined) onSpawn(child.pid);
    child.on("close", (code, signal) => {
      resolvePromise({
        code,
        signal,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      });
    });
  });
}

/** Direct children of a process (all threads), or none if it is already gone. */
function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** A process's peak RSS so far in KiB, or null if it exited or is a zombie without memory. */
function highWaterMarkKb(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match?.[1] === undefined ? null : Number(match[1]);
  } catch {
    return null;
  }
}

/** Polls the tree under `root`, remembering each process's latest (monotonic) VmHWM. */
function startProcSampler(root: number): { stop: () => number | null } {
  const peaks = new Map<number, number>();
  const sample = (): void => {
    const stack = [root];
    for (let pid = stack.pop(); pid !== undefined; pid = stack.pop()) {
      const hwm = highWaterMarkKb(pid);
      if (hwm !== null) peaks.set(pid, Math.max(hwm, peaks.get(pid) ?? 0));
      stack.push(...childPids(pid));
    }
  };
  sample();
  const timer = setInterval(sample, PROC_POLL_MS);
  return {
    stop: () => {
      clearInterval(timer);
      return peaks.size === 0 ? null : Math.max(...peaks.values());
    },
  };
}

/** Turns a non-zero exit into a RunFailure that shows the command's own output. */
function assertSucceeded(outcome: ChildOutcome, label: string): void {
  if (outcome.code === 0) return;
  const how = outcome.signal === null ? `exit code ${outcome.code}` : `signal ${outcome.signal}`;
  throw new RunFailure(`synth run for "${label}" failed with ${how}`, `${outcome.stderr}${outcome.stdout}`);
}

/** One measured run under GNU time; its report goes to a file so it cannot mix with stderr. */
async function runWithGnuTime(
  command: string[],
  env: NodeJS.ProcessEnv,
  workDir: string,
  label: string,
): Promise<RunResult> {
  const reportFile = join(workDir, "time.txt");
  const outcome = await runChild([GNU_TIME, "-f", "%e %M", "-o", reportFile, ...command], env, () => {});
  assertSucceeded(outcome, label);
  // GNU time may prepend a status line; the format line is always last.
  const lastLine = readFileSync(reportFile, "utf8").trim().split("\n").at(-1) ?? "";
  const maxRssKb = Number(lastLine.split(" ")[1]);
  return {
    seconds: outcome.seconds,
    peakKb: Number.isFinite(maxRssKb) ? maxRssKb : null,
  };
}

/** One measured run with the /proc sampling fallback. */
async function runWithProcSampler(command: string[], env: NodeJS.ProcessEnv, label: string): Promise<RunResult> {
  let sampler: { stop: () => number | null } | undefined;
  const outcome = await runChild(command, env, (pid) => {
    sampler = startProcSampler(pid);
  });
  const peakKb = sampler?.stop() ?? null;
  assertSucceeded(outcome, label);
  return { seconds: outcome.seconds, peakKb };
}

/** Runs synth once against `configPath`, into a fresh output dir that is removed afterwards. */
async function runOnce(
  command: string[],
  probe: MemoryProbe,
  configPath: string,
  workDir: string,
  label: string,
): Promise<RunResult> {
  const outDir = join(workDir, "cdktf.out");
  rmSync(outDir, { recursive: true, force: true });
  const env = {
    ...process.env,
    PROFILES_CONFIG: configPath,
    CDKTF_OUTDIR: outDir,
  };
  const result =
    probe === "gnu-time"
      ? await runWithGnuTime(command, env, workDir, label)
      : await runWithProcSampler(command, env, label);
  rmSync(outDir, { recursive: true, force: true });
  return result;
}

/**
 * Writes each case's config into its own temp dir, warms every command up once (untimed), then
 * measures `runs` rounds, each round running every case once, so load bursts hit all cases alike.
 */
async function measure(cases: BenchCase[], options: Options, root: string): Promise<CaseResult[]> {
  const prepared = cases.map((benchCase, index) => {
    const workDir = join(root, `case-${index}-${benchCase.label}`);
    mkdirSync(workDir);
    const configPath = join(workDir, "profiles.yaml");
    writeFileSync(configPath, benchCase.configText);
    return { benchCase, workDir, configPath, runs: [] as RunResult[] };
  });
  const warmed = new Set<string>();
  for (const { benchCase, workDir, configPath } of prepared) {
    const key = JSON.stringify(benchCase.command);
    if (warmed.has(key)) continue;
    warmed.add(key);
    console.error(`warm-up run (${benchCase.label}, not measured; builds dist/ if it is stale)`);
    await runOnce(benchCase.command, options.probe, configPath, workDir, benchCase.label);
  }
  for (let run = 1; run <= options.runs; run += 1) {
    console.error(`round ${run}/${options.runs}`);
    for (const { benchCase, workDir, configPath, runs } of prepared)
      runs.push(await runOnce(benchCase.command, options.probe, configPath, workDir, benchCase.label));
  }
  return prepared.map(({ benchCase, runs }) => ({ benchCase, runs }));
}

/** Median; robust against the odd slow run from a noisy machine. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? Number.NaN) + upper) / 2;
}

/** Median peak memory in MiB, or null when the probe could not see the process. */
function medianPeakMb(runs: RunResult[]): number | null {
  const peaks = runs.flatMap((run) => (run.peakKb === null ? [] : [run.peakKb]));
  return peaks.length === 0 ? null : median(peaks) / 1024;
}

/** Median wall seconds of a case. */
function medianSeconds(result: CaseResult): number {
  return median(result.runs.map((run) => run.seconds));
}

/** One row of the report: the medians of a case and what they mean against the floor. */
interface CaseSummary {
  label: string;
  profiles: number;
  medianSeconds: number;
  minSeconds: number;
  maxSeconds: number;
  /** Median wall time divided by the floor's median wall time of the same run. */
  ratioToFloor: number;
  peakMb: number | null;
  /** (median − floor median) / profiles, in ms: what each profile adds to the floor. */
  msPerProfile: number | null;
  runs: RunResult[];
}

/** The medians of every case, each set against the floor measured in the same run. */
function summarize(results: CaseResult[]): CaseSummary[] {
  const floor = results.find((result) => result.benchCase.label === "floor");
  const floorSeconds = floor === undefined ? Number.NaN : medianSeconds(floor);
  return results.map((result) => {
    const { benchCase, runs } = result;
    const seconds = runs.map((run) => run.seconds);
    const med = medianSeconds(result);
    return {
      label: benchCase.label,
      profiles: benchCase.profiles,
      medianSeconds: med,
      minSeconds: Math.min(...seconds),
      maxSeconds: Math.max(...seconds),
      ratioToFloor: med / floorSeconds,
      peakMb: medianPeakMb(runs),
      msPerProfile: benchCase.profiles === 0 ? null : ((med - floorSeconds) / benchCase.profiles) * 1000,
      runs,
    };
  });
}

/** Renders rows as a plain table, numbers right-aligned so magnitudes line up. */
function formatTable(summaries: CaseSummary[]): string {
  const header = ["profiles", "median s", "min s", "max s", "x floor", "peak MB (median)", "ms per profile"];
  const rows = summaries.map((row) => [
    row.label === "shipped" ? `shipped (${row.profiles})` : row.label === "floor" ? "floor (1 resource)" : row.label,
    row.medianSeconds.toFixed(3),
    row.minSeconds.toFixed(3),
    row.maxSeconds.toFixed(3),
    `${row.ratioToFloor.toFixed(2)}x`,
    row.peakMb === null ? "n/a" : row.peakMb.toFixed(1),
    row.msPerProfile === null ? "n/a" : row.msPerProfile.toFixed(3),
  ]);
  const widths = header.map((title, col) => Math.max(title.length, ...rows.map((row) => (row[col] ?? "").length)));
  const line = (cells: string[], alignRight: boolean): string =>
    cells
      .map((cell, col) => (alignRight && col > 0 ? cell.padStart(widths[col] ?? 0) : cell.padEnd(widths[col] ?? 0)))
      .join(" | ");
  const rule = widths.map((width) => "-".repeat(width)).join("-|-");
  return [line(header, false), rule, ...rows.map((row) => line(row, true))].join("\n");
}

/** A target's verdict: PASS/MISS with the measured value, or n/a when its row was not measured. */
interface Verdict {
  target: string;
  verdict: "PASS" | "MISS" | "n/a";
  value: number | null;
}

/** PASS when `value` is within `limit`. */
function check(target: string, value: number | null | undefined, limit: number): Verdict {
  if (value === null || value === undefined || Number.isNaN(value)) return { target, verdict: "n/a", value: null };
  return { target, verdict: value <= limit ? "PASS" : "MISS", value };
}

/**
 * Per-profile cost growth from 1,000 to 4,000 profiles with the 100-profile time as start-up;
 * ≈ 1.0 means linear.
 */
function linearity(byLabel: Map<string, CaseSummary>): Verdict {
  const target = `linear (ms per profile 4,000 vs 1,000 <= ${LINEARITY_TOLERANCE}x)`;
  const base = byLabel.get("100");
  const mid = byLabel.get("1000");
  const big = byLabel.get("4000");
  if (base === undefined || mid === undefined || big === undefined) return { target, verdict: "n/a", value: null };
  const perProfileMid = (mid.medianSeconds - base.medianSeconds) / (1000 - 100);
  const perProfileBig = (big.medianSeconds - base.medianSeconds) / (4000 - 100);
  if (perProfileMid <= 0) return { target, verdict: "n/a", value: null };
  return check(target, perProfileBig / perProfileMid, LINEARITY_TOLERANCE);
}

/** The performance targets (docs/performance.md), as ratios to the floor and peak memory. */
function verdicts(summaries: CaseSummary[]): Verdict[] {
  const byLabel = new Map(summaries.map((row) => [row.label, row]));
  return [
    check(`shipped <= ${TARGETS.shippedRatio}x floor`, byLabel.get("shipped")?.ratioToFloor, TARGETS.shippedRatio),
    check(
      `1,000 profiles <= ${TARGETS.thousandRatio}x floor`,
      byLabel.get("1000")?.ratioToFloor,
      TARGETS.thousandRatio,
    ),
    check(`4,000 profiles <= ${TARGETS.fourThousandMb} MB`, byLabel.get("4000")?.peakMb, TARGETS.fourThousandMb),
    linearity(byLabel),
  ];
}

/** One line comparing the measurements with the targets. */
function targetsLine(checks: Verdict[]): string {
  return `targets: ${checks
    .map(({ target, verdict, value }) => `${target}: ${verdict}${value === null ? "" : ` (${value.toFixed(2)})`}`)
    .join(" | ")}`;
}

/** Describes the memory probe so readers know what the MB column means. */
function probeNote(probe: MemoryProbe): string {
  if (probe === "gnu-time") return `peak MB: GNU time %M (max RSS of the largest process in the tree), MiB`;
  const why = hasGnuTime() ? "--memory proc" : `note: GNU time not found at ${GNU_TIME}, falling back to /proc`;
  return `peak MB: ${why}; largest VmHWM polled every ${PROC_POLL_MS} ms (slight lower bound), MiB`;
}

/** Entry point: measure, print (a table, or JSON with --json), clean up; non-zero only when a run fails. */
async function main(): Promise<void> {
  let options: Options;
  let command: string[];
  try {
    options = parseOptions(process.argv.slice(2));
    command = synthCommand();
  } catch (error) {
    writeResult(failureResult(error));
    return;
  }
  const cases = benchCases(options.sizes, command);
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
