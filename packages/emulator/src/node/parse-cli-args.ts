import { parseArgs } from "node:util";
import type { ApiKeyConfig } from "../api-key-config.ts";
import type { EmulatorOptions } from "../emulator-options.ts";
import type { FaultScenarioId } from "../faults/fault-scenarios.ts";
import type { RateLimits } from "../rate-limits.ts";
import type { Switches } from "../switches.ts";

export const HELP = `Usage: extendkit-emulator [options]

A stateful local Extend API (2026-02-09) on 127.0.0.1, for demos and clients in other runtimes.

Options:
  --port <n>             port to listen on (default 8787; 0 picks a free port)
  --host <address>       interface to listen on (default 127.0.0.1)
  --clock <real|virtual> run time source (default real; virtual moves only via POST /_emulator/clock/advance)
  --seed <n>             seed of ids and fault draws (default 1)
  --pending-ms <n>       time batch-created runs stay PENDING (default 1000)
  --processing-ms <n>    time runs stay PROCESSING (default 2000)
  --cancelling-ms <n>    time runs stay CANCELLING (default 500)
  --outcome <kind=status>   final status of a run kind, e.g. workflowRuns=FAILED (repeatable)
  --key <key:workspace>  accept a workspace-scoped key (repeatable; default: the built-in test key)
  --org-key <key:ws1,ws2>   accept an organization-scoped key for these workspaces (repeatable)
  --rate-limit <spec>    e.g. get=10,write=10,run=10[,windowMs=1000] (default: off)
  --scenario <F01..F20>  install a fault scenario (repeatable)
  --switch <name=value>  set a switch, e.g. repeatDelete=200 or cancelling=none (repeatable)
  --webhook <url>        POST signed run events to this receiver (repeatable; needs --webhook-secret)
  --webhook-secret <s>   signing secret of the receivers (wss_…)
  --no-strict            do not validate responses against the spec
  --control-path <path>  control endpoint prefix (default /_emulator)
  --no-control           turn the control endpoint off
  -h, --help             show this help
`;

export interface CliConfig {
  help: boolean;
  port: number;
  hostname: string;
  options: EmulatorOptions;
}

const int = (name: string, value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} must be a whole number >= 0, got ${value}`);
  return n;
};

const pair = (name: string, value: string, sep: string): [string, string] => {
  const i = value.indexOf(sep);
  if (i <= 0 || i === value.length - 1)
    throw new Error(`--${name} expects a${sep}b, got ${JSON.stringify(value)}`);
  return [value.slice(0, i), value.slice(i + 1)];
};

/** A switch value from the command line: JSON when it parses (200, true, {...}), else a string. */
const switchValue = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** Parses the CLI's arguments (node:util parseArgs) into emulator options. Throws on bad input. */
export function parseCliArgs(argv: readonly string[]): CliConfig {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowNegative: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      clock: { type: "string" },
      seed: { type: "string" },
      "pending-ms": { type: "string" },
      "processing-ms": { type: "string" },
      "cancelling-ms": { type: "string" },
      outcome: { type: "string", multiple: true },
      key: { type: "string", multiple: true },
      "org-key": { type: "string", multiple: true },
      "rate-limit": { type: "string" },
      scenario: { type: "string", multiple: true },
      switch: { type: "string", multiple: true },
      webhook: { type: "string", multiple: true },
      "webhook-secret": { type: "string" },
      strict: { type: "boolean" },
      control: { type: "boolean" },
      "control-path": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const clock = values.clock ?? "real";
  if (clock !== "real" && clock !== "virtual")
    throw new Error(`--clock must be real or virtual, got ${clock}`);
  const keys: ApiKeyConfig[] = [
    ...(values.key ?? []).map((v): ApiKeyConfig => {
      const [key, workspaceId] = pair("key", v, ":");
      return { key, scope: "workspace", workspaceId };
    }),
    ...(values["org-key"] ?? []).map((v): ApiKeyConfig => {
      const [key, list] = pair("org-key", v, ":");
      return { key, scope: "organization", workspaceIds: list.split(",").filter(Boolean) };
    }),
  ];
  const durations = {
    ...(values["pending-ms"] ? { pendingMs: int("pending-ms", values["pending-ms"]) } : {}),
    ...(values["processing-ms"]
      ? { processingMs: int("processing-ms", values["processing-ms"]) }
      : {}),
    ...(values["cancelling-ms"]
      ? { cancellingMs: int("cancelling-ms", values["cancelling-ms"]) }
      : {}),
  };
  let rateLimits: RateLimits | false = false;
  if (values["rate-limit"]) {
    rateLimits = {};
    for (const part of values["rate-limit"].split(",")) {
      const [name, value] = pair("rate-limit", part, "=");
      if (!["get", "write", "run", "windowMs"].includes(name))
        throw new Error(`--rate-limit: unknown category ${name} (get, write, run, windowMs)`);
      (rateLimits as Record<string, number>)[name] = int("rate-limit", value);
    }
  }
  const switches = Object.fromEntries(
    (values.switch ?? []).map((v) => {
      const [name, value] = pair("switch", v, "=");
      return [name, switchValue(value)];
    }),
  ) as Partial<Switches>;
  const outcomes = Object.fromEntries((values.outcome ?? []).map((v) => pair("outcome", v, "=")));
  const hooks = values.webhook ?? [];
  const secret = values["webhook-secret"];
  if (hooks.length > 0 && !secret) throw new Error("--webhook needs --webhook-secret");
  if (hooks.length === 0 && secret !== undefined)
    throw new Error("--webhook-secret without --webhook");
  return {
    help: values.help ?? false,
    port: values.port === undefined ? 8787 : int("port", values.port),
    hostname: values.host ?? "127.0.0.1",
    options: {
      clock,
      ...(values.seed ? { seed: int("seed", values.seed) } : {}),
      ...(keys.length > 0 ? { keys } : {}),
      durations,
      outcomes,
      rateLimits,
      ...(secret ? { webhooks: { endpoints: hooks.map((url) => ({ url, secret })) } } : {}),
      scenarios: (values.scenario ?? []) as FaultScenarioId[],
      switches,
      strict: values.strict ?? true,
      controlPath: values.control === false ? false : (values["control-path"] ?? "/_emulator"),
    },
  };
}
