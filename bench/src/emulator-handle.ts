import { type ChildProcess, fork } from "node:child_process";
import { cachePath } from "./build-children.ts";

/** What the emulator process reports after a workload (see `child/emulator-server.ts`). */
export interface ServerReport {
  /** Runs of the last seeding still present. */
  left: number;
  /** Requests that came before a Retry-After said the client could return. */
  retryAfterViolations: number;
  maxInFlight: number;
  /** Responses by status since the last reset. */
  statuses: Record<string, number>;
}

/** The emulator served in a child process on 127.0.0.1, driven over IPC. */
export interface EmulatorHandle {
  url: string;
  apiKey: string;
  /** Resets the emulator, then stores `count` PROCESSING extract runs; resolves to their ids. */
  seed(count: number): Promise<string[]>;
  report(): Promise<ServerReport>;
  /** Sets the WRITE-category limit (requests per second per key), or `false` for none. */
  writeLimit(perSecond: number | false): Promise<void>;
  close(): Promise<void>;
}

export async function startEmulator(): Promise<EmulatorHandle> {
  const child: ChildProcess = fork(cachePath("child/emulator-server.mjs"), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const waiting = new Map<number, (message: Record<string, unknown>) => void>();
  child.on("message", (raw) => {
    const message = raw as { seq: number } & Record<string, unknown>;
    waiting.get(message.seq)?.(message);
    waiting.delete(message.seq);
  });
  let seq = 0;
  const ask = (message: Record<string, unknown>) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = ++seq;
      waiting.set(id, resolve);
      child.send({ ...message, seq: id }, (error) => {
        if (error) reject(error);
      });
    });
  const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
    waiting.set(0, resolve);
    child.once("exit", (code) => reject(new Error(`emulator process exited early (${code})`)));
  });
  return {
    url: ready.url as string,
    apiKey: ready.apiKey as string,
    seed: async (count) => {
      await ask({ type: "reset" });
      return (await ask({ type: "seed", count })).ids as string[];
    },
    report: async () => (await ask({ type: "remaining" })) as unknown as ServerReport,
    writeLimit: async (perSecond) => {
      await ask({ type: "limits", write: perSecond });
    },
    close: async () => {
      await ask({ type: "close" });
      await new Promise((resolve) => {
        if (child.exitCode !== null) resolve(undefined);
        else child.once("exit", resolve);
      });
    },
  };
}
