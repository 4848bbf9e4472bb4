/**
 * Running the cases: each run a fresh child process, timed around spawn → close, its peak memory
 * from GNU time or from /proc (see bench.ts for why each).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { show } from "../config/errors.ts";
import { type BenchCase, REPO_ROOT } from "./cases.ts";

export const GNU_TIME = "/usr/bin/time";
export const PROC_POLL_MS = 10;

/** How peak memory is read: GNU time (exact) or /proc polling (a slight lower bound). */
export type MemoryProbe = "gnu-time" | "proc";

/** One timed run: wall seconds and peak RSS in KiB (null when the probe saw nothing). */
export interface RunResult {
  seconds: number;
  peakKb: number | null;
}

/** Every timed run of one case. */
export interface CaseResult {
  benchCase: BenchCase;
  runs: RunResult[];
}

/** How a child process ended, with its output. */
interface ChildOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  seconds: number;
  stdout: string;
  stderr: string;
}

/** Thrown when a synth run fails, carrying what the user needs to see to debug it. */
export class RunFailure extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

/** True when /usr/bin/time is GNU time (BusyBox/BSD time lack `-o` and `%M` semantics differ). */
export function hasGnuTime(): boolean {
  if (!existsSync(GNU_TIME)) return false;
  const probe = spawnSync(GNU_TIME, ["--version"], { encoding: "utf8" });
  return `${probe.stdout}${probe.stderr}`.includes("GNU");
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
  throw new RunFailure(`synth run for ${show(label)} failed with ${how}`, `${outcome.stderr}${outcome.stdout}`);
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
export async function measure(
  cases: BenchCase[],
  options: { readonly runs: number; readonly probe: MemoryProbe },
  root: string,
): Promise<CaseResult[]> {
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
