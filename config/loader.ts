/**
 * The one entry of every command: the profiles file in, its resolved plan out. YAML with source
 * positions → zod shape check → rules over the plan, resolved once. Every problem found is reported
 * at once, located at `file:line:col`, in one {@link ConfigError}. The only module that reads the
 * config file or the environment variable naming it.
 */
import { type Document, LineCounter, parseDocument } from "yaml";
import { BUILT_IN_MODELS, type ModelCatalog } from "./catalog.ts";
import { documentIssues, MAX_DEPTH } from "./document-checks.ts";
import {
  ConfigError,
  type ConfigIssue,
  type ConfigPath,
  formatWarning,
  type LocatedIssue,
  sortIssues,
} from "./errors.ts";
import { DEFAULT_CONFIG_PATH, readProfilesText } from "./read-file.ts";
import { assembleEnvironments, type ResolvedEnvironment } from "./resolve.ts";
import { type ResolvedBilling, resolveBilling } from "./resolve-billing.ts";
import { checkRules, lifecycleWarnings } from "./rules.ts";
import { type ProfilesConfig, profilesConfigSchema } from "./schema.ts";
import { shapeIssues } from "./shape-issues.ts";
import { locateAll, SourceMap } from "./yaml-source.ts";
import { yamlIssues } from "./yaml-syntax.ts";

export { DEFAULT_CONFIG_PATH };

/** The profiles file to read: `PROFILES_CONFIG`, else {@link DEFAULT_CONFIG_PATH}. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.PROFILES_CONFIG || DEFAULT_CONFIG_PATH;
}

/**
 * The largest profiles file read. 10,000 profiles take about 1 MiB; the limit stops a file
 * that would only exhaust memory (deep indentation costs the square of its depth in bytes).
 */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * How many aliases may be expanded when the document is read: enough for every profile to
 * reuse an anchored list, too few for a "billion laughs" file whose aliases of aliases expand
 * to gigabytes (https://en.wikipedia.org/wiki/Billion_laughs_attack).
 */
export const MAX_ALIAS_COUNT = 1000;

/** Receives each warning about a valid config, formatted like an error and prefixed `warning:`. */
export type WarningSink = (warning: string) => void;

/** Options of {@link loadPlan} and {@link planFromText}. */
export interface LoadOptions {
  /** @default BUILT_IN_MODELS */
  readonly builtIn?: ModelCatalog;
  /** Where warnings go as they are found, besides {@link ProfilesPlan.warnings}. @default dropped */
  readonly warn?: WarningSink;
  /** The file's name in messages, as the user knows it. @default the path read */
  readonly shownAs?: string;
}

/** A valid profiles file, resolved: what every command (synth, profiles, review) starts from. */
export interface ProfilesPlan {
  /** The file as checked, defaults applied. */
  readonly config: ProfilesConfig;
  /** One per environment, in the file's order, each with its profiles and monitoring. */
  readonly environments: readonly ResolvedEnvironment[];
  /** The billing stack, when the file has `billing:`. */
  readonly billing?: ResolvedBilling;
  /** Not errors, but worth a line on stderr (a model near its end of life); each line from {@link formatWarning}. */
  readonly warnings: readonly string[];
}

/** Environment settings the rules can do without: at worst, without an accountId a name clash goes unseen. */
const SETTINGS_RULES_DO_WITHOUT = new Set(["accountId", "backend", "assumeRole", "encryption"]);

/**
 * The parts of the config a shape issue invalidates, when the rules can check the rest without
 * them: an alarms block, a whole profile, a whole product (with its budget), or an environment
 * setting no rule reads (dropping an
 * `accountId` can hide a name clash, never invent one). `undefined` when anything else might
 * depend on the broken value (an environment's region, the defaults, a custom model, global tags):
 * then the rules do not run, rather than report mistakes that are not there.
 */
function separableParts(path: ConfigPath): ConfigPath[] | undefined {
  if (path[0] === "products" && path.length >= 2) {
    // An alarms block feeds only the alarm rules: set it aside alone.
    if (path[2] === "alarms") return [path.slice(0, 3)];
    if (path[2] === "profiles" && path.length >= 4) return [path.slice(0, path[4] === "alarms" ? 5 : 4)];
    // Without the product, its budget would name an unknown product: set it aside too.
    return [path.slice(0, 2), ["budgets", path[1] as string]];
  }
  if (path[0] === "environments" && path.length >= 3 && SETTINGS_RULES_DO_WITHOUT.has(String(path[2]))) {
    return [path.slice(0, 3)];
  }
  return undefined;
}

/** A copy of `input` without the parts at `paths`. */
function without(input: unknown, paths: readonly ConfigPath[]): unknown {
  const copy = structuredClone(input);
  for (const path of paths) {
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], copy);
    if (parent !== null && typeof parent === "object")
      delete (parent as Record<string, unknown>)[path[path.length - 1]];
  }
  return copy;
}

/**
 * The rule issues of a config that failed the shape check, so that one run reports every
 * mistake: the rules check what remains once the broken profiles, products and environment
 * settings are set aside, or nothing when a broken part could mislead them.
 */
function rulesOnSeparableParts(input: unknown, shape: readonly ConfigIssue[], builtIn: ModelCatalog): ConfigIssue[] {
  const parts = shape.map((issue) => separableParts(issue.path));
  if (parts.some((part) => part === undefined)) return [];
  const rest = profilesConfigSchema.safeParse(without(input, parts.flat() as ConfigPath[]));
  return rest.success ? checkRules(rest.data, builtIn).issues : [];
}

/** Whether two key paths lie on one branch (one is a prefix of the other). */
function overlaps(a: ConfigPath, b: ConfigPath): boolean {
  const length = Math.min(a.length, b.length);
  return a.slice(0, length).every((part, index) => String(part) === String(b[index]));
}

/** An issue of the file as a whole, at its first line. */
function wholeFileIssue(file: string, message: string, fix: string): LocatedIssue {
  return { file, path: [], position: { line: 1, col: 1 }, message, fix };
}

/** The report of one issue of the file as a whole. */
function wholeFile(file: string, message: string, fix: string): ConfigError {
  return new ConfigError([wholeFileIssue(file, message, fix)]);
}

/**
 * The plan of a profiles file's text. Throws {@link ConfigError} listing every problem, and
 * nothing else: a failure of the YAML library, of zod or of a rule becomes a located report.
 * `file` is used only in messages.
 */
export function planFromText(text: string, file: string, options: LoadOptions = {}): ProfilesPlan {
  try {
    return checkText(text, file, options);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    // Past every check, only a limit of the machine or a bug is left: still a report, never a stack trace.
    const message = (error as Error).message;
    throw error instanceof RangeError
      ? wholeFile(
          file,
          `the file is too large or too deeply nested to read (${message})`,
          `keep it under ${MAX_DEPTH} levels of nesting and ${MAX_FILE_BYTES / 1024 / 1024} MiB`,
        )
      : wholeFile(
          file,
          `the file could not be read: ${message}`,
          "please report this message with the file to the maintainers of bedrock-profiles",
        );
  }
}

/** A YAML document that is well-formed, its source positions, and the issues of its own found on the way. */
interface ReadDocument {
  readonly doc: Document.Parsed;
  readonly source: SourceMap;
  /** Issues of the document itself (characters, tags, anchors), reported first. */
  readonly early: readonly LocatedIssue[];
}

/** Parse the text; throws {@link ConfigError} for a file too large or a document that cannot be read as data. */
function readDocument(raw: string, file: string): ReadDocument {
  // A byte order mark is allowed, and is no column of line 1.
  const text = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_FILE_BYTES) {
    throw wholeFile(
      file,
      `the file is ${bytes} bytes; the profiles file is read only up to ${MAX_FILE_BYTES} bytes (${MAX_FILE_BYTES / 1024 / 1024} MiB)`,
      "check that PROFILES_CONFIG names the profiles file; 10,000 profiles take about 1 MiB",
    );
  }
  const lines = new LineCounter();
  // `merge`: the `<<: *anchor` merge key of YAML 1.1, which engineers use to share a profile's settings.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: true });
  const source = new SourceMap(doc, lines);
  const { issues: early, blocking, tooDeep } = documentIssues(doc, text, file, (offset) => source.position(offset));
  // Too deep: the parser's own complaints about it are echoes.
  if (tooDeep) throw new ConfigError(early);
  // A document with syntax errors may hold anything; its shape and rules would only add noise.
  if (doc.errors.length > 0) {
    // A no-break space after a colon makes a syntax error whose cause is the character named.
    const lines = new Set(early.map((issue) => issue.position?.line));
    const syntax = yamlIssues(doc, text, source, file).filter((issue) => !lines.has(issue.position?.line));
    throw new ConfigError([...syntax, ...early]);
  }
  // An alias with no anchor, a key that is a collection: the document cannot be read as data at all.
  if (blocking) throw new ConfigError(early);
  return { doc, source, early };
}

/** {@link planFromText} without its safety net. */
function checkText(raw: string, file: string, options: LoadOptions): ProfilesPlan {
  const { builtIn = BUILT_IN_MODELS, warn = () => {} } = options;
  const { doc, source, early } = readDocument(raw, file);
  /** The report, the document's own issues first; a later issue on the same value would only echo one of them. */
  const refuse = (issues: readonly LocatedIssue[]): never => {
    throw new ConfigError([
      ...early,
      ...issues.filter((issue) => !early.some((first) => overlaps(first.path, issue.path))),
    ]);
  };
  let input: unknown;
  try {
    input = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return refuse([
      wholeFileIssue(
        file,
        `the aliases of this file expand to more than ${MAX_ALIAS_COUNT} copies of anchored values (${error.message})`,
        "write the values out, or use fewer aliases of aliases",
      ),
    ]);
  }
  const parsed = profilesConfigSchema.safeParse(input);
  if (!parsed.success) {
    const shape = parsed.error.issues.flatMap((issue) => shapeIssues(issue, input, source));
    return refuse(locateAll([...shape, ...rulesOnSeparableParts(input, shape, builtIn)], source, file));
  }
  const config = parsed.data;
  const { issues, resolved } = checkRules(config, builtIn);
  if (issues.length > 0 || early.length > 0) refuse(locateAll(issues, source, file));
  const warnings = sortIssues(locateAll(lifecycleWarnings(config, builtIn), source, file)).map(formatWarning);
  for (const warning of warnings) warn(warning);
  const billing = resolveBilling(config);
  return {
    config,
    environments: assembleEnvironments(config, resolved),
    ...(billing === undefined ? {} : { billing }),
    warnings,
  };
}

/** Read, check and resolve the profiles file at `file`. Throws {@link ConfigError}, also when it is missing. */
export function loadPlan(file: string, options: LoadOptions = {}): ProfilesPlan {
  const shownAs = options.shownAs ?? file;
  return planFromText(readProfilesText(file, shownAs), shownAs, options);
}

/** The checked config of a profiles file's text ({@link planFromText} without the plan). */
export function parseConfig(text: string, file: string, options: LoadOptions = {}): ProfilesConfig {
  return planFromText(text, file, options).config;
}

/** The checked config of the profiles file at `file` ({@link loadPlan} without the plan). */
export function loadConfig(file: string, options: LoadOptions = {}): ProfilesConfig {
  return loadPlan(file, options).config;
}
