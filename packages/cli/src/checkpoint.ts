import { closeSync, existsSync, openSync, readFileSync, writeSync } from "node:fs";
import { UsageError } from "./usage-error.ts";

/** The first line of a checkpoint: which job it belongs to. */
export interface CheckpointHeader {
  kind: "header";
  version: 1;
  /** `purge`, `delete` or `cancel`. */
  job: string;
  /** What makes two jobs the same (the purge filter, as JSON); a resume must match it. */
  key: string;
  /** Purge only: the creation-time cutoff fixed when the job started (ISO). */
  cutoff?: string;
  startedAt: string;
}

/** What an earlier, unfinished run of the same job got done. */
export interface CheckpointState {
  header: CheckpointHeader;
  /** Every run found by listing, in order, once. */
  found: string[];
  /** Listing passes that finished. */
  listed: Set<number>;
  /** IDs whose first request was sent. */
  started: Set<string>;
  /** The last outcome of each settled ID. */
  done: Map<string, string>;
  /** The API asked the job to wait until then (ms since epoch) before it stopped; 0 if not. */
  pausedUntil: number;
}

type Line =
  | CheckpointHeader
  | { kind: "found"; pass: number; ids: string[] }
  | { kind: "listed"; pass: number }
  | { kind: "start"; id: string }
  | { kind: "done"; id: string; outcome: string }
  | { kind: "pause"; until: string }
  | { kind: "complete"; at: string };

/**
 * An append-only JSON Lines file recording a bulk job as it goes, so that running the same command
 * again after a crash or Ctrl-C continues where it stopped: IDs already settled are skipped, IDs
 * whose request was in flight are retried knowing an earlier attempt may have landed (a 404 then
 * counts as already absent), and a purge keeps its original cutoff and list of runs.
 *
 * Every line is written synchronously (`writeSync`) before the job goes on, so a crash loses at
 * most the line being written; a torn last line is ignored on reading. A file whose job completed
 * is started afresh, so a periodic purge can use the same path every time.
 */
export class Checkpoint {
  readonly #fd: number;
  readonly path: string;

  private constructor(path: string, fd: number) {
    this.path = path;
    this.#fd = fd;
  }

  /**
   * Opens `path` for `header`'s job: resumes an unfinished checkpoint of the same job (its state
   * is returned), starts a fresh one otherwise. Throws `UsageError` when the file holds an
   * unfinished checkpoint of another job.
   */
  static open(
    path: string,
    header: CheckpointHeader,
  ): { checkpoint: Checkpoint; resumed?: CheckpointState } {
    const previous = existsSync(path) ? read(path) : undefined;
    if (previous !== undefined && !previous.complete) {
      const { header: old } = previous.state;
      if (old.job !== header.job || old.key !== header.key) {
        throw new UsageError(
          `the checkpoint ${path} belongs to an unfinished ${old.job} job with other options (${old.key}); finish it with the same options, or use another --checkpoint path`,
        );
      }
      return { checkpoint: new Checkpoint(path, openSync(path, "a")), resumed: previous.state };
    }
    const checkpoint = new Checkpoint(path, openSync(path, "w"));
    checkpoint.#write(header);
    return { checkpoint };
  }

  found(pass: number, ids: string[]): void {
    for (let i = 0; i < ids.length; i += 500) {
      this.#write({ kind: "found", pass, ids: ids.slice(i, i + 500) });
    }
  }

  listed(pass: number): void {
    this.#write({ kind: "listed", pass });
  }

  start(id: string): void {
    this.#write({ kind: "start", id });
  }

  done(id: string, outcome: string): void {
    this.#write({ kind: "done", id, outcome });
  }

  /** The job stopped because the API asked it to wait until `until` (ms since epoch). */
  pause(until: number): void {
    this.#write({ kind: "pause", until: new Date(until).toISOString() });
  }

  complete(): void {
    this.#write({ kind: "complete", at: new Date().toISOString() });
  }

  close(): void {
    closeSync(this.#fd);
  }

  #write(line: Line): void {
    writeSync(this.#fd, `${JSON.stringify(line)}\n`);
  }
}

function read(path: string): { state: CheckpointState; complete: boolean } | undefined {
  const lines = readFileSync(path, "utf8").split("\n");
  const parsed: Line[] = [];
  for (const text of lines) {
    if (text.trim() === "") continue;
    try {
      parsed.push(JSON.parse(text) as Line);
    } catch {
      // A torn last line from a crash mid-write: everything before it stands.
    }
  }
  const header = parsed[0];
  if (header?.kind !== "header" || header.version !== 1) {
    throw new UsageError(`${path} is not an extendkit checkpoint; use another --checkpoint path`);
  }
  const state: CheckpointState = {
    header,
    found: [],
    listed: new Set(),
    started: new Set(),
    done: new Map(),
    pausedUntil: 0,
  };
  const seen = new Set<string>();
  let complete = false;
  for (const line of parsed.slice(1)) {
    if (line.kind === "found") {
      for (const id of line.ids) {
        if (!seen.has(id)) {
          seen.add(id);
          state.found.push(id);
        }
      }
    } else if (line.kind === "listed") state.listed.add(line.pass);
    else if (line.kind === "start") state.started.add(line.id);
    else if (line.kind === "done") state.done.set(line.id, line.outcome);
    else if (line.kind === "pause") state.pausedUntil = Date.parse(line.until);
    else if (line.kind === "complete") complete = true;
  }
  return { state, complete };
}
