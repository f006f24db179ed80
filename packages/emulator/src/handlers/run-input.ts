import { ApiFailure } from "../api-failure.ts";
import type { Rng } from "../create-rng.ts";
import type { RunKind } from "../run-kinds.ts";
import type { NewRun } from "./create-run-record.ts";
import { fileFromInput } from "./file-from-input.ts";

type Body = Record<string, unknown>;
type RunFields = Pick<
  NewRun,
  "processorId" | "processorVersion" | "file" | "files" | "config" | "metadata"
>;

const PROCESSOR_REF: Partial<Record<RunKind, string>> = {
  extractRuns: "extractor",
  classifyRuns: "classifier",
  splitRuns: "splitter",
};

const invalid = (message: string) =>
  new ApiFailure(400, "INVALID_REQUEST", message, { retryable: false });

/**
 * Rules the spec states in prose (descriptions) rather than in schemas; everything else has already
 * been validated against the schemas.
 */
function checkProse(kind: RunKind, body: Body): void {
  if (kind === "extractRuns" && (body.file === undefined) === (body.package === undefined))
    throw invalid("Give exactly one of `file` or `package`.");
  if (
    (kind === "classifyRuns" || kind === "splitRuns") &&
    !body[PROCESSOR_REF[kind] as string] &&
    !body.config
  )
    throw invalid(`Give \`${PROCESSOR_REF[kind]}\` or \`config\`.`);
}

/** What a create request body says about the run it creates. */
export function runInput(kind: RunKind, body: Body, rng: Rng, now: number): RunFields {
  checkProse(kind, body);
  const metadata = (body.metadata as Record<string, unknown> | undefined) ?? null;
  const file = fileFromInput(body.file, rng, now);
  if (kind === "workflowRuns") {
    const workflow = body.workflow as { id: string; version?: string };
    return {
      processorId: workflow.id,
      processorVersion: workflow.version ?? null,
      file,
      metadata: metadata ?? {},
    };
  }
  const refName = PROCESSOR_REF[kind];
  if (refName) {
    const ref = body[refName] as
      | { id: string; version?: string; overrideConfig?: Body }
      | undefined;
    const pkg = body.package as { files: unknown[] } | undefined;
    const files = pkg
      ? pkg.files.map((f) => fileFromInput(f, rng, now)).filter((f) => f !== null)
      : null;
    return {
      processorId: ref?.id ?? null,
      processorVersion: ref ? (ref.version ?? "latest") : null,
      file: file ?? files?.[0] ?? null,
      files,
      config: ref?.overrideConfig ?? (body.config as Body | undefined) ?? {},
      metadata,
    };
  }
  if (kind === "parseRuns")
    return { file, config: { target: "markdown", ...(body.config as Body | undefined) }, metadata };
  return { file, config: (body.config as Body | undefined) ?? {} };
}
