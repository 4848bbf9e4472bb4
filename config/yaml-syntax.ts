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

/** The YAML syntax errors of a document, each at the line an engineer has to edit, one per place. */
export function yamlIssues(doc: Document.Parsed, text: string, source: SourceMap, file: string): LocatedIssue[] {
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
