import {
  createClient,
  type ExtendClient,
  InvalidArgumentError,
  optionsFromEnv,
} from "@extendkit/core";
import { createEmulator, EMULATOR_API_KEY } from "@extendkit/emulator";
import type { CliIo } from "./io.ts";
import { seedDemoRuns } from "./seed-demo-runs.ts";

/** What every command needs to reach the API. */
export interface Connection {
  client: ExtendClient;
  /** Where requests go, for messages (never the key). */
  target: string;
}

/** Thrown when the configuration is missing or wrong: exit code 3. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * The client for this run of the CLI:
 * - `--emulator`: an in-process emulator (real clock) seeded with demo runs of every type
 *   (`seedDemoRuns`), so every command can be tried with no key and no network;
 * - otherwise the environment, exactly as `@extendkit/node` reads it: `EXTEND_API_KEY` (required),
 *   `EXTEND_BASE_URL`, `EXTEND_WORKSPACE_ID`, `EXTEND_API_VERSION`.
 * `--verbose` logs retries and give-ups to stderr (never the key).
 */
export function connect(options: { emulator?: boolean; verbose?: boolean }, io: CliIo): Connection {
  const logging = options.verbose
    ? { logger: consoleOn(io.stderr), logLevel: "info" as const }
    : {};
  if (options.emulator) {
    const emulator = createEmulator({ clock: "real", durations: { processingMs: 3_600_000 } });
    seedDemoRuns(emulator);
    return {
      client: createClient({
        apiKey: EMULATOR_API_KEY,
        baseUrl: "http://emulator.local",
        fetch: emulator.fetch,
        ...logging,
      }),
      target: "the built-in emulator (--emulator)",
    };
  }
  if (!io.env.EXTEND_API_KEY) {
    throw new ConfigError(
      "EXTEND_API_KEY is not set: export your Extend API key (and EXTEND_BASE_URL, EXTEND_WORKSPACE_ID if you need them)",
    );
  }
  try {
    const config = optionsFromEnv((name) => io.env[name], logging, "the environment");
    return { client: createClient(config), target: config.baseUrl ?? "https://api.extend.ai" };
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw new ConfigError(error.message);
    throw error;
  }
}

function consoleOn(stream: { write(chunk: string): unknown }) {
  const line = (level: string) => (message: string, fields?: unknown) =>
    stream.write(`extendkit: ${level}: ${message}${fields ? ` ${JSON.stringify(fields)}` : ""}\n`);
  return { debug: line("debug"), info: line("info"), warn: line("warn"), error: line("error") };
}
