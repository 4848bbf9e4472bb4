/**
 * The documentation's links hold: every relative link and `#anchor` in README.md and docs/*.md
 * names a file of the repository and, for a Markdown file, one of its headings; every page under
 * docs/ is reachable from the README; and every README topic a command's message names
 * (`README "Configuration"`) is still named there after the move of the details to docs/.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.ts";

const PAGES = ["README.md", ...readdirSync(join(ROOT, "docs")).map((name) => `docs/${name}`)].filter((page) =>
  page.endsWith(".md"),
);

/** Lines outside fenced code blocks: a `#` or `](` inside an example is no heading or link. */
function prose(markdown: string): string[] {
  let fenced = false;
  return markdown.split("\n").filter((line) => {
    if (line.startsWith("```")) fenced = !fenced;
    return !fenced && !line.startsWith("```");
  });
}

/** GitHub's anchor of a heading: lowercase, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_\- ]/gu, "")
    .replaceAll(" ", "-");
}

function anchors(markdown: string): Set<string> {
  return new Set(
    prose(markdown).flatMap((line) => {
      const heading = /^#{1,6} (.*)$/.exec(line)?.[1];
      return heading === undefined ? [] : [anchorOf(heading)];
    }),
  );
}

/** The inline links of a page that point inside the repository, as written. */
function relativeLinks(markdown: string): string[] {
  return prose(markdown)
    .flatMap((line) => [...line.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]))
    .filter((target) => !/^[a-z]+:/.test(target));
}

/** Each link of `page` that names no existing file or heading, as `page → target`. */
function brokenLinks(page: string, markdown: string, read: (path: string) => string | undefined): string[] {
  return relativeLinks(markdown).flatMap((target) => {
    const [path, anchor] = target.split("#");
    const file = path === "" ? page : relative(ROOT, join(ROOT, dirname(page), path));
    const text = read(file);
    const found = text !== undefined && (anchor === undefined || !file.endsWith(".md") || anchors(text).has(anchor));
    return found ? [] : [`${page} → ${target}`];
  });
}

const readRepo = (path: string) => (existsSync(join(ROOT, path)) ? readFileSync(join(ROOT, path), "utf8") : undefined);

describe("the documentation's links", () => {
  it("name an existing file and heading, in the README and every page under docs/", () => {
    expect(PAGES).toContain("docs/configuration.md");
    const broken = PAGES.flatMap((page) => brokenLinks(page, readFileSync(join(ROOT, page), "utf8"), readRepo));
    expect(broken).toEqual([]);
  });

  it("are found broken when a file or a heading is missing", () => {
    const page = [
      "# Title",
      "## A heading, with `code`",
      "[ok](#a-heading-with-code) [ok](../README.md#getting-started) [ok](design.md)",
      "[gone](#no-such-heading) [gone](../README.md#no-such-heading) [gone](no-such-page.md)",
      "```sh",
      "[not a link](#inside-a-code-block)",
      "```",
    ].join("\n");
    const read = (path: string) => (path === "docs/example.md" ? page : readRepo(path));
    expect(brokenLinks("docs/example.md", page, read)).toEqual([
      "docs/example.md → #no-such-heading",
      "docs/example.md → ../README.md#no-such-heading",
      "docs/example.md → no-such-page.md",
    ]);
  });

  it("reach every page under docs/ from the README", () => {
    const linked = new Set(relativeLinks(readFileSync(join(ROOT, "README.md"), "utf8")).map((t) => t.split("#")[0]));
    expect(PAGES.filter((page) => page !== "README.md" && !linked.has(page))).toEqual([]);
  });
});

describe("the README topics the commands' messages name", () => {
  const sources = ["cli", "config", "review", "scripts", "stacks"].flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((name) => name.endsWith(".ts"))
      .map((name) => readFileSync(join(ROOT, dir, name), "utf8")),
  );
  const topics = [
    ...new Set(
      sources.flatMap((source) =>
        [...source.matchAll(/README(?:\.md)?(?: \\?"([^"\\]+)\\?"|: ([^)."'`]+))/g)].map((match) =>
          (match[1] ?? match[2]).trim(),
        ),
      ),
    ),
  ].sort();

  it("are each still named in the README, which links to where the details moved", () => {
    expect(topics).toContain("How a model upgrade works");
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(topics.filter((topic) => !readme.includes(topic))).toEqual([]);
  });

  it("and the docs/ pages they name exist", () => {
    const pages = [
      ...new Set(sources.flatMap((source) => [...source.matchAll(/docs\/[a-z-]+\.md/g)].map((m) => m[0]))),
    ];
    expect(pages).toContain("docs/configuration.md");
    expect(pages.filter((page) => !existsSync(join(ROOT, page)))).toEqual([]);
  });
});
