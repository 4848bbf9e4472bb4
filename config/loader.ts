/**
 * Reads the profiles file: YAML with source positions → zod shape check → rules. Every problem
 * found is reported at once, located at `file:line:col`, in one {@link ConfigError}.
 * The only module that reads the config file or the environment variable naming it.
 */
import { readFileSync } from "node:fs";
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLError } from "yaml";
import type { z } from "zod";
import { BUILT_IN_MODELS, type ModelCatalog } from "./catalog.ts";
import {
  ConfigError,
  type ConfigIssue,
  type ConfigPath,
  didYouMean,
  type LocatedIssue,
  type Position,
  show,
} from "./errors.ts";
import { checkRules } from "./rules.ts";
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
    if (offset === undefined) return undefined;
    const { line, col } = this.lines.linePos(offset);
    return { line, col };
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

/** Fixes for the YAML syntax errors a hurried engineer makes. */
const YAML_FIXES: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: "indent with spaces; YAML does not allow tabs for indentation",
  DUPLICATE_KEY: "remove or rename one of the two entries; YAML keeps only one",
  MISSING_CHAR: "close the quote or bracket opened earlier on this line",
  BAD_INDENT: "align this line with its siblings (spaces only)",
  MULTILINE_IMPLICIT_KEY: "a key must fit on one line; check for a missing colon or an unclosed quote above",
  BLOCK_AS_IMPLICIT_KEY: "check the indentation and the colon of the line above",
  UNEXPECTED_TOKEN: "check for a stray character or a missing colon",
};

/** A YAML syntax error as a located issue. */
function yamlIssue(error: YAMLError, file: string): LocatedIssue {
  const [first] = error.message.split("\n");
  const message = first.replace(/ at line \d+, column \d+:?$/, "");
  const [start] = error.linePos ?? [];
  return {
    file,
    path: [],
    message: `YAML syntax: ${message}`,
    fix: YAML_FIXES[error.code],
    ...(start ? { position: { line: start.line, col: start.col } } : {}),
  };
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
        return [
          {
            path: path.slice(0, -1),
            atKey: true,
            message: `missing ${show(last)} (${issue.expected})`,
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
              : `expected a string, got ${typeName(given)} ${show(given)}`,
            fix: `quote it: ${String(last)}: "${written}"`,
          },
        ];
      }
      return [
        {
          path,
          message: `expected ${issue.expected === "record" ? "a mapping" : issue.expected}, got ${typeName(given)}`,
        },
      ];
    }
    case "invalid_value": {
      const values = issue.values.map(String);
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
    default:
      return [{ path, message: `${show(given)} ${issue.message}` }];
  }
}

/** Locate issues in the source. */
function locateAll(issues: readonly ConfigIssue[], source: SourceMap, file: string): LocatedIssue[] {
  return issues.map((issue) => {
    const position = source.locate(issue.path, issue.atKey);
    return { ...issue, file, ...(position ? { position } : {}) };
  });
}

/**
 * Parse and check a profiles file's text. Throws {@link ConfigError} listing every problem.
 * `file` is used only in messages.
 */
export function parseConfig(text: string, file: string, builtIn: ModelCatalog = BUILT_IN_MODELS): ProfilesConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) throw new ConfigError(doc.errors.map((error) => yamlIssue(error, file)));
  const source = new SourceMap(doc, lines);
  const input: unknown = doc.toJS();
  const parsed = profilesConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((issue) => shapeIssues(issue, input, source));
    throw new ConfigError(locateAll(issues, source, file));
  }
  const issues = checkRules(parsed.data, builtIn);
  if (issues.length > 0) throw new ConfigError(locateAll(issues, source, file));
  return parsed.data;
}

/** Read and check the profiles file at `file`. Throws {@link ConfigError}, also when it is missing. */
export function loadConfig(file: string, builtIn: ModelCatalog = BUILT_IN_MODELS): ProfilesConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : String(error);
    throw new ConfigError([
      {
        file,
        path: [],
        message: `cannot read the profiles file: ${reason}`,
        fix: `create it (see README "Configuration") or point PROFILES_CONFIG at it; the default is ${DEFAULT_CONFIG_PATH}`,
      },
    ]);
  }
  return parseConfig(text, file, builtIn);
}
