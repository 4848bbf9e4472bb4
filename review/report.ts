/**
 * A {@link Review} as Markdown for a pull request comment or `$GITHUB_STEP_SUMMARY`: one
 * summary line, the hazards first (each with why it matters and the safe way), then one section
 * per environment with tables of what changes. Pure: text in, text out.
 */

import { formatMarkdownTable, inlineCode, pluralize } from "../cli/table.ts";
import { defaultNameTemplate, type ResolvedProfile, stackName } from "../config/resolve.ts";
import type { Acknowledgement } from "../config/schema.ts";
import { acknowledgementHint } from "./acknowledge.ts";
import { budgetText } from "./billing-review.ts";
import {
  CHANGE_KINDS,
  countChanges,
  type EnvironmentReview,
  type Hazard,
  type HazardKind,
  type ProfileReplacement,
  type ProfileUpdate,
  type Review,
  type TagChange,
  type ValueChange,
} from "./compare.ts";

/** What was compared, as shown in the title: e.g. `main` and `the working tree`. */
export interface ReportLabels {
  readonly base: string;
  readonly head: string;
}

/** One side of a change: the value as inline code, or `_not set_` (`missing`) when there is none. */
function sideText(value: string | undefined, missing = "not set"): string {
  return value === undefined ? `_${missing}_` : inlineCode(value);
}

/** `a` → `b`, with "not set" for a missing side. */
function fromTo(before: string | undefined, after: string | undefined, missing = "not set"): string {
  return `${sideText(before, missing)} → ${sideText(after, missing)}`;
}

/** The environment as shown in hazards: `prod` marked as production. */
function envLabel(env: string, review: Review): string {
  const production = review.environments.find((e) => e.env === env)?.production ?? false;
  return production ? `🔴 **${env}** (production)` : `**${env}**`;
}

/** `tags: team engineering → ml; +owner; -client`. */
function tagSummary(tags: readonly TagChange[]): string {
  return tags
    .map(({ key, before, after }) => {
      if (before === undefined) return `+${inlineCode(key)} = ${after === undefined ? "—" : inlineCode(after)}`;
      if (after === undefined) return `−${inlineCode(key)} (was ${inlineCode(before)})`;
      return `${inlineCode(key)}: ${fromTo(before, after)}`;
    })
    .join("; ");
}

/** One replacement cause: `model: claude-sonnet-45 → claude-opus-45`. */
function causeText(cause: ValueChange): string {
  const missing = cause.field === "description" ? "as adopted, not managed" : "not set";
  return `${cause.field}: ${fromTo(cause.before, cause.after, missing)}`;
}

/** A hazard of one kind. */
type HazardOf<K extends HazardKind> = Hazard & { readonly kind: K };

/** The sentence of each hazard: what happens, why it matters, and the safe way. */
const HAZARD_TEXTS: { readonly [K in HazardKind]: (hazard: HazardOf<K>, review: Review) => string } = {
  "invalid-config": (hazard) => {
    const what =
      hazard.side === "base"
        ? "**The base config is invalid**, so nothing could be compared: review the change by hand, or pass a base that is valid (`--base <ref>`)."
        : "**The config of this change is invalid**: nothing would be synthesized or planned. Fix it first:";
    return `${what}\n\n  \`\`\`text\n${indent(hazard.error.message.trimEnd(), "  ")}\n  \`\`\``;
  },
  "environment-removed": (hazard, review) =>
    `${envLabel(hazard.env, review)}: **the environment is removed**. Its stack ${inlineCode(stackName(hazard.env))} is no longer synthesized, ` +
    `so no plan destroys its ${pluralize(hazard.profiles.length, "profile")} (${hazard.profiles.map((p) => inlineCode(p.key)).join(", ") || "none"}): ` +
    "they stay in AWS and in its state, managed by nothing. Safe way: remove the environment from every profile's `envs:` and apply, then remove the environment.",
  "backend-changed": (hazard, review) =>
    `${envLabel(hazard.env, review)}: **the state moves**, ${fromTo(hazard.change.before, hazard.change.after)}. ` +
    "Unless the state is migrated first (`tofu init -migrate-state`), the plan starts from an empty state and creates every profile again; " +
    "each create fails, the existing profiles still holding their names. Safe way: migrate the state in a change of its own.",
  "account-changed": (hazard, review) =>
    `${envLabel(hazard.env, review)}: **the account changes**, ${fromTo(hazard.change.before, hazard.change.after)}. ` +
    "The state holds profiles of the old account: a plan in the new one fails to read them, or recreates them while the old ones stay, unmanaged. " +
    "Safe way: add a new environment for the new account, move the consumers, then remove the old environment's profiles.",
  "region-changed": (hazard, review) =>
    `${envLabel(hazard.env, review)}: **the region changes**, ${fromTo(hazard.change.before, hazard.change.after)}. ` +
    "Every profile without its own `region:` is replaced in the new region, and its SSM parameter moves there: consumers reading it in the old region lose it.",
  "profile-removed": (hazard, review) =>
    `${envLabel(hazard.env, review)} · ${inlineCode(hazard.profile.key)}: **removed while consumers may read it**. ` +
    `The profile ${inlineCode(hazard.profile.name)} is destroyed, the SSM parameter ${inlineCode(hazard.profile.ssmParameterName)} (${hazard.profile.region}) deleted ` +
    `and the consumer policy \`consumer_iam_policies["${hazard.profile.key}"]\` of ${inlineCode(stackName(hazard.env))} gone; ` +
    "a consumer still reading it fails. Safe way: confirm no consumer reads the parameter (CloudTrail `GetParameter`) before merging.",
  "profile-moved": (hazard, review) => {
    const { before, after } = hazard.move;
    return (
      `${envLabel(hazard.env, review)} · ${inlineCode(before.key)} → ${inlineCode(after.key)}: **moved to another product or purpose**. ` +
      `That is a destroy of \`aws_bedrock_inference_profile.${before.address}\` and an unrelated create of \`.${after.address}\`, in no particular order, ` +
      `and consumers must switch from ${inlineCode(before.ssmParameterName)} to ${inlineCode(after.ssmParameterName)}. ` +
      "Safe way: add the new profile beside the old one, move the consumers, then remove the old one in a later change."
    );
  },
  "name-held": (hazard, review) => {
    const { profile, holder } = hazard;
    if (holder.address === profile.address && hazard.holderEnv === hazard.env) {
      return (
        `${envLabel(hazard.env, review)} · ${inlineCode(profile.key)}: **replaced under the same name ${inlineCode(profile.name)}**. ` +
        "The replacement is created before the old profile is destroyed (create_before_destroy) and names are unique per account and region: " +
        `the apply fails, so this cannot be acknowledged. ${
          profile.modelKey === holder.modelKey
            ? "Fix: change `name:` as well (e.g. add `-v2` to it), so the replacement gets a name of its own."
            : `Fix: write name: ${inlineCode(JSON.stringify(defaultNameTemplate(profile.purpose)))} (any template holding {model} and {env}), so the name follows the model.`
        }`
      );
    }
    return (
      `${envLabel(hazard.env, review)} · ${inlineCode(profile.key)}: **created under the name ${inlineCode(profile.name)}, still held** by ${inlineCode(holder.key)} in ${hazard.holderEnv} ` +
      "until that one is destroyed or replaced, in no guaranteed order: the apply can fail. Fix: give the new profile another name."
    );
  },
  "ssm-region-moved": (hazard, review) =>
    `${envLabel(hazard.env, review)} · ${inlineCode(hazard.profile.key)}: **the SSM parameter ${inlineCode(hazard.profile.ssmParameterName)} moves** from ${hazard.from} to ${hazard.profile.region} ` +
    "with the profile's region: the parameter in the old region is deleted, and consumers reading it there lose it. Safe way: move the consumers to the new region first.",
  "import-removed": (hazard, review) =>
    `${envLabel(hazard.env, review)} · ${inlineCode(hazard.profile.key)}: **the adopted profile loses \`import: ${hazard.importChange.before}\`**. ` +
    "If the import was never applied, the plan creates a profile instead of adopting the existing one, and the create fails on the name. " +
    "Once it was applied in every environment the profile lists, the import block can go: the profile is in the state. " +
    "Safe way: drop `import:` only after `task infra:plan` showed the import applied (0 to import) everywhere.",
  "import-changed": (hazard, review) =>
    `${envLabel(hazard.env, review)} · ${inlineCode(hazard.profile.key)}: **\`import:\` changes**, ${fromTo(hazard.importChange.before, hazard.importChange.after)}. ` +
    "An import into an address already in the state is a no-op: if the old ID was imported, the new one is silently not adopted. " +
    "Safe way: remove the profile in one change, adopt the other one in the next.",
  "source-change-ignored": (hazard, review) =>
    `${envLabel(hazard.env, review)} · ${inlineCode(hazard.update.after.key)}: **the model source change is ignored**: ${hazard.update.ignoredSourceChanges.map(causeText).join(", ")}. ` +
    "The profile is adopted (`ignore_changes = [model_source]`) and its name does not change, so nothing is replaced: " +
    "it keeps serving the old model while the outputs and consumer policies name the new one, so this cannot be acknowledged. " +
    `Fix: write name: ${inlineCode(JSON.stringify(defaultNameTemplate(hazard.update.after.purpose)))} (any template holding {model}), so the profile is replaced under a new name.`,
  "budget-removed": (hazard) =>
    `${inlineCode(hazard.removal.stackName)} · **the budget of ${inlineCode(hazard.removal.budget.product)} is removed** (${budgetText(hazard.removal.budget)}): ` +
    "nobody is told any more when its Bedrock spend runs away. Safe way: keep a budget on every product with profiles, " +
    "or remove it in a change of its own that says who watches that spend instead.",
};

/** The sentence of one hazard. */
function hazardText(hazard: Hazard, review: Review): string {
  // The map is total over the kinds; TypeScript cannot correlate the key with the argument's kind.
  const text = HAZARD_TEXTS[hazard.kind] as (hazard: Hazard, review: Review) => string;
  return text(hazard, review);
}

/** Every line of `text` indented by `prefix`. */
function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? line : `${prefix}${line}`))
    .join("\n");
}

/** A Markdown table (cli/table.ts), as one part of a section. */
function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return formatMarkdownTable(headers, rows).trimEnd();
}

/** The zero-gap verdict of a replacement, with the reason when it is not. */
function verdict(replacement: ProfileReplacement): string {
  if (replacement.zeroGap) return "✅ yes";
  if (replacement.nameHeld)
    return `❌ no: the name ${inlineCode(replacement.after.name)} is still held, the create fails`;
  return "❌ no: the SSM parameter moves";
}

/** Where each replaced profile's SSM parameter stands. */
function ssmText(replacement: ProfileReplacement): string {
  return replacement.ssmParameters
    .map((ssm) =>
      ssm.inPlace
        ? `${inlineCode(ssm.name)}: new ARN, updated in place`
        : `${inlineCode(ssm.name)}: recreated in ${ssm.location}, deleted in ${ssm.from}`,
    )
    .join("<br>");
}

/** The note on a replaced profile that was adopted. */
function adoptionNote(replacement: ProfileReplacement): string {
  const change = replacement.importChange;
  if (change?.before === undefined || change.after !== undefined) return "";
  return `<br>hands the adopted profile ${inlineCode(change.before)} over to a new one; if that import was never applied, the old profile stays, unmanaged`;
}

/** What changes in place on one profile. */
function updateText(update: ProfileUpdate): string {
  const parts: string[] = (update.inPlaceChanges ?? []).map(causeText);
  if (update.tags.length > 0) parts.push(`tags: ${tagSummary(update.tags)}`);
  if (update.importChange !== undefined)
    parts.push(`import: ${fromTo(update.importChange.before, update.importChange.after)}`);
  if (update.ignoredSourceChanges.length > 0) {
    parts.push(`ignored (adopted): ${update.ignoredSourceChanges.map(causeText).join(", ")}`);
  }
  return parts.join("<br>");
}

/** A profile's model as `claude-opus-45`. */
function model(profile: ResolvedProfile): string {
  return inlineCode(profile.modelKey);
}

/** The tables of the profiles replaced, added, removed, moved and updated in one environment. */
function profileTables(environment: EnvironmentReview): string[] {
  const parts: string[] = [];
  if (environment.replaced.length > 0) {
    parts.push(
      `**Replaced** (same address, created before the old one is destroyed)\n\n${table(
        ["profile", "why", "zero-gap", "SSM parameter whose value changes"],
        environment.replaced.map((r) => [
          inlineCode(r.after.key),
          [...r.causes.map(causeText), ...(r.tags.length > 0 ? [`tags: ${tagSummary(r.tags)}`] : [])].join("<br>"),
          verdict(r) + adoptionNote(r),
          ssmText(r),
        ]),
      )}`,
    );
  }
  if (environment.added.length > 0) {
    parts.push(
      `**Added**\n\n${table(
        ["profile", "name", "model", "SSM parameter"],
        environment.added.map((p) => [
          inlineCode(p.key) + (p.importId === undefined ? "" : ` (adopted: \`import: ${p.importId}\`)`),
          inlineCode(p.name),
          model(p),
          inlineCode(p.ssmParameterName),
        ]),
      )}`,
    );
  }
  if (environment.removed.length > 0) {
    parts.push(
      `**Removed**\n\n${table(
        ["profile", "name", "SSM parameter deleted"],
        environment.removed.map((p) => [inlineCode(p.key), inlineCode(p.name), inlineCode(p.ssmParameterName)]),
      )}`,
    );
  }
  if (environment.moved.length > 0) {
    parts.push(
      `**Moved** (destroyed and created at another address)\n\n${table(
        ["profile", "name", "SSM parameter"],
        environment.moved.map(({ before, after }) => [
          fromTo(before.key, after.key),
          before.name === after.name ? inlineCode(after.name) : fromTo(before.name, after.name),
          fromTo(before.ssmParameterName, after.ssmParameterName),
        ]),
      )}`,
    );
  }
  if (environment.updated.length > 0) {
    parts.push(
      `**Updated in place**\n\n${table(
        ["profile", "change"],
        environment.updated.map((u) => [inlineCode(u.after.key), updateText(u)]),
      )}`,
    );
  }
  return parts;
}

/** The section of one environment. */
function environmentSection(environment: EnvironmentReview): string {
  const title = environment.production
    ? `### 🔴 ${environment.env} (production) · ${inlineCode(environment.stackName)}`
    : `### ${environment.env} · ${inlineCode(environment.stackName)}`;
  const parts = [title];
  if (environment.status === "added") parts.push("_New environment: its stack is created with every profile below._");
  if (environment.status === "removed") parts.push("_Environment removed: see the hazards._");
  if (environment.changes.length > 0) {
    parts.push(
      table(
        ["environment setting", "before", "after"],
        environment.changes.map((c) => [c.field, sideText(c.before), sideText(c.after)]),
      ),
    );
  }
  parts.push(...profileTables(environment));
  if (environment.unchanged > 0) {
    parts.push(`${pluralize(environment.unchanged, "profile")} unchanged.`);
  }
  return parts.join("\n\n");
}

/** `1 replaced (1 in prod) · 2 added`: only what is not zero, and `no profile changes` otherwise. */
function changeSummary(review: Review): string {
  const counts = countChanges(review.environments);
  const inProduction = countChanges(review.environments.filter((e) => e.production));
  const parts = CHANGE_KINDS.filter((kind) => counts[kind] > 0).map((kind) => {
    const prod = inProduction[kind] > 0 ? ` (${inProduction[kind]} in production)` : "";
    return `${counts[kind]} ${kind === "updated" ? "updated in place" : kind}${prod}`;
  });
  if (counts.unchanged > 0) parts.push(`${counts.unchanged} unchanged`);
  const settings = review.environments.filter((e) => e.changes.length > 0).length;
  if (settings > 0) parts.push(`${pluralize(settings, "environment")} with changed settings`);
  return parts.length === 0 ? "no profile changes" : parts.join(" · ");
}

/** What a replacement means for consumers beyond the SSM parameter. */
export const NEW_ARN_NOTE =
  "_A replaced profile has a new ARN. Consumers that read its SSM parameter follow it; an IAM policy naming the old ARN " +
  "(e.g. copied from the `consumer_iam_policies` output) must be updated to the new one after the apply._";

/** The whole report, ending with a newline. */
export function renderReport(
  review: Review,
  labels: ReportLabels,
  accepted: ReadonlyMap<Hazard, Acknowledgement> = new Map(),
): string {
  const open = review.hazards.filter((hazard) => !accepted.has(hazard));
  const acknowledged = review.hazards.length - open.length;
  const also = acknowledged === 0 ? "" : ` (${acknowledged} acknowledged)`;
  const status =
    open.length === 0
      ? `✅ **No ${acknowledged === 0 ? "" : "unacknowledged "}hazards**${also}`
      : `⚠️ **${pluralize(open.length, "hazard")}**${also}`;
  const sections = [`## Bedrock profiles: ${labels.base} → ${labels.head}`, `${status} · ${changeSummary(review)}`];
  if (open.length > 0) {
    const item = (hazard: Hazard) => {
      const hint = acknowledgementHint(hazard);
      const accept =
        hint === undefined
          ? ""
          : `\n  - To accept it on the record, add to \`acknowledged:\` in the profiles file: ${inlineCode(hint)}`;
      return `- ${hazardText(hazard, review)}${accept}`;
    };
    sections.push(`### ⚠️ Hazards\n\n${open.map(item).join("\n")}`);
  }
  if (acknowledged > 0) {
    const items = review.hazards.flatMap((hazard) => {
      const entry = accepted.get(hazard);
      return entry === undefined ? [] : [`- ${hazardText(hazard, review)}\n  - ☑️ **Acknowledged**: ${entry.reason}`];
    });
    sections.push(`### ☑️ Acknowledged hazards\n\n${items.join("\n")}`);
  }
  if (countChanges(review.environments).replaced > 0) sections.push(NEW_ARN_NOTE);
  const touched = review.environments.filter((e) => e.status !== "unchanged");
  sections.push(...touched.map(environmentSection));
  if (review.billing !== undefined && review.billing.changes.length > 0) {
    sections.push(
      `### Budgets, cost allocation tags and alarms\n\n${review.billing.changes.map((line) => `- ${line}`).join("\n")}`,
    );
  }
  const untouched = review.environments.filter((e) => e.status === "unchanged");
  if (untouched.length > 0) {
    sections.push(
      `Unchanged: ${untouched.map((e) => `${e.production ? "🔴 " : ""}${inlineCode(e.stackName)} (${pluralize(e.unchanged, "profile")})`).join(", ")}.`,
    );
  }
  return `${sections.join("\n\n")}\n`;
}
