import type { ListableRunType } from "@extendkit/core";
import { connect } from "../connect.ts";
import { EXIT_CODES, type ExitCode } from "../exit-codes.ts";
import type { CliIo } from "../io.ts";

export interface ListOptions {
  type: ListableRunType[];
  olderThan?: string;
  status?: string[];
  workflow?: string;
  batch?: string;
  metadata?: Record<string, string>;
  limit: number;
  json?: boolean;
  emulator?: boolean;
  verbose?: boolean;
}

/**
 * `runs list`: the runs matching the filter (`client.runs.find`), at most `--limit`, one per line:
 * `ID  TYPE  STATUS  CREATED`, or JSON lines with `--json` — which `runs delete --file -` reads back.
 */
export async function list(options: ListOptions, io: CliIo): Promise<ExitCode> {
  const { client } = connect(options, io);
  let shown = 0;
  for await (const run of client.runs.find(
    {
      types: options.type,
      ...(options.olderThan !== undefined && { olderThan: options.olderThan }),
      ...(options.status !== undefined && { status: options.status }),
      ...(options.workflow !== undefined && { workflowId: options.workflow }),
      ...(options.batch !== undefined && { batchId: options.batch }),
      ...(options.metadata !== undefined && { metadata: options.metadata }),
    },
    { signal: io.signal },
  )) {
    io.stdout.write(
      options.json
        ? `${JSON.stringify(run)}\n`
        : `${run.id}  ${run.type}  ${run.status}  ${run.createdAt ?? ""}\n`,
    );
    if (++shown >= options.limit) break;
  }
  if (!options.json && shown === 0) io.stderr.write("extendkit: no runs match\n");
  return EXIT_CODES.ok;
}
