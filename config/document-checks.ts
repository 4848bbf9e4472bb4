/**
 * Checks of a parsed YAML document that come before its shape: nesting depth, aliases, tags and
 * anchors a value starting with `*`, `&` or `!` turns into by accident, and characters outside
 * printable ASCII. Each walk uses its own stack, never recursion, so a deep file cannot overflow it.
 */
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node } from "yaml";
import { asciiSuggestion, characterName, isDeceptive, lookAlike, oddCharacters } from "./characters.ts";
import type { ConfigPath, LocatedIssue, Position } from "./errors.ts";
import { formatPath, show } from "./errors.ts";

/**
 * The deepest nesting a profiles file can need is 6 (products.<p>.profiles.<q>.tags.<k>); 32
 * leaves room for flow style and still stops a file built to exhaust the parser.
 */
export const MAX_DEPTH = 32;

/**
 * One node met on a walk, with its depth and where it hangs. The key path is built only for a
 * node something is reported on ({@link pathOf}): copying it for each of the thousands of nodes
 * of a large file cost more than every check together.
 */
interface Visit {
  readonly node: unknown;
  /** The visit of the collection holding this node; undefined for the document's contents. */
  readonly parent: Visit | undefined;
  /** The key or index of this node in `parent`'s key path. */
  readonly part: string | number;
  readonly depth: number;
  /** The node is a mapping key. */
  readonly isKey: boolean;
}

/** The key path of a visited node. */
function pathOf(visit: Visit): ConfigPath {
  const path: (string | number)[] = [];
  for (let at: Visit | undefined = visit; at?.parent !== undefined; at = at.parent) path.push(at.part);
  return path.reverse();
}

/** Every node of the document, keys included, in document order; stops descending below `MAX_DEPTH`. */
function* walk(doc: Document.Parsed): Generator<Visit> {
  const stack: Visit[] = [{ node: doc.contents, parent: undefined, part: "", depth: 0, isKey: false }];
  while (stack.length > 0) {
    const visit = stack.pop() as Visit;
    yield visit;
    if (visit.depth > MAX_DEPTH) continue;
    const { node } = visit;
    const depth = visit.depth + 1;
    // Pushed last child first, so that the pops follow the document's order.
    if (isMap(node)) {
      for (let index = node.items.length - 1; index >= 0; index--) {
        const pair = node.items[index];
        const part = isScalar(pair.key) ? String(pair.key.value) : "?";
        stack.push({ node: pair.value, parent: visit, part, depth, isKey: false });
        stack.push({ node: pair.key, parent: visit, part, depth, isKey: true });
      }
    } else if (isSeq(node)) {
      for (let index = node.items.length - 1; index >= 0; index--) {
        const item = node.items[index];
        // A `- a: b` item is a pair in a sequence: the pair's key and value are its children.
        if (isPair(item)) {
          stack.push({ node: item.value, parent: visit, part: index, depth, isKey: false });
          stack.push({ node: item.key, parent: visit, part: index, depth, isKey: true });
        } else stack.push({ node: item, parent: visit, part: index, depth, isKey: false });
      }
    }
  }
}

/** Start offset of a node. */
function start(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}

/** The `key: value` text of the line holding `offset`, for a fix quoting the value. */
function lineAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const lineEnd = text.indexOf("\n", offset);
  return text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, "");
}

/** The unquoted value written from `offset` to the end of its line, without a comment or flow punctuation. */
export function plainValueAt(text: string, offset: number): string {
  const rest = lineAt(text, offset).slice(offset - (text.lastIndexOf("\n", offset - 1) + 1));
  return rest
    .replace(/\s+#.*$/, "")
    .replace(/[,\]}].*$/, "")
    .trimEnd();
}

/** `key: "value"` as the fix for a value that needs quotes. */
function quotedFix(path: ConfigPath, value: string): string {
  const key = path.at(-1);
  return typeof key === "string"
    ? `quote the value: ${key}: ${JSON.stringify(value)}`
    : `quote the value: ${JSON.stringify(value)}`;
}

/** What a leading character makes YAML do, in the user's terms. */
const LEADING: Readonly<Record<string, string>> = {
  "*": "an alias (a reference to an anchor &name)",
  "&": "an anchor (a name for the value after it)",
  "!": "a tag (a type for the value after it)",
};

/**
 * Names, descriptions and tags have rules of their own (rules.ts) that fold a dash, a quote or
 * an accent into what Bedrock accepts; only what those cannot fold is named here.
 */
function checkedByBedrockRule(path: ConfigPath, isKey: boolean): boolean {
  const tagsAt = path.indexOf("tags");
  const inTags = tagsAt >= 0 && tagsAt === path.length - 2;
  return inTags || (!isKey && (path.at(-1) === "description" || path.at(-1) === "name"));
}

/** What {@link documentIssues} found. */
export interface DocumentIssues {
  readonly issues: LocatedIssue[];
  /** The document cannot be read as data (an alias without anchor, a key that is a collection). */
  readonly blocking: boolean;
  /** Nested beyond {@link MAX_DEPTH}: the parser's own errors are echoes of it. */
  readonly tooDeep: boolean;
}

/** One node met on the walk, with what the checks of a node need. */
interface Site {
  readonly node: unknown;
  readonly path: ConfigPath;
  readonly depth: number;
  /** The node is a mapping key. */
  readonly isKey: boolean;
  readonly offset: number;
  readonly text: string;
  /** The anchors set so far, before this node. */
  readonly anchors: ReadonlyMap<string, number>;
  /** The issue at `offset`, or at `where`. */
  readonly at: (issue: Omit<LocatedIssue, "file" | "position">, where?: number) => LocatedIssue;
}

/** What a node check found: the issue, and whether the document can still be read as data. */
type Finding = { readonly issue: LocatedIssue; readonly blocking?: boolean } | undefined;

/** A key written as a mapping or a list. */
function collectionKey({ node, path, isKey, at }: Site): Finding {
  if (!isKey || !(isMap(node) || isSeq(node))) return undefined;
  return {
    blocking: true,
    issue: at({
      path: path.slice(0, -1),
      message: `a key here is ${isMap(node) ? "a mapping" : "a list"} (written with ${isMap(node) ? "{ }" : "[ ]"} or ?); keys of the profiles file are plain names`,
      fix: "write the key as a plain name followed by a colon, or quote it if the brackets belong to the name",
    }),
  };
}

/** A value starting with `&`: an anchor, which leaves the value empty. */
function emptyAnchor({ node, path, isKey, offset, text, at }: Site): Finding {
  const anchor = (node as { anchor?: string }).anchor;
  if (anchor === undefined || isKey || !(isScalar(node) && node.value === null)) return undefined;
  const where = text.lastIndexOf("&", offset);
  const written = plainValueAt(text, where);
  return {
    issue: at(
      {
        path,
        message: `the value ${show(written)} starts with "&", which YAML reads as ${LEADING["&"]}, leaving the value empty`,
        fix: quotedFix(path, written),
      },
      where,
    ),
  };
}

/** A value starting with `*`: an alias, of an anchor not set before it. */
function aliasWithoutAnchor({ node, path, offset, text, anchors, at }: Site): Finding {
  if (!isAlias(node) || anchors.has(node.source)) return undefined;
  const written = plainValueAt(text, offset);
  return {
    blocking: true,
    issue: at({
      path,
      message: `the value ${show(written)} starts with "*", which YAML reads as ${LEADING["*"]}, and no anchor &${node.source} is set before it`,
      fix: `${quotedFix(path, written)}; or, to reuse a value, set &${node.source} on it above this line`,
    }),
  };
}

/** A value starting with `!`: a tag YAML does not know. */
function unknownTag({ node, path, offset, text, at }: Site): Finding {
  const tag = (node as { tag?: string }).tag;
  if (tag === undefined || tag.startsWith("tag:yaml.org,2002:")) return undefined;
  const where = text.lastIndexOf("!", offset);
  const written = plainValueAt(text, where);
  return {
    issue: at(
      {
        path,
        message: `the value ${show(written)} starts with "!", which YAML reads as ${LEADING["!"]}; ${show(tag)} is not a type YAML knows`,
        fix: quotedFix(path, written),
      },
      where,
    ),
  };
}

/** Characters outside printable ASCII in a key or value, named, with the ASCII to retype. */
function oddCharactersIn(position: (offset: number) => Position): (site: Site) => Finding {
  return ({ node, path, isKey, text, at }) => {
    if (!isScalar(node) || typeof node.value !== "string" || (node as Node).range === undefined) return undefined;
    const [from, to] = (node as Node).range as [number, number, number];
    const odd = oddCharacters(text.slice(from, to)).filter(
      ({ char }) => !checkedByBedrockRule(path, isKey) || isDeceptive(char),
    );
    if (odd.length === 0) return undefined;
    const first = odd[0];
    const col = position(from + first.index).col;
    const looks = lookAlike(first.char);
    const more = odd.length > 1 ? ` (and ${odd.length - 1} more such character${odd.length > 2 ? "s" : ""})` : "";
    return {
      issue: at(
        {
          path,
          atKey: isKey,
          message: `the ${isKey ? "key" : "value"} ${show(node.value)} holds ${characterName(first.char)} at column ${col}${looks ? `, which ${looks}` : ""}${more}`,
          allowed:
            "printable ASCII characters only: AWS accepts nothing else in the names, tags and ARNs made of this file",
          fix: `retype it as ${show(asciiSuggestion(node.value).trim())}`,
        },
        from + first.index,
      ),
    };
  };
}

/** A character {@link oddCharactersIn} names: outside printable ASCII, line breaks and tabs. */
const ODD_CHARACTER = /[^\x20-\x7e\t\r\n]/;

/**
 * Whether a node can be found wrong by a check other than {@link oddCharactersIn}: a collection
 * as a key, an anchor, an alias or a tag. Most nodes are none of these, and are passed over.
 */
function mayBeFound(node: unknown, isKey: boolean): boolean {
  const { anchor, tag } = node as { anchor?: string; tag?: string };
  return anchor !== undefined || tag !== undefined || isAlias(node) || (isKey && (isMap(node) || isSeq(node)));
}

/** The issues of a document found before its shape is checked. */
export function documentIssues(
  doc: Document.Parsed,
  text: string,
  file: string,
  position: (offset: number) => Position,
): DocumentIssues {
  const issues: LocatedIssue[] = [];
  let blocking = false;
  const anchors = new Map<string, number>();
  // Every scalar's text lies in the document's: when that is all printable ASCII, no node needs the character check.
  const asciiOnly = !ODD_CHARACTER.test(text);
  const checks = [collectionKey, emptyAnchor, aliasWithoutAnchor, unknownTag];
  if (!asciiOnly) checks.push(oddCharactersIn(position));
  for (const visit of walk(doc)) {
    const offset = start(visit.node);
    if (offset === undefined) continue;
    if (visit.depth > MAX_DEPTH) {
      issues.push({
        file,
        position: position(offset),
        path: [],
        message: `the document is nested more than ${MAX_DEPTH} levels deep here (${formatPath(pathOf(visit).slice(0, 4))}…); a profiles file needs at most 6`,
        fix: "remove the extra brackets or indentation; docs/configuration.md shows the layout",
      });
      return { issues, blocking: true, tooDeep: true };
    }
    const anchor = (visit.node as { anchor?: string }).anchor;
    if (anchor !== undefined) anchors.set(anchor, offset);
    const { node, depth, isKey } = visit;
    if (asciiOnly && !mayBeFound(node, isKey)) continue;
    const at: Site["at"] = (issue, where = offset) => ({ file, position: position(where), ...issue });
    const site: Site = { node, path: pathOf(visit), depth, isKey, offset, text, anchors, at };
    for (const check of checks) {
      const found = check(site);
      if (found === undefined) continue;
      issues.push(found.issue);
      blocking ||= found.blocking === true;
    }
  }
  return { issues, blocking, tooDeep: false };
}
