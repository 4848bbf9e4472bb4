/** How the commands lay out text: tables (aligned for a terminal, or Markdown), inline code, counts. */

/** Columns padded to their widest cell, separated by two spaces; no trailing blanks. */
export function formatTextTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join("  ")
      .trimEnd();
  return `${[line(headers), ...rows.map(line)].join("\n")}\n`;
}

/** A GitHub-flavoured Markdown table; `|` in cells is escaped. */
export function formatMarkdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`;
  return `${[line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n")}\n`;
}

/** A value as Markdown inline code, between backticks. */
export function inlineCode(value: string): string {
  return `\`${value}\``;
}

/** A count with its noun: `1 profile`, `2 profiles`. */
export function pluralize(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
