/**
 * `npm run review -- --plan <file> [--plan <file>…] [--strict]`: what an engine's plan (`tofu show
 * -json <plan>`) does, in the words of the config review: what is replaced (and in which order),
 * added, updated in place, removed. The CI plan job writes it to the job summary. Exit 0; with
 * `--strict`, 2 when a replacement destroys before it creates (consumers would see a gap).
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { type CommandResult, failureResult } from "../cli/command-result.ts";
import { DiagnosticError } from "../cli/diagnostic.ts";
import { formatMarkdownTable, inlineCode, pluralize } from "../cli/table.ts";

// biome-ignore lint/suspicious/noExplicitAny: `show -json` output is read structurally
type Json = any;

/** One managed resource's planned change. */
export interface PlannedChange {
  readonly address: string;
  readonly actions: readonly string[];
  /** Top-level attributes that force the replacement. */
  readonly replacedBecause: readonly string[];
  /** Top-level attributes an in-place update changes. */
  readonly updated: readonly string[];
  readonly importing: boolean;
  readonly previousAddress: string | undefined;
}

/** The review of one plan. */
export interface PlanReview {
  readonly label: string;
  readonly changes: readonly PlannedChange[];
  /** address → addresses of the resources whose configuration reads it. */
  readonly readers: ReadonlyMap<string, readonly string[]>;
}

/** The replacement kinds: create-before-destroy is the zero-gap one. */
const CREATE_FIRST = JSON.stringify(["create", "delete"]);
const DESTROY_FIRST = JSON.stringify(["delete", "create"]);
const UPDATE = JSON.stringify(["update"]);

/** Whether the planned `actions` are one of `kinds`, each written as JSON text: `'["update"]'`. */
const actionsAre = (actions: readonly string[], ...kinds: string[]) => kinds.includes(JSON.stringify(actions));

function topLevelDifferences(before: Json, after: Json, afterUnknown: Json): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changed = [...keys].filter(
    (key) => afterUnknown?.[key] === true || JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key]),
  );
  // tags_all follows tags: named only when the provider's default_tags alone changed it.
  return changed.filter((key) => key !== "tags_all" || !changed.includes("tags")).sort();
}

/** Every `module.x.` prefix and its module's configuration, root first. */
function configuredModules(config: Json, prefix = ""): Array<{ prefix: string; module: Json }> {
  if (config === undefined) return [];
  const calls = Object.entries((config.module_calls ?? {}) as Record<string, Json>);
  return [
    { prefix, module: config },
    ...calls.flatMap(([name, call]) => configuredModules(call.module, `${prefix}module.${name}.`)),
  ];
}

/** Reads a plan (`show -json`) into a {@link PlanReview}. */
export function readPlan(plan: Json, label: string): PlanReview {
  const changes: PlannedChange[] = ((plan.resource_changes ?? []) as Json[])
    .filter((c) => c.mode === "managed")
    .map((c) => ({
      address: c.address,
      actions: c.change.actions,
      replacedBecause: [...new Set(((c.change.replace_paths ?? []) as Json[][]).map((path) => String(path[0])))].sort(),
      updated: actionsAre(c.change.actions, UPDATE)
        ? topLevelDifferences(c.change.before, c.change.after, c.change.after_unknown)
        : [],
      importing: c.change.importing !== undefined,
      previousAddress: c.previous_address,
    }));
  const readers = new Map<string, string[]>();
  for (const { prefix, module } of configuredModules(plan.configuration?.root_module)) {
    for (const resource of (module.resources ?? []) as Json[]) {
      if (resource.mode !== "managed") continue;
      const references = JSON.stringify(resource.expressions ?? {}).matchAll(/"references":\[([^\]]*)\]/g);
      for (const [, list] of references) {
        // A resource is read as `aws_x.name`; tofu lists that beside each attribute read (`aws_x.name.arn`).
        for (const reference of JSON.parse(`[${list}]`) as string[]) {
          if (reference.split(".").length !== 2) continue;
          const target = `${prefix}${reference}`;
          const reader = `${prefix}${resource.address}`;
          const known = readers.get(target) ?? [];
          if (!known.includes(reader)) readers.set(target, [...known, reader]);
        }
      }
    }
  }
  return { label, changes, readers };
}

/** Replacements that destroy before they create. */
function gaps(review: PlanReview): PlannedChange[] {
  return review.changes.filter((c) => actionsAre(c.actions, DESTROY_FIRST));
}

/** The order an apply takes for one replacement, as a sentence. */
function order(change: PlannedChange, review: PlanReview): string {
  const updatedReaders = (review.readers.get(change.address) ?? []).filter((reader) =>
    review.changes.some((c) => c.address === reader && actionsAre(c.actions, UPDATE)),
  );
  const then = updatedReaders.length === 0 ? "" : `, updates ${updatedReaders.map(inlineCode).join(", ")} in place`;
  if (actionsAre(change.actions, CREATE_FIRST)) {
    return `✅ creates the new one${then}, then destroys the old one`;
  }
  return `❌ destroys the old one first${then === "" ? "" : `, then creates the new one${then}`}: nothing answers in between`;
}

/** A kind of planned change: what the summary line calls it, and its table when it has one. */
interface ChangeKind {
  readonly word: string;
  readonly includes: (change: PlannedChange) => boolean;
  readonly table?: {
    readonly title: string;
    readonly headers: readonly string[];
    readonly cells: (change: PlannedChange, review: PlanReview) => readonly string[];
  };
}

const resourceTable = (title: string) => ({
  title,
  headers: ["resource"],
  cells: (c: PlannedChange) => [inlineCode(c.address)],
});

/** Every kind of change, in the order of the summary line; the tables follow {@link TABLE_ORDER}. */
const CHANGE_KINDS: readonly ChangeKind[] = [
  {
    word: "replaced",
    includes: (c) => actionsAre(c.actions, CREATE_FIRST, DESTROY_FIRST),
    table: {
      title: "**Replaced** (same address)",
      headers: ["resource", "why", "order"],
      cells: (c, review) => [
        inlineCode(c.address),
        c.replacedBecause.map(inlineCode).join(", ") || "—",
        order(c, review),
      ],
    },
  },
  { word: "added", includes: (c) => actionsAre(c.actions, '["create"]'), table: resourceTable("**Added**") },
  {
    word: "updated in place",
    includes: (c) => actionsAre(c.actions, UPDATE),
    table: {
      title: "**Updated in place**",
      headers: ["resource", "change"],
      cells: (c) => [inlineCode(c.address), c.updated.map(inlineCode).join(", ") || "—"],
    },
  },
  {
    word: "removed",
    includes: (c) => actionsAre(c.actions, '["delete"]'),
    table: resourceTable("**Removed** (destroyed)"),
  },
  {
    word: "moved",
    includes: (c) => c.previousAddress !== undefined && c.previousAddress !== c.address,
    table: {
      title: "**Moved**",
      headers: ["resource", "from"],
      cells: (c) => [inlineCode(c.address), inlineCode(c.previousAddress ?? "")],
    },
  },
  { word: "adopted", includes: (c) => c.importing, table: resourceTable("**Adopted** (imported)") },
  {
    word: "unchanged",
    includes: (c) => actionsAre(c.actions, '["no-op"]') && !c.importing && c.previousAddress === undefined,
  },
];

/** The tables in the order a reader wants them: what is replaced first, what is only moved last. */
const TABLE_ORDER = ["replaced", "added", "adopted", "updated in place", "removed", "moved"];

/** The Markdown section of one plan. */
export function renderPlanReview(review: PlanReview): string {
  const of = (kind: ChangeKind) => review.changes.filter(kind.includes);
  const counts = CHANGE_KINDS.map((kind) => [of(kind).length, kind.word] as const)
    .filter(([n]) => n > 0)
    .map(([n, word]) => `${n} ${word}`);
  const gapCount = gaps(review).length;
  const status = gapCount === 0 ? "✅ **No hazards**" : `⚠️ **${pluralize(gapCount, "replacement")} with a gap**`;
  const parts = [`### Plan of ${inlineCode(review.label)}`, `${status} · ${counts.join(" · ") || "no changes"}`];
  for (const word of TABLE_ORDER) {
    const kind = CHANGE_KINDS.find((candidate) => candidate.word === word);
    const changes = kind === undefined ? [] : of(kind);
    if (kind?.table === undefined || changes.length === 0) continue;
    const { title, headers, cells } = kind.table;
    parts.push(
      `${title}\n\n${formatMarkdownTable(
        headers,
        changes.map((c) => cells(c, review)),
      ).trimEnd()}`,
    );
  }
  return `${parts.join("\n\n")}\n`;
}

/** Exit code of `--strict` when a hazard is present, for a plan and for the config review (cli.ts). */
export const HAZARD_EXIT_CODE = 2;

const PLAN_USAGE = "usage: npm run review -- --plan <tofu show -json output> [--plan <file>…] [--strict]\n";

/** The fix of every plan the review cannot read. */
const PLAN_FIX = "pass the output of `tofu show -json <plan file>`";

/** The plan in `file`, read; a file that is not one stops the review with a diagnostic. */
function readPlanFile(file: string): PlanReview {
  let plan: Json;
  try {
    plan = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new DiagnosticError({
      where: "review",
      message: `cannot read the plan ${file}: ${(error as Error).message}`,
      fix: PLAN_FIX,
    });
  }
  if (!Array.isArray(plan.resource_changes) && plan.format_version === undefined) {
    throw new DiagnosticError({
      where: "review",
      message: `${file} is not a plan in JSON`,
      fix: `${PLAN_FIX}, not the plan file itself`,
    });
  }
  return readPlan(plan, basename(file).replace(/\.json$/, ""));
}

/** The flags of `--plan`; a flag it does not know stops the review with the usage. */
function parsePlanFlags(argv: readonly string[]): { plan?: string[]; strict?: boolean } {
  try {
    return parseArgs({
      args: [...argv],
      options: { plan: { type: "string", multiple: true }, strict: { type: "boolean" } },
      strict: true,
    }).values;
  } catch (error) {
    const diagnostic = { where: "review", message: (error as Error).message, fix: "use only the flags below" };
    throw new DiagnosticError(diagnostic, 1, PLAN_USAGE);
  }
}

/** `npm run review -- --plan …`: the report and the exit code, or the problem (exit 1). */
export function runPlanReview(argv: readonly string[]): CommandResult {
  try {
    const values = parsePlanFlags(argv);
    const reviews = (values.plan ?? []).map(readPlanFile);
    const hazard = reviews.some((review) => gaps(review).length > 0);
    return {
      stdout: reviews.map(renderPlanReview).join("\n"),
      stderr: "",
      exitCode: values.strict && hazard ? HAZARD_EXIT_CODE : 0,
    };
  } catch (error) {
    return failureResult(error);
  }
}
