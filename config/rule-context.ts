/**
 * What every rule reads, and the three kinds of rule the registry in `rules.ts` lists: over the
 * whole file, over each profile as written, and over each profile as resolved for one environment.
 */
import type { ModelCatalog } from "./catalog.ts";
import type { ConfigIssue } from "./errors.ts";
import type { ProfileEntry, ResolvedProfile } from "./resolve.ts";
import type { ProfilesConfig } from "./schema.ts";

/** What the rules check: the config as written and the plan resolved from it. */
export interface RuleContext {
  readonly config: ProfilesConfig;
  /** The built-in models, without the config's `models:`. */
  readonly builtIn: ModelCatalog;
  /** The built-in models plus the config's `models:`. */
  readonly catalog: ModelCatalog;
  /** Every profile of the file by its key `<product>/<purpose>`, in the file's order. */
  readonly entries: ReadonlyMap<string, ProfileEntry>;
  /**
   * Every profile that could be resolved (its model known, offered in its geography, its name
   * template without unknown placeholders), once per environment it lists that exists: what
   * `resolveProfiles` returns for {@link entries}.
   */
  readonly resolved: readonly ResolvedProfile[];
}

/** A rule over the whole file. */
export type FileRule = (context: RuleContext) => ConfigIssue[];
/** A rule over one profile as written (before it is resolved, so it may not resolve). */
export type EntryRule = (entry: ProfileEntry, context: RuleContext) => ConfigIssue[];
/** A rule over one resolved profile in one environment: the values that will be synthesized. */
export type ProfileRule = (profile: ResolvedProfile, context: RuleContext) => ConfigIssue[];

/** One rule of the registry, named for the reader of `rules.ts`. */
export type Rule =
  | { readonly name: string; readonly each: "file"; readonly check: FileRule }
  | { readonly name: string; readonly each: "entry"; readonly check: EntryRule }
  | { readonly name: string; readonly each: "profile"; readonly check: ProfileRule };

/** `items` grouped by `slot`, in order of first appearance: only the groups of two or more. */
export function clashes<T>(items: readonly T[], slot: (item: T) => string): T[][] {
  const bySlot = new Map<string, T[]>();
  for (const item of items) {
    const key = slot(item);
    const group = bySlot.get(key);
    if (group === undefined) bySlot.set(key, [item]);
    else group.push(item);
  }
  return [...bySlot.values()].filter((group) => group.length > 1);
}
