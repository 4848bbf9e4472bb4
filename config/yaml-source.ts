/**
 * A parsed YAML document with its source positions: where a key path is written, and which key
 * path is written at a character offset. Messages point at `file:line:col` through it.
 */
import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node } from "yaml";
import type { ConfigIssue, ConfigPath, LocatedIssue, Position } from "./errors.ts";

/** A parsed YAML document and the means to find a path in it. */
export class SourceMap {
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
export function rangeStart(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}
/** Issues located in the source, each at its key or value. */
export function locateAll(issues: readonly ConfigIssue[], source: SourceMap, file: string): LocatedIssue[] {
  return issues.map((issue) => {
    const position = source.locate(issue.path, issue.atKey);
    return { ...issue, file, ...(position ? { position } : {}) };
  });
}
