import cliProgress from "cli-progress";
import type { CliIo } from "./io.ts";

/** One settled ID, as a bulk job's `onProgress` gives it. */
export interface Settled {
  id: string;
  outcome: string;
  status?: string;
  error?: unknown;
  counts: Record<string, number>;
}

/** How a bulk command shows its work. */
export interface Reporter {
  /** The number of IDs, once known (a streamed source never says). */
  setTotal(total: number): void;
  settled(progress: Settled): void;
  /** A line of information (stderr in text mode, a JSON line with `--json`). */
  note(message: string, fields?: Record<string, unknown>): void;
  /** Stops the bar; call before printing the summary. */
  stop(): void;
}

const LABELS: Record<string, string> = {
  deleted: "deleted",
  alreadyAbsent: "already absent",
  notFound: "not found",
  cancelled: "cancelled",
  alreadyTerminal: "already finished",
  failed: "failed",
  notAttempted: "not attempted",
};

/** Human label of an outcome key (`alreadyAbsent` → "already absent"). */
export function label(outcome: string): string {
  return LABELS[outcome] ?? outcome;
}

/** One line describing an error, never more than 300 characters. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

/**
 * `--json`: one JSON line per settled ID on stdout. Otherwise, on a TTY, a progress bar on stderr
 * (cli-progress) with the running counts; elsewhere (a pipe, CI), nothing until the summary.
 */
export function createReporter(
  io: CliIo,
  options: { json: boolean; progress: boolean; verb: string; outcomes: string[] },
): Reporter {
  if (options.json) {
    return {
      setTotal: () => {},
      settled: ({ id, outcome, status, error }) => {
        io.stdout.write(
          `${JSON.stringify({ id, outcome, ...(status !== undefined && { status }), ...(error !== undefined && { error: describeError(error) }) })}\n`,
        );
      },
      note: (message, fields) =>
        io.stdout.write(`${JSON.stringify({ note: message, ...fields })}\n`),
      stop: () => {},
    };
  }
  if (!options.progress || io.stderr.isTTY !== true) {
    return {
      setTotal: () => {},
      settled: () => {},
      note: (message) => io.stderr.write(`${message}\n`),
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr,
      format: `${options.verb} {bar} {value}/{total} | {counts} | {rate}/s`,
      hideCursor: true,
      barsize: 24,
      etaBuffer: 50,
      fps: 8,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let total = 0;
  let active = false;
  const ensure = () => {
    if (!active) {
      bar.start(total, 0, { counts: "", rate: "0.0" });
      active = true;
    }
  };
  return {
    setTotal(n) {
      total = n;
      ensure();
      bar.setTotal(n);
    },
    settled({ counts }) {
      ensure();
      const done = options.outcomes.reduce((sum, key) => sum + (counts[key] ?? 0), 0);
      if (done > total) {
        total = counts.total ?? done;
        bar.setTotal(total);
      }
      const shown = options.outcomes
        .filter((key) => (counts[key] ?? 0) > 0)
        .map((key) => `${counts[key]} ${label(key)}`)
        .join(", ");
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      bar.update(done, { counts: shown, rate: (done / seconds).toFixed(1) });
    },
    note(message) {
      if (active) bar.stop();
      active = false;
      io.stderr.write(`${message}\n`);
    },
    stop() {
      if (active) bar.stop();
      active = false;
    },
  };
}
