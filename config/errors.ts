/**
 * The shape and layout of every report about the profiles file: where (file:line:col and key
 * path), what was given, what is allowed and how to fix it. Each rule words its own
 * {@link ConfigIssue} beside the check it makes (`*-rules.ts`, `shape-issues.ts`,
 * `yaml-syntax.ts`, `document-checks.ts`, `read-file.ts`); the loader locates them in the YAML
 * and throws one {@link ConfigError} holding all of them, laid out here, as are the warnings
 * and the report of a failed synthesis (with the one layout of cli/diagnostic.ts).
 */
import { formatDiagnostic } from "../cli/diagnostic.ts";

/** A path into the config, as in `products.agents.profiles.main.model`. */
export type ConfigPath = readonly (string | number)[];

/** One violation, before it is located in the file. */
export interface ConfigIssue {
  readonly path: ConfigPath;
  /** What is wrong, in one sentence without the location. */
  readonly message: string;
  /** What the rule accepts. */
  readonly allowed?: string;
  /** How to fix it, e.g. `did you mean "claude-sonnet-45"?`. */
  readonly fix?: string;
  /** Point at the key rather than its value (unknown keys, whole-entry rules). */
  readonly atKey?: boolean;
}

/** A line and column, 1-based. */
export interface Position {
  readonly line: number;
  readonly col: number;
}

/** A {@link ConfigIssue} with its place in the file. */
export interface LocatedIssue extends ConfigIssue {
  readonly file: string;
  readonly position?: Position;
}

/** `products.agents.profiles.main.model`; list indexes as `envs[1]`; `""` for the whole file. */
export function formatPath(path: ConfigPath): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else text += text === "" ? part : `.${part}`;
  }
  return text;
}

/** A value as it appears in a message: strings quoted, the rest as JSON. */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "nothing";
  return JSON.stringify(value) ?? String(value);
}

/** Up to `limit` items, then how many more. */
export function listSome(items: readonly string[], limit = 12): string {
  if (items.length <= limit) return items.join(", ");
  return `${items.slice(0, limit).join(", ")}, … (${items.length - limit} more)`;
}

/** Edit distance counting a swap of two neighbours as one edit (`prdo` is one from `prod`), for did-you-mean. */
function distance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        current[j] = Math.min(current[j], beforePrevious[j - 2] + 1);
      }
    }
    [beforePrevious, previous] = [previous, current];
  }
  return previous[b.length];
}

/**
 * The candidates closest to `value`, when close enough to be the intended one: all of those at
 * the smallest distance, in the given order (`prd` is as close to `pre` as to `prod`).
 */
export function closestAll(value: string, candidates: Iterable<string>): string[] {
  const wanted = value.toLowerCase();
  let best: string[] = [];
  let bestDistance = Math.max(2, Math.floor(wanted.length / 3));
  for (const candidate of candidates) {
    const d = distance(wanted, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [[candidate], d];
    else if (d === bestDistance) best.push(candidate);
  }
  return best;
}

/** The candidate closest to `value` (the first of equally close ones), when close enough. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  return closestAll(value, candidates)[0];
}

/** `did you mean "x"?` (or `"x" or "y"?` when equally close) when a candidate is close, else undefined. */
export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
  const suggestions = closestAll(value, candidates);
  return suggestions.length === 0 ? undefined : didYouMeanOneOf(suggestions);
}

/** `did you mean "a" or "b"?`: each suggestion as `written` writes it, quoted by default. */
export function didYouMeanOneOf(
  suggestions: readonly string[],
  written: (suggestion: string) => string = show,
): string {
  return `did you mean ${suggestions.map((suggestion) => written(suggestion)).join(" or ")}?`;
}

/**
 * `config/profiles.yaml:14:7 products.agents.profiles.main.model: <message>` and its hints;
 * `config/profiles.yaml:3:1: <message>` for the file as a whole.
 */
export function formatIssue(issue: LocatedIssue): string {
  const where = issue.position ? `${issue.file}:${issue.position.line}:${issue.position.col}` : issue.file;
  const path = formatPath(issue.path);
  return formatDiagnostic({ ...issue, where: `${where}${path === "" ? "" : ` ${path}`}` });
}

/** A warning about a valid config: the issue's lines prefixed `warning:`, ending in a newline, for stderr. */
export function formatWarning(issue: LocatedIssue): string {
  return `warning: ${formatIssue(issue)}\n`;
}

/** Issues in file order (unlocated ones last), duplicates removed. */
export function sortIssues(issues: readonly LocatedIssue[]): LocatedIssue[] {
  const seen = new Set<string>();
  const unique = issues.filter((issue) => {
    const id = formatIssue(issue);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const rank = (issue: LocatedIssue) =>
    issue.position ? issue.position.line * 1e6 + issue.position.col : Number.MAX_SAFE_INTEGER;
  return unique.sort((a, b) => rank(a) - rank(b));
}

/** The profiles file is invalid; `message` is the whole report, ready for stderr. */
export class ConfigError extends Error {
  readonly issues: readonly LocatedIssue[];

  constructor(issues: readonly LocatedIssue[]) {
    const sorted = sortIssues(issues);
    const count = sorted.length === 1 ? "1 error" : `${sorted.length} errors`;
    const file = sorted[0]?.file ?? "config";
    super(`${file}: ${count}; nothing was synthesized.\n\n${sorted.map(formatIssue).join("\n\n")}\n`);
    this.name = "ConfigError";
    this.issues = sorted;
  }
}

/**
 * The report of a synthesis that failed after the config passed every check: a bug of this
 * tool or of cdktf, or the machine (a full disk). The message, never a stack trace.
 */
export function synthesisFailure(error: unknown, file: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const diagnostic = formatDiagnostic({
    where: file,
    message: message.split("\n")[0],
    fix: "the file passed every check, so this is a bug of bedrock-profiles or a problem of the machine (disk space, permissions); please report it with this message",
  });
  return `${file}: synthesis failed; nothing was written.\n\n${diagnostic}\n`;
}
