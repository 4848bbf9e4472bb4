/**
 * YAML syntax errors as an engineer needs them: each at the line to edit (an unclosed quote where
 * it opens, not at the end of the file), in words, with the fix; the parser's echoes left out.
 */
import { type Document, Parser, type YAMLError } from "yaml";
import { plainValueAt } from "./document-checks.ts";
import { type ConfigIssue, type ConfigPath, type LocatedIssue, show } from "./errors.ts";
import type { SourceMap } from "./yaml-source.ts";

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

/** What explaining one parser error needs: the text, its positions and the unclosed openings. */
interface SyntaxSite {
  readonly text: string;
  readonly source: SourceMap;
  readonly openings: readonly UnclosedOpening[];
  /** The issue at `offset` with key path `path`. */
  readonly at: (offset: number, path: ConfigPath, issue: Omit<ConfigIssue, "path">) => LocatedIssue;
}

/** A quote or bracket never closed, at the line where it opens rather than at the end of the file. */
function unclosed(error: YAMLError, { source, openings, at }: SyntaxSite): LocatedIssue | undefined {
  const closing = missingClosing(error.message);
  const opening = openings.filter((open) => open.closing === closing && open.offset < error.pos[0]).at(-1);
  if (opening === undefined) return undefined;
  const what = closing === '"' || closing === "'" ? "quote" : "bracket";
  return at(opening.offset, source.pathAt(opening.offset), {
    message: `YAML syntax: the ${what} ${opening.opening} opened here is never closed, so everything after it up to the end of the file is read as part of this value`,
    fix: `add the closing ${closing} at the end of the value on this line`,
  });
}

/** `description: Agent: support`, which the parser reads as a nested mapping. */
function colonInValue(error: YAMLError, { text, source, at }: SyntaxSite): LocatedIssue | undefined {
  const [offset] = error.pos;
  const found = error.code === "BLOCK_AS_IMPLICIT_KEY" ? unquotedColonValue(text, offset) : undefined;
  if (found === undefined) return undefined;
  return at(offset, source.pathAt(found.keyOffset), {
    message: `YAML syntax: the value ${show(found.value)} contains ": ", which YAML reads as the start of another key`,
    fix: `quote the value: ${found.key}: ${JSON.stringify(found.value)}`,
  });
}

/** A second document (a line `---`). */
function secondDocument(error: YAMLError, { at }: SyntaxSite): LocatedIssue | undefined {
  if (error.code !== "MULTIPLE_DOCS") return undefined;
  return at(error.pos[0], [], {
    message: "YAML syntax: a second document starts here (a line ---); the profiles file is one document",
    fix: "remove this --- line and merge what follows into the document above, or move it to a file of its own",
  });
}

/** An unquoted value starting with a character YAML reserves (`@`, `` ` ``, `%`). */
function reservedStart(error: YAMLError, { text, source, at }: SyntaxSite): LocatedIssue | undefined {
  const [offset] = error.pos;
  const reserved = error.code === "BAD_SCALAR_START" ? text[offset] : undefined;
  if (reserved === undefined) return undefined;
  const path = source.pathAt(offset);
  const value = plainValueAt(text, offset);
  return at(offset, path, {
    message: `YAML syntax: the value ${show(value)} starts with ${show(reserved)}, which YAML reserves${reserved === "%" ? " for directives" : ""} and does not allow at the start of an unquoted value`,
    fix: `quote the value: ${typeof path.at(-1) === "string" ? `${String(path.at(-1))}: ` : ""}${JSON.stringify(value)}`,
  });
}

/** A key written twice in one mapping, with the line of the first. */
function duplicateKey(error: YAMLError, { source, at }: SyntaxSite): LocatedIssue | undefined {
  if (error.code !== "DUPLICATE_KEY") return undefined;
  const [offset] = error.pos;
  const path = source.pathAt(offset);
  const first = source.firstKeyPosition(offset);
  return at(offset, path, {
    message: `YAML syntax: the key ${show(String(path.at(-1)))} is written twice in the same mapping${first ? ` (first at line ${first.line})` : ""}`,
    fix: "merge the two entries into one, or rename one of them",
  });
}

/** Any other parser error, in words when known. The line and column say where; a key path guessed from a broken document would mislead. */
function otherError(error: YAMLError, { at }: SyntaxSite): LocatedIssue {
  const known = YAML_ERRORS[error.code];
  const parserMessage = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  return at(error.pos[0], [], { message: `YAML syntax: ${known?.message ?? parserMessage}`, fix: known?.fix });
}

/** The explanations of a parser error, the most telling first. */
const EXPLAINERS = [unclosed, colonInValue, secondDocument, reservedStart, duplicateKey];

/**
 * A tab throws off the indentation of every line after it: the parser's complaints further down
 * are echoes of the tab, and would send the engineer to lines that are fine. The indexes of the
 * echoes, and of the tab when it has any.
 */
function tabEchoes(errors: readonly YAMLError[]): { readonly tab: number; readonly echoes: ReadonlySet<number> } {
  const tab = errors.findIndex((error) => error.code === "TAB_AS_INDENT");
  if (tab < 0) return { tab, echoes: new Set() };
  const echoes = new Set(
    errors.flatMap((error, index) =>
      error.code !== "TAB_AS_INDENT" && error.pos[0] > errors[tab].pos[0] ? [index] : [],
    ),
  );
  return { tab: echoes.size > 0 ? tab : -1, echoes };
}

/** The YAML syntax errors of a document, each at the line an engineer has to edit, one per place. */
export function yamlIssues(doc: Document.Parsed, text: string, source: SourceMap, file: string): LocatedIssue[] {
  const site: SyntaxSite = {
    text,
    source,
    openings: unclosedOpenings(text),
    at: (offset, path, issue) => ({ file, path, position: source.position(offset), ...issue }),
  };
  const { tab, echoes } = tabEchoes(doc.errors);
  return doc.errors
    .map((error, index) => {
      const issue =
        EXPLAINERS.reduce<LocatedIssue | undefined>((found, explain) => found ?? explain(error, site), undefined) ??
        otherError(error, site);
      return index === tab
        ? { ...issue, fix: `${issue.fix}. The parser's errors further down follow from this tab and are left out` }
        : issue;
    })
    .filter((_, index) => !echoes.has(index))
    .filter((issue, index, all) => all.findIndex((other) => other.position?.line === issue.position?.line) === index);
}
