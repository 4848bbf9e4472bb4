/**
 * Reads the profiles file: YAML with source positions → zod shape check → rules. Every problem
 * found is reported at once, located at `file:line:col`, in one {@link ConfigError}.
 * The only module that reads the config file or the environment variable naming it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve as resolvePath } from "node:path";
import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  Parser,
  parseDocument,
  type YAMLError,
} from "yaml";
import type { z } from "zod";
import { BUILT_IN_MODELS, KNOWN_REGIONS, type ModelCatalog } from "./catalog.ts";
import { documentIssues, MAX_DEPTH, plainValueAt } from "./document-checks.ts";
import {
  ConfigError,
  type ConfigIssue,
  type ConfigPath,
  closest,
  didYouMean,
  formatIssue,
  type LocatedIssue,
  type Position,
  show,
  sortIssues,
} from "./errors.ts";
import { checkRules, lifecycleWarnings } from "./rules.ts";
import { type ProfilesConfig, profilesConfigSchema } from "./schema.ts";

/** The profiles file used when `PROFILES_CONFIG` is not set. */
export const DEFAULT_CONFIG_PATH = "config/profiles.yaml";

/** The profiles file to read: `PROFILES_CONFIG`, else {@link DEFAULT_CONFIG_PATH}. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.PROFILES_CONFIG || DEFAULT_CONFIG_PATH;
}

/** A parsed YAML document and the means to find a path in it. */
class SourceMap {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  /** Line and column of `path` (of its key with `atKey`), or of its nearest existing ancestor. */
  locate(path: ConfigPath, atKey = false): Position | undefined {
    let node: unknown = this.doc.contents;
    let offset = rangeStart(node);
    for (const [index, part] of path.entries()) {
      const last = index === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(part));
        if (pair === undefined) break;
        offset = last && atKey ? rangeStart(pair.key) : (rangeStart(pair.value) ?? rangeStart(pair.key));
        node = pair.value;
      } else if (isSeq(node) && typeof part === "number" && node.items[part] !== undefined) {
        node = node.items[part];
        offset = rangeStart(node);
      } else {
        break;
      }
    }
    // An empty document has no node to point at: its first line is where the content belongs.
    return offset === undefined ? { line: 1, col: 1 } : this.position(offset);
  }

  /** Line and column of a character offset. */
  position(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line, col };
  }

  /** The key path of the entry written at `offset`, as far as the (possibly broken) document allows. */
  pathAt(offset: number): ConfigPath {
    const path: (string | number)[] = [];
    let node: unknown = this.doc.contents;
    for (;;) {
      if (isMap(node)) {
        const pair = node.items.filter((item) => (rangeStart(item.key) ?? Number.POSITIVE_INFINITY) <= offset).at(-1);
        if (pair === undefined || !isScalar(pair.key)) break;
        path.push(String(pair.key.value));
        node = pair.value;
      } else if (isSeq(node)) {
        const index = node.items.filter((item) => (rangeStart(item) ?? Number.POSITIVE_INFINITY) <= offset).length - 1;
        if (index < 0) break;
        path.push(index);
        node = node.items[index];
      } else {
        break;
      }
      if (offset > ((node as Node | null)?.range?.[2] ?? Number.POSITIVE_INFINITY)) break;
    }
    return path;
  }

  /** Where the first of two equal keys is written, given the offset of the second. */
  firstKeyPosition(offset: number): Position | undefined {
    const path = this.pathAt(offset);
    const parent = path.length <= 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
    if (!isMap(parent)) return undefined;
    const first = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(path.at(-1)));
    const start = rangeStart(first?.key);
    return start === undefined ? undefined : this.position(start);
  }

  /** The text of the scalar at `path` as written (`012345678901`, not `12345678901`). */
  sourceText(path: ConfigPath): string | undefined {
    const node = this.doc.getIn(path, true);
    return isScalar(node) && typeof node.source === "string" ? node.source : undefined;
  }
}

/** Start offset of a YAML node, when it has one. */
function rangeStart(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}

/** What the YAML syntax errors a hurried engineer makes mean, and how to fix them. */
const YAML_ERRORS: Readonly<Record<string, { readonly message?: string; readonly fix: string }>> = {
  TAB_AS_INDENT: {
    message: "this line is indented with a tab",
    fix: "indent with spaces only; YAML does not allow tabs for indentation",
  },
  BLOCK_AS_IMPLICIT_KEY: {
    message: "the next line is indented deeper than the key on this line, so YAML reads it as part of this value",
    fix: "indent the next line exactly like this one if it is a sibling key",
  },
  MULTILINE_IMPLICIT_KEY: {
    message: "this entry runs on over several lines and is read as one key",
    fix: "write each entry as `key: value` (a colon and a space after the key), siblings at the same indentation",
  },
  BAD_INDENT: { fix: "align this line with its siblings, using spaces" },
  UNEXPECTED_TOKEN: { fix: "check for a stray character or a missing colon" },
};

/** A quote or bracket the YAML parser found open at the end of the file, and where it was opened. */
interface UnclosedOpening {
  readonly offset: number;
  readonly opening: string;
  readonly closing: string;
}

/**
 * Every quoted scalar and flow collection never closed, from the CST. The parser reports these at
 * the end of the file, where they were noticed; the engineer needs the line where they begin.
 */
function unclosedOpenings(text: string): UnclosedOpening[] {
  const found: UnclosedOpening[] = [];
  // An explicit stack, not recursion: a file of deeply nested brackets must not overflow it.
  const pending: unknown[] = [...new Parser().parse(text)].reverse();
  while (pending.length > 0) {
    const token = pending.pop();
    if (token === null || typeof token !== "object") continue;
    if (Array.isArray(token)) {
      pending.push(...[...token].reverse());
      continue;
    }
    const { type, offset, source, end } = token as { type?: string; offset?: number; source?: string; end?: unknown };
    if (typeof offset === "number" && typeof source === "string") {
      const quote = type === "double-quoted-scalar" ? '"' : type === "single-quoted-scalar" ? "'" : undefined;
      if (quote !== undefined && (source.length < 2 || !source.trimEnd().endsWith(quote))) {
        found.push({ offset, opening: quote, closing: quote });
      }
    }
    if (type === "flow-collection" && typeof offset === "number" && Array.isArray(end)) {
      const opening = (token as { start?: { source?: string } }).start?.source ?? "{";
      const closing = opening === "[" ? "]" : "}";
      if (!end.some((item: { source?: string }) => item.source === closing)) found.push({ offset, opening, closing });
    }
    pending.push(...Object.values(token).reverse());
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** The closing character a YAML parser message says is missing (`Missing closing "quote`, `… end with a ]`). */
function missingClosing(message: string): string | undefined {
  return /closing (["'])quote/.exec(message)?.[1] ?? /end with an? ([\]}])/.exec(message)?.[1];
}

/**
 * `key: value` on the line of `offset`, when the value holds an unquoted `: ` (`description:
 * Agent: support`): the parser calls that a nested mapping, the engineer meant one string.
 */
function unquotedColonValue(
  text: string,
  offset: number,
): { key: string; keyOffset: number; value: string } | undefined {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const lineEnd = text.indexOf("\n", offset);
  const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  const match = /^\s*(?:-\s+)?([^\s:#"'{[][^:#]*?):\s+([^"'{[].*?:\s.*?)\s*$/.exec(line);
  return match === null ? undefined : { key: match[1], keyOffset: lineStart + line.indexOf(match[1]), value: match[2] };
}

/** The YAML syntax errors of a document, each at the line an engineer has to edit, one per place. */
function yamlIssues(doc: Document.Parsed, text: string, source: SourceMap, file: string): LocatedIssue[] {
  const openings = unclosedOpenings(text);
  const issues = doc.errors.map((error: YAMLError): LocatedIssue => {
    const at = (offset: number, path: ConfigPath, issue: Omit<ConfigIssue, "path">): LocatedIssue => ({
      file,
      path,
      position: source.position(offset),
      ...issue,
    });
    const [offset] = error.pos;
    const closing = missingClosing(error.message);
    const opening = openings.filter((open) => open.closing === closing && open.offset < offset).at(-1);
    if (opening !== undefined) {
      const what = closing === '"' || closing === "'" ? "quote" : "bracket";
      return at(opening.offset, source.pathAt(opening.offset), {
        message: `YAML syntax: the ${what} ${opening.opening} opened here is never closed, so everything after it up to the end of the file is read as part of this value`,
        fix: `add the closing ${closing} at the end of the value on this line`,
      });
    }
    const colonInValue = error.code === "BLOCK_AS_IMPLICIT_KEY" ? unquotedColonValue(text, offset) : undefined;
    if (colonInValue !== undefined) {
      return at(offset, source.pathAt(colonInValue.keyOffset), {
        message: `YAML syntax: the value ${show(colonInValue.value)} contains ": ", which YAML reads as the start of another key`,
        fix: `quote the value: ${colonInValue.key}: ${JSON.stringify(colonInValue.value)}`,
      });
    }
    if (error.code === "MULTIPLE_DOCS") {
      return at(offset, [], {
        message: "YAML syntax: a second document starts here (a line ---); the profiles file is one document",
        fix: "remove this --- line and merge what follows into the document above, or move it to a file of its own",
      });
    }
    const reserved = error.code === "BAD_SCALAR_START" ? text[offset] : undefined;
    if (reserved !== undefined) {
      const path = source.pathAt(offset);
      const value = plainValueAt(text, offset);
      return at(offset, path, {
        message: `YAML syntax: the value ${show(value)} starts with ${show(reserved)}, which YAML reserves${reserved === "%" ? " for directives" : ""} and does not allow at the start of an unquoted value`,
        fix: `quote the value: ${typeof path.at(-1) === "string" ? `${String(path.at(-1))}: ` : ""}${JSON.stringify(value)}`,
      });
    }
    if (error.code === "DUPLICATE_KEY") {
      const path = source.pathAt(offset);
      const first = source.firstKeyPosition(offset);
      return at(offset, path, {
        message: `YAML syntax: the key ${show(String(path.at(-1)))} is written twice in the same mapping${first ? ` (first at line ${first.line})` : ""}`,
        fix: "merge the two entries into one, or rename one of them",
      });
    }
    // The line and column say where; a key path guessed from a broken document would mislead.
    const known = YAML_ERRORS[error.code];
    const parserMessage = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    return at(offset, [], { message: `YAML syntax: ${known?.message ?? parserMessage}`, fix: known?.fix });
  });
  // A tab throws off the indentation of every line after it: the parser's complaints further down
  // are echoes of the tab, and would send the engineer to lines that are fine.
  const firstTab = doc.errors.findIndex((error) => error.code === "TAB_AS_INDENT");
  const isEcho = (index: number) =>
    firstTab >= 0 &&
    doc.errors[index].code !== "TAB_AS_INDENT" &&
    doc.errors[index].pos[0] > doc.errors[firstTab].pos[0];
  const hasEchoes = doc.errors.some((_, index) => isEcho(index));
  return issues
    .map((issue, index) =>
      index === firstTab && hasEchoes
        ? { ...issue, fix: `${issue.fix}. The parser's errors further down follow from this tab and are left out` }
        : issue,
    )
    .filter((_, index) => !isEcho(index))
    .filter((issue, index, all) => all.findIndex((other) => other.position?.line === issue.position?.line) === index);
}

/** A zod schema's definition, reached through zod 4's documented `_zod.def`. */
interface SchemaDef {
  readonly type: string;
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly innerType?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly element?: z.ZodType;
}

/** The keys an object in the schema accepts at `path` (for did-you-mean on unknown keys). */
function knownKeysAt(path: ConfigPath): string[] {
  let schema: z.ZodType | undefined = profilesConfigSchema;
  let remaining = [...path];
  while (schema !== undefined) {
    const def: SchemaDef = (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
    if (def.innerType) schema = def.innerType;
    else if (remaining.length === 0) return def.type === "object" ? Object.keys(def.shape ?? {}) : [];
    else if (def.type === "object") [schema, remaining] = [def.shape?.[String(remaining[0])], remaining.slice(1)];
    else if (def.type === "record") [schema, remaining] = [def.valueType, remaining.slice(1)];
    else if (def.type === "array") [schema, remaining] = [def.element, remaining.slice(1)];
    else return [];
  }
  return [];
}

/** zod's type names as a YAML author knows them. */
const EXPECTED_TYPES: Readonly<Record<string, string>> = {
  object: "a mapping",
  record: "a mapping",
  array: "a list",
  string: "a string",
  number: "a number",
};

/** The type of a YAML value, in words. */
function typeName(value: unknown): string {
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `a ${typeof value}`;
}

/** One zod issue as one or more config issues, with the value given and a fix. */
function shapeIssues(issue: z.core.$ZodIssue, input: unknown, source: SourceMap): ConfigIssue[] {
  const path = issue.path.map((part) => (typeof part === "symbol" ? String(part) : part));
  const given = path.reduce<unknown>(
    (value, part) =>
      value !== null && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined,
    input,
  );
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeysAt(path);
      return issue.keys.map((key) => ({
        path: [...path, key],
        atKey: true,
        message: `unknown key ${show(key)}`,
        allowed: known.join(", "),
        fix: didYouMean(key, known) ?? "remove it; unknown keys are never ignored silently",
      }));
    }
    case "invalid_type": {
      const last = path[path.length - 1];
      if (given === undefined) {
        // `modle:` is reported as an unknown key with "did you mean model?"; a second error
        // saying model is missing would only make the one mistake look like two.
        const parent = path
          .slice(0, -1)
          .reduce<unknown>((value, part) => (value as Record<string, unknown>)?.[part], input);
        const known = knownKeysAt(path.slice(0, -1));
        const misspelt = Object.keys(parent ?? {}).some(
          (key) => !known.includes(key) && closest(key, known) === String(last),
        );
        if (misspelt) return [];
        return [
          {
            path: path.slice(0, -1),
            atKey: true,
            message: `missing ${show(last)} (${EXPECTED_TYPES[issue.expected] ?? issue.expected})`,
            fix: `add ${String(last)}:`,
          },
        ];
      }
      if (issue.expected === "string" && (typeof given === "number" || typeof given === "boolean")) {
        const written = source.sourceText(path) ?? String(given);
        const lostZeros = typeof given === "number" && written !== String(given);
        return [
          {
            path,
            message: lostZeros
              ? `${written} was read by YAML as the number ${given}, dropping its leading zero`
              : `${written} was read by YAML as ${typeName(given)}; ${String(last)} takes a string`,
            fix: `quote it: ${String(last)}: "${written}"`,
          },
        ];
      }
      const expected = EXPECTED_TYPES[issue.expected] ?? issue.expected;
      return [
        {
          path,
          message: `expected ${expected}, got ${typeName(given)}${typeof given === "object" ? "" : ` ${show(given)}`}`,
          fix:
            typeof given === "string" && issue.expected === "object" && given.startsWith("arn:")
              ? `the ARN goes under a key of its own: ${String(last)}: { ${knownKeysAt(path).find((key) => key.endsWith("Arn") || key.endsWith("Id")) ?? knownKeysAt(path)[0]}: ${given} }`
              : typeof given === "string" && /^[^\s:]+:\S/.test(given)
                ? `put a space after the colon: ${given.replace(":", ": ")}`
                : issue.expected === "array" && (typeof given === "string" || typeof given === "number")
                  ? `write it as a list: ${String(last)}: [${given}]`
                  : path.length === 0
                    ? 'start with version: 1, defaults:, environments: and products: (README "Configuration")'
                    : undefined,
        },
      ];
    }
    case "invalid_value": {
      const values = issue.values.map(String);
      const last = path[path.length - 1];
      if (given === undefined) {
        return [
          {
            path: path.slice(0, -1),
            atKey: true,
            message: `missing ${show(last)}`,
            allowed: values.join(", "),
            fix: `add ${String(last)}: ${values[0]}`,
          },
        ];
      }
      const wanted = issue.values.map((value) => typeof value);
      if (!wanted.includes(typeof given as (typeof wanted)[number])) {
        // `version: "1"`: the quotes make it a string; saying `did you mean "1"?` would hide that.
        return [
          {
            path,
            message: `${show(given)} is ${typeName(given)}; ${String(last)} takes ${wanted.map((type) => `a ${type}`).join(" or ")}`,
            allowed: values.join(", "),
            fix: `write ${String(last)}: ${values[0]}${typeof given === "string" ? " without quotes" : ""}`,
          },
        ];
      }
      return [
        {
          path,
          message: `${show(given)} is not allowed`,
          allowed: values.join(", "),
          fix: typeof given === "string" ? didYouMean(given, values) : undefined,
        },
      ];
    }
    case "invalid_key": {
      const [inner] = issue.issues;
      return [{ path, atKey: true, message: `${show(path[path.length - 1])}: ${inner?.message ?? issue.message}` }];
    }
    case "invalid_format": {
      const last = String(path[path.length - 1]);
      const digits = typeof given === "string" ? given.replace(/\D/g, "").length : 0;
      return [
        {
          path,
          message: `${show(given)} ${issue.message}`,
          fix:
            last === "region" && typeof given === "string"
              ? didYouMean(given, KNOWN_REGIONS)
              : last === "accountId" && digits !== 12
                ? `an account ID has 12 digits; this one has ${digits}: copy it from the AWS console or \`aws sts get-caller-identity\``
                : last === "import" && typeof given === "string"
                  ? importFix(given)
                  : undefined,
        },
      ];
    }
    default:
      return [{ path, message: `${show(given)} ${issue.message}` }];
  }
}

/**
 * The fix for an `import:` that is not a profile ID: the ID inside an ARN, a lowercase one.
 * AWS issues application inference profile IDs of 12 lowercase letters and digits; the ARN ends
 * in `application-inference-profile/<id>` (GetInferenceProfile `inferenceProfileIdentifier`,
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GetInferenceProfile.html).
 */
function importFix(given: string): string {
  const id = /application-inference-profile\/([a-zA-Z0-9]{12})$/.exec(given)?.[1];
  if (id !== undefined) return `write the ID alone, without the ARN: import: ${id.toLowerCase()}`;
  if (/^[a-zA-Z0-9]{12}$/.test(given)) return `write it in lowercase: import: ${given.toLowerCase()}`;
  if (given.includes("inference-profile/") || /^[a-z]+\.[a-z]/.test(given)) {
    return "import adopts an application inference profile (one you created), not a system-defined one; remove import: to create a new profile";
  }
  return "copy the ID from `aws bedrock list-inference-profiles --type-equals APPLICATION` (the part after application-inference-profile/ in its ARN)";
}

/** Locate issues in the source. */
function locateAll(issues: readonly ConfigIssue[], source: SourceMap, file: string): LocatedIssue[] {
  return issues.map((issue) => {
    const position = source.locate(issue.path, issue.atKey);
    return { ...issue, file, ...(position ? { position } : {}) };
  });
}

/** Environment settings the rules can do without: at worst, without an accountId a name clash goes unseen. */
const SETTINGS_RULES_DO_WITHOUT = new Set(["accountId", "backend", "assumeRole", "encryption"]);

/**
 * The part of the config a shape issue invalidates, when the rules can check the rest without
 * it: a whole profile, a whole product, or an environment setting no rule reads (dropping an
 * `accountId` can hide a name clash, never invent one). `undefined` when anything else might
 * depend on the broken value (an environment's region, the defaults, a custom model, global tags):
 * then the rules do not run, rather than report mistakes that are not there.
 */
function separablePart(path: ConfigPath): ConfigPath | undefined {
  if (path[0] === "products" && path.length >= 2) {
    return path[2] === "profiles" && path.length >= 4 ? path.slice(0, 4) : path.slice(0, 2);
  }
  if (path[0] === "environments" && path.length >= 3 && SETTINGS_RULES_DO_WITHOUT.has(String(path[2]))) {
    return path.slice(0, 3);
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
  const parts = shape.map((issue) => separablePart(issue.path));
  if (parts.some((part) => part === undefined)) return [];
  const rest = profilesConfigSchema.safeParse(without(input, parts as ConfigPath[]));
  return rest.success ? checkRules(rest.data, builtIn) : [];
}

/** Receives each warning about a valid config, formatted like an error and prefixed `warning:`. */
export type WarningSink = (warning: string) => void;

/** Options of {@link parseConfig} and {@link loadConfig}. */
export interface LoadOptions {
  /** @default BUILT_IN_MODELS */
  readonly builtIn?: ModelCatalog;
  /** Where warnings go (a model near its end of life). @default dropped */
  readonly warn?: WarningSink;
  /** The file's name in messages, as the user knows it. @default the path read */
  readonly shownAs?: string;
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

/** Whether two key paths lie on one branch (one is a prefix of the other). */
function overlaps(a: ConfigPath, b: ConfigPath): boolean {
  const length = Math.min(a.length, b.length);
  return a.slice(0, length).every((part, index) => String(part) === String(b[index]));
}

/**
 * Parse and check a profiles file's text. Throws {@link ConfigError} listing every problem,
 * and nothing else: a failure of the YAML library, of zod or of a rule becomes a located report.
 * `file` is used only in messages. Warnings (a model near its end of life) go to `warn`.
 */
export function parseConfig(text: string, file: string, options: LoadOptions = {}): ProfilesConfig {
  try {
    return checkText(text, file, options);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    // Past every check above, only a limit of the machine or a bug is left: still a report, never a stack trace.
    const exhausted = error instanceof RangeError;
    throw new ConfigError([
      {
        file,
        path: [],
        position: { line: 1, col: 1 },
        message: exhausted
          ? `the file is too large or too deeply nested to read (${(error as Error).message})`
          : `the file could not be read: ${(error as Error).message}`,
        fix: exhausted
          ? `keep it under ${MAX_DEPTH} levels of nesting and ${MAX_FILE_BYTES / 1024 / 1024} MiB`
          : "please report this message with the file to the maintainers of bedrock-profiles",
      },
    ]);
  }
}

/** {@link parseConfig} without its safety net. */
function checkText(raw: string, file: string, options: LoadOptions): ProfilesConfig {
  const { builtIn = BUILT_IN_MODELS, warn = () => {} } = options;
  // A byte order mark is allowed, and is no column of line 1.
  const text = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
    throw new ConfigError([
      {
        file,
        path: [],
        position: { line: 1, col: 1 },
        message: `the file is ${Buffer.byteLength(text)} bytes; the profiles file is read only up to ${MAX_FILE_BYTES} bytes (${MAX_FILE_BYTES / 1024 / 1024} MiB)`,
        fix: "check that PROFILES_CONFIG names the profiles file; 10,000 profiles take about 1 MiB",
      },
    ]);
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
      {
        file,
        path: [],
        position: { line: 1, col: 1 },
        message: `the aliases of this file expand to more than ${MAX_ALIAS_COUNT} copies of anchored values (${error.message})`,
        fix: "write the values out, or use fewer aliases of aliases",
      },
    ]);
  }
  const parsed = profilesConfigSchema.safeParse(input);
  if (!parsed.success) {
    const shape = parsed.error.issues.flatMap((issue) => shapeIssues(issue, input, source));
    return refuse(locateAll([...shape, ...rulesOnSeparableParts(input, shape, builtIn)], source, file));
  }
  const issues = checkRules(parsed.data, builtIn);
  if (issues.length > 0 || early.length > 0) refuse(locateAll(issues, source, file));
  for (const warning of sortIssues(locateAll(lifecycleWarnings(parsed.data, builtIn), source, file))) {
    warn(`warning: ${formatIssue(warning)}\n`);
  }
  return parsed.data;
}

/** `did you mean "config/profiles.yaml"?` for `config/profile.yaml`: a YAML file beside `file` with a close name. */
function similarFile(file: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(dirname(file)).filter((name) => /\.ya?ml$/.test(name));
  } catch {
    return undefined;
  }
  const name = closest(basename(file), names);
  return name === undefined ? undefined : `did you mean ${show(join(dirname(file), name))}?`;
}

/** Read and check the profiles file at `file`. Throws {@link ConfigError}, also when it is missing. */
export function loadConfig(file: string, options: LoadOptions = {}): ProfilesConfig {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const reasons: Record<string, string> = {
      ENOENT: "there is no such file",
      EISDIR: "it is a directory",
      EACCES: "permission denied",
    };
    throw new ConfigError([
      {
        file,
        path: [],
        message: `cannot read the profiles file ${resolvePath(file)}: ${reasons[code] ?? (error as Error).message}`,
        fix:
          (code === "ENOENT" ? similarFile(file) : undefined) ??
          `set PROFILES_CONFIG to the profiles file, or unset it and run from the repository root to use ${DEFAULT_CONFIG_PATH}`,
      },
    ]);
  }
  const shownAs = options.shownAs ?? file;
  const invalidAt = firstInvalidUtf8(bytes);
  if (invalidAt !== undefined) {
    const line = bytes.subarray(0, invalidAt).filter((byte) => byte === 0x0a).length + 1;
    const col = invalidAt - bytes.subarray(0, invalidAt).lastIndexOf(0x0a);
    throw new ConfigError([
      {
        file: shownAs,
        path: [],
        position: { line, col },
        message: `the file is not UTF-8 text: byte ${invalidAt} (0x${bytes[invalidAt].toString(16).padStart(2, "0")}, line ${line}, byte ${col} of the line) is not valid UTF-8`,
        allowed: "a YAML text file encoded as UTF-8",
        fix: "save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`), or check that PROFILES_CONFIG names the profiles file",
      },
    ]);
  }
  return parseConfig(bytes.toString("utf8"), shownAs, options);
}

/**
 * Offset of the first byte that makes `bytes` invalid UTF-8, or undefined when it is valid.
 * A prefix is valid as a stream exactly when no invalid byte lies in it, so the first is found
 * by halving; an incomplete sequence at the very end counts as invalid.
 */
function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  const valid = (length: number, stream: boolean) => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, length), { stream });
      return true;
    } catch {
      return false;
    }
  };
  if (valid(bytes.length, false)) return undefined;
  if (valid(bytes.length, true)) {
    // A sequence cut short at the end: its first byte is the one at fault.
    let offset = bytes.length - 1;
    while (offset > 0 && (bytes[offset] & 0xc0) === 0x80) offset--;
    return offset;
  }
  let [low, high] = [0, bytes.length];
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (valid(middle + 1, true)) low = middle + 1;
    else high = middle;
  }
  // The byte found may be one that cuts short a sequence begun before it (`Zo\xeb\n` in Latin-1):
  // then the byte at fault is the one that began the sequence.
  if (!valid(low, false)) {
    while (low > 0 && (bytes[low - 1] & 0xc0) === 0x80) low--;
    low--;
  }
  return low;
}
