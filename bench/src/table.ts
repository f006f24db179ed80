/** A Markdown table with padded columns, also readable as plain text in a terminal. */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = headers.map((h, i) =>
    Math.max(3, h.length, ...rows.map((r) => (r[i] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  // The rule as Biome's Markdown formatter writes it, so a generated RESULTS.md passes `biome ci`.
  const rule = `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`;
  return [line(headers), rule, ...rows.map(line)].join("\n");
}

/** Rewrites `|----|---|` rules (tables rendered by older runs) in the form `renderTable` writes. */
export function normalizeRules(text: string): string {
  return text.replace(
    /^\|(?:-+\|)+$/gm,
    (rule) =>
      `| ${rule
        .slice(1, -1)
        .split("|")
        .map((cell) => "-".repeat(Math.max(3, cell.length - 2)))
        .join(" | ")} |`,
  );
}
