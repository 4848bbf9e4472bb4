/**
 * `npm run review -- --plan <file> [--plan <file>…] [--strict]`: what an engine's plan (`tofu show
 * -json <plan>`) does, in the words of the config review: what is replaced (and in which order),
 * added, updated in place, removed. The CI plan job writes it to the job summary. Exit 0; with
 * `--strict`, 2 when a replacement destroys before it creates (consumers would see a gap).
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";

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
      updated:
        JSON.stringify(c.change.actions) === '["update"]'
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
        for (const reference of JSON.parse(`[${list}]`) as string[]) {
          const target = `${prefix}${reference.split(".").slice(0, 2).join(".")}`;
          if (reference.split(".").length !== 2) continue;
          const reader = `${prefix}${resource.address}`;
          if (!(readers.get(target) ?? []).includes(reader))
            readers.set(target, [...(readers.get(target) ?? []), reader]);
        }
      }
    }
  }
  return { label, changes, readers };
}

/** Replacements that destroy before they create. */
export function gaps(review: PlanReview): PlannedChange[] {
  return review.changes.filter((c) => JSON.stringify(c.actions) === DESTROY_FIRST);
}

function code(value: string): string {
  return `\`${value}\``;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** The order an apply takes for one replacement, as a sentence. */
function order(change: PlannedChange, review: PlanReview): string {
  const updatedReaders = (review.readers.get(change.address) ?? []).filter((reader) =>
    review.changes.some((c) => c.address === reader && JSON.stringify(c.actions) === '["update"]'),
  );
  const then = updatedReaders.length === 0 ? "" : `, updates ${updatedReaders.map(code).join(", ")} in place`;
  if (JSON.stringify(change.actions) === CREATE_FIRST) {
    return `✅ creates the new one${then}, then destroys the old one`;
  }
  return `❌ destroys the old one first${then === "" ? "" : `, then creates the new one${then}`}: nothing answers in between`;
}

/** The Markdown section of one plan. */
export function renderPlanReview(review: PlanReview): string {
  const of = (kind: string) =>
    review.changes.filter((c) => {
      const actions = JSON.stringify(c.actions);
      if (kind === "replaced") return actions === CREATE_FIRST || actions === DESTROY_FIRST;
      if (kind === "moved") return c.previousAddress !== undefined && c.previousAddress !== c.address;
      if (kind === "adopted") return c.importing;
      return actions === JSON.stringify([kind]);
    });
  const replaced = of("replaced");
  const added = of("create");
  const updated = of("update");
  const removed = of("delete");
  const moved = of("moved");
  const adopted = of("adopted");
  const unchanged = of("no-op").filter((c) => !c.importing && c.previousAddress === undefined).length;
  const gapCount = gaps(review).length;
  const counts = [
    [replaced.length, "replaced"],
    [added.length, "added"],
    [updated.length, "updated in place"],
    [removed.length, "removed"],
    [moved.length, "moved"],
    [adopted.length, "adopted"],
    [unchanged, "unchanged"],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, word]) => `${n} ${word}`);
  const status =
    gapCount === 0 ? "✅ **No hazards**" : `⚠️ **${gapCount} replacement${gapCount === 1 ? "" : "s"} with a gap**`;
  const parts = [`### Plan of ${code(review.label)}`, `${status} · ${counts.join(" · ") || "no changes"}`];
  if (replaced.length > 0) {
    parts.push(
      `**Replaced** (same address)\n\n${table(
        ["resource", "why", "order"],
        replaced.map((c) => [code(c.address), c.replacedBecause.map(code).join(", ") || "—", order(c, review)]),
      )}`,
    );
  }
  if (added.length > 0)
    parts.push(
      `**Added**\n\n${table(
        ["resource"],
        added.map((c) => [code(c.address)]),
      )}`,
    );
  if (adopted.length > 0)
    parts.push(
      `**Adopted** (imported)\n\n${table(
        ["resource"],
        adopted.map((c) => [code(c.address)]),
      )}`,
    );
  if (updated.length > 0) {
    parts.push(
      `**Updated in place**\n\n${table(
        ["resource", "change"],
        updated.map((c) => [code(c.address), c.updated.map(code).join(", ") || "—"]),
      )}`,
    );
  }
  if (removed.length > 0) {
    parts.push(
      `**Removed** (destroyed)\n\n${table(
        ["resource"],
        removed.map((c) => [code(c.address)]),
      )}`,
    );
  }
  if (moved.length > 0) {
    parts.push(
      `**Moved**\n\n${table(
        ["resource", "from"],
        moved.map((c) => [code(c.address), code(c.previousAddress ?? "")]),
      )}`,
    );
  }
  return `${parts.join("\n\n")}\n`;
}

const PLAN_USAGE = "usage: npm run review -- --plan <tofu show -json output> [--plan <file>…] [--strict]";

/** `npm run review -- --plan …`: the report and the exit code, or the problem (exit 1). */
export function runPlanReview(argv: readonly string[]): { stdout: string; stderr: string; exitCode: number } {
  let values: { plan?: string[]; strict?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { plan: { type: "string", multiple: true }, strict: { type: "boolean" } },
      strict: true,
    }));
  } catch (error) {
    return { stdout: "", stderr: `review: ${(error as Error).message}\n\n${PLAN_USAGE}\n`, exitCode: 1 };
  }
  const reviews: PlanReview[] = [];
  for (const file of values.plan ?? []) {
    let plan: Json;
    try {
      plan = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      return {
        stdout: "",
        stderr: `review: cannot read the plan ${file}: ${(error as Error).message}\n  fix: pass the output of \`tofu show -json <plan file>\`\n`,
        exitCode: 1,
      };
    }
    if (!Array.isArray(plan.resource_changes) && plan.format_version === undefined) {
      return {
        stdout: "",
        stderr: `review: ${file} is not a plan in JSON\n  fix: pass the output of \`tofu show -json <plan file>\`, not the plan file itself\n`,
        exitCode: 1,
      };
    }
    reviews.push(readPlan(plan, basename(file).replace(/\.json$/, "")));
  }
  const hazard = reviews.some((review) => gaps(review).length > 0);
  return {
    stdout: reviews.map(renderPlanReview).join("\n"),
    stderr: "",
    exitCode: values.strict && hazard ? 2 : 0,
  };
}
