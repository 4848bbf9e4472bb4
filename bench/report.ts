/**
 * What `npm run bench` prints: the medians of every case against the floor, and the targets.
 */
import { type CaseResult, GNU_TIME, hasGnuTime, type MemoryProbe, PROC_POLL_MS, type RunResult } from "./measure.ts";

/** Above this ratio of marginal per-profile cost (4000 vs 1000) growth is called superlinear. */
const LINEARITY_TOLERANCE = 1.3;
/** SPEC "Performance" and issue 15: ratios to the floor, and peak memory at 4,000 profiles. */
const TARGETS = { shippedRatio: 1.5, thousandRatio: 4, fourThousandMb: 300 } as const;

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
export interface CaseSummary {
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
export function summarize(results: CaseResult[]): CaseSummary[] {
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
export function formatTable(summaries: CaseSummary[]): string {
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
export interface Verdict {
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

/** The SPEC performance targets, as ratios to the floor and peak memory. */
export function verdicts(summaries: CaseSummary[]): Verdict[] {
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
export function targetsLine(checks: Verdict[]): string {
  return `targets: ${checks
    .map(({ target, verdict, value }) => `${target}: ${verdict}${value === null ? "" : ` (${value.toFixed(2)})`}`)
    .join(" | ")}`;
}

/** Describes the memory probe so readers know what the MB column means. */
export function probeNote(probe: MemoryProbe): string {
  if (probe === "gnu-time") return `peak MB: GNU time %M (max RSS of the largest process in the tree), MiB`;
  const why = hasGnuTime() ? "--memory proc" : `note: GNU time not found at ${GNU_TIME}, falling back to /proc`;
  return `peak MB: ${why}; largest VmHWM polled every ${PROC_POLL_MS} ms (slight lower bound), MiB`;
}
