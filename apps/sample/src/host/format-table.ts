import { styleText } from "node:util";
import { runResources } from "../run-resource.ts";
import { type Outcome, stepNames, stepTitles } from "../step-result.ts";
import type { RuntimeReport } from "./runtime-report.ts";

type Style = Parameters<typeof styleText>[0];

const marks: Record<Outcome, { mark: string; style: Style }> = {
  ok: { mark: "✓", style: "green" },
  refused: { mark: "✓", style: "cyan" },
  none: { mark: " ", style: "dim" },
  skipped: { mark: "-", style: "yellow" },
  mismatch: { mark: "✗", style: "red" },
};

/**
 * The final table: one row per runtime and run type, one column per step, each cell the step's
 * outcome, and the run type's total time. Widths are measured before colouring.
 */
export function formatTable(reports: readonly RuntimeReport[], color: boolean): string {
  const paint = (style: Style, text: string) => (color ? styleText(style, text) : text);
  const header = ["runtime", "run type", ...stepNames.map((s) => stepTitles[s]), "time"];
  const rows: { cells: string[]; styles: (Style | undefined)[] }[] = [];
  for (const report of reports) {
    for (const runType of runResources) {
      const steps = report.results.filter((s) => s.runType === runType);
      if (steps.length === 0) continue;
      const cells: string[] = [report.runtime, runType];
      const styles: (Style | undefined)[] = [undefined, undefined];
      for (const name of stepNames) {
        const step = steps.find((s) => s.step === name);
        const { mark, style } = marks[step?.outcome ?? "mismatch"];
        cells.push(step ? `${mark} ${step.summary}` : "✗ missing");
        styles.push(style);
      }
      cells.push(formatMs(steps.reduce((ms, s) => ms + s.ms, 0)));
      styles.push("dim");
      rows.push({ cells, styles });
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => width(r.cells[i]))));
  const line = (cells: string[], styles: (Style | undefined)[] = []) =>
    cells
      .map((cell, i) => {
        const padded = cell + " ".repeat((widths[i] ?? 0) - width(cell));
        const style = styles[i];
        return style ? paint(style, padded) : padded;
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  const out = [paint("bold", line(header)), rule];
  let previous: string | undefined;
  for (const row of rows) {
    if (previous !== undefined && previous !== row.cells[0]) out.push(rule);
    previous = row.cells[0];
    out.push(line(row.cells, row.styles));
  }
  return out.join("\n");
}

/** `12 ms`, `3.4 s`. */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Display width: every character here is one column wide (no wide CJK or emoji in cells). */
function width(text: string | undefined): number {
  return [...(text ?? "")].length;
}
