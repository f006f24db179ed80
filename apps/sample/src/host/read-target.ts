import { DEFAULT_BASE_URL } from "@extendkit/core";
import { DEFAULT_LIVE_FILE_URL, liveInputVariables, type SampleInputs } from "../sample-inputs.ts";

/**
 * Where the sample's runs go. The default is the embedded emulator: no key, no network. With
 * `EXTEND_API_KEY` set, the live API instead (the key never leaves this object except as the
 * client's credential: it is not printed, logged or put on a command line).
 */
export type Target =
  | { kind: "emulator" }
  | {
      kind: "live";
      apiKey: string;
      baseUrl: string;
      workspaceId: string | undefined;
      inputs: SampleInputs;
    };

/** Reads the target from the environment (`EXTEND_API_KEY`, `EXTEND_BASE_URL`, `EXTEND_WORKSPACE_ID`, `EXTEND_SAMPLE_*`). */
export function readTarget(env: Record<string, string | undefined>): Target {
  const apiKey = env.EXTEND_API_KEY?.trim();
  if (!apiKey) return { kind: "emulator" };
  const inputs: SampleInputs = {
    fileUrl: env[liveInputVariables.fileUrl] || DEFAULT_LIVE_FILE_URL,
  };
  for (const key of [
    "workflowId",
    "evaluationSetId",
    "evaluationEntityId",
    "processorId",
  ] as const) {
    const value = env[liveInputVariables[key]]?.trim();
    if (value) inputs[key] = value;
  }
  return {
    kind: "live",
    apiKey,
    baseUrl: env.EXTEND_BASE_URL?.trim() || DEFAULT_BASE_URL,
    workspaceId: env.EXTEND_WORKSPACE_ID?.trim() || undefined,
    inputs,
  };
}

/** What the sample says before it does anything on the live API. */
export function describeLiveTarget(target: Extract<Target, { kind: "live" }>): string {
  const workspace = target.workspaceId ? `, workspace ${target.workspaceId}` : "";
  return [
    `EXTEND_API_KEY is set: this run targets the LIVE Extend API at ${target.baseUrl}${workspace}.`,
    "It creates its own runs (tagged metadata.source = extendkit-sample), cancels and deletes only",
    "those, and never lists, reads or changes any other run. Unset EXTEND_API_KEY to use the emulator.",
  ].join("\n");
}
