import type { RoutedClient, RunOf } from "@extendkit/core";
import type { KindsOf, RunResource } from "./run-resource.ts";
import type { SampleInputs } from "./sample-inputs.ts";

/** A run the sample has just created: its id and the status the create call answered with. */
export interface CreatedRun {
  id: string;
  status: string;
}

/** What `create` gets: the client, the inputs, and which of the scenario's two runs it makes. */
export interface CreateContext {
  client: RoutedClient;
  inputs: SampleInputs;
  /** 0 for the run the sample cancels, 1 for the run it lets finish. */
  index: 0 | 1;
}

/**
 * How the sample drives one run type. Only what the operation table cannot say is written here:
 * how to make a run, how to read its status, and when the API accepts a cancel. Whether a type
 * has cancel and delete endpoints at all is read from `operationTable` (see `run-resource.ts`).
 */
export interface RunTypeScenario<R extends RunResource> {
  /**
   * Statuses in which the API accepts a cancel (REFERENCE §4.2). Typed from the spec: it must be
   * empty exactly when the spec has no cancel operation for the resource, so a cancel endpoint
   * added to (or removed from) the spec fails typecheck here until this row is updated.
   */
  cancellableWhile: "cancel" extends KindsOf<R> ? readonly [string, ...string[]] : readonly [];
  /** Inputs the live API needs for this type; the type is skipped on the live API without them. */
  needs: readonly (keyof SampleInputs)[];
  /** The client method `create` calls, for the report. */
  createdWith: string;
  /** Creates one run of this type (or, with no create endpoint, names a seeded one). */
  create(context: CreateContext): Promise<CreatedRun>;
  /** The status of the run as the resource's own read method returns it (legacy types wrap it). */
  statusOf(run: RunOf<RoutedClient[R]>): string;
  /** Where the API documents this type's lifecycle, shown next to a documented refusal. */
  reference: string;
}

/** Tags every run the sample creates, so a person can find them in the dashboard. */
const sampleMetadata = { source: "extendkit-sample" };

/**
 * Every run type of the spec, one row each. `satisfies` makes the map exhaustive: a resource
 * added to the spec is a missing key, a removed one an excess key — both are type errors.
 */
export const runTypeScenarios = {
  workflowRuns: {
    createdWith: "workflowRuns.create",
    cancellableWhile: ["PENDING", "PROCESSING"],
    needs: ["workflowId"],
    create: ({ client, inputs }) =>
      client.workflowRuns.create({
        workflow: { id: required(inputs.workflowId, "workflowId") },
        file: { url: inputs.fileUrl },
        metadata: sampleMetadata,
      }),
    statusOf: (run) => run.status,
    reference: "REFERENCE §2.1, §4.2",
  },
  extractRuns: {
    createdWith: "extractRuns.create",
    cancellableWhile: ["PROCESSING"],
    needs: [],
    create: ({ client, inputs }) =>
      client.extractRuns.create({
        config: { schema: { type: "object", properties: { title: { type: "string" } } } },
        file: { url: inputs.fileUrl },
        metadata: sampleMetadata,
      }),
    statusOf: (run) => run.status,
    reference: "REFERENCE §2.2, §4.2",
  },
  parseRuns: {
    createdWith: "parseRuns.create",
    cancellableWhile: ["PROCESSING"],
    needs: [],
    create: ({ client, inputs }) =>
      client.parseRuns.create({ file: { url: inputs.fileUrl }, metadata: sampleMetadata }),
    statusOf: (run) => run.status,
    reference: "REFERENCE §2.3, §4.2, §4.4 (1)",
  },
  classifyRuns: {
    createdWith: "classifyRuns.create",
    cancellableWhile: ["PROCESSING"],
    needs: [],
    create: ({ client, inputs }) =>
      client.classifyRuns.create({
        config: { classifications: [{ id: "doc", type: "document", description: "Any file" }] },
        file: { url: inputs.fileUrl },
        metadata: sampleMetadata,
      }),
    statusOf: (run) => run.status,
    reference: "REFERENCE §2.4, §4.2",
  },
  splitRuns: {
    createdWith: "splitRuns.create",
    cancellableWhile: ["PROCESSING"],
    needs: [],
    create: ({ client, inputs }) =>
      client.splitRuns.create({
        config: { splitClassifications: [{ type: "page", description: "One page" }] },
        file: { url: inputs.fileUrl },
        metadata: sampleMetadata,
      }),
    statusOf: (run) => run.status,
    reference: "REFERENCE §2.5, §4.2",
  },
  editRuns: {
    createdWith: "editRuns.create",
    cancellableWhile: [],
    needs: [],
    create: ({ client, inputs }) => client.editRuns.create({ file: { url: inputs.fileUrl } }),
    statusOf: (run) => run.status,
    reference: "REFERENCE §2.6 (no list, no cancel)",
  },
  formDetectionRuns: {
    createdWith: "formDetectionRuns.create",
    cancellableWhile: [],
    needs: [],
    create: ({ client, inputs }) =>
      client.formDetectionRuns.create({ file: { url: inputs.fileUrl } }),
    statusOf: (run) => run.status,
    reference: "REFERENCE §2.7 (create and get only)",
  },
  batchRuns: {
    // Batch runs are made by the `…Runs.createBatch` endpoints; parse needs no processor id.
    createdWith: "parseRuns.createBatch",
    cancellableWhile: [],
    needs: [],
    create: ({ client, inputs }) =>
      client.parseRuns.createBatch({ inputs: [{ file: { url: inputs.fileUrl } }] }),
    statusOf: (run) => run.status,
    reference: "REFERENCE §2.8 (get only)",
  },
  evaluationSetRuns: {
    createdWith: "evaluationSetRuns.create",
    cancellableWhile: [],
    needs: ["evaluationSetId", "evaluationEntityId"],
    create: ({ client, inputs }) =>
      client.evaluationSetRuns.create({
        evaluationSetId: required(inputs.evaluationSetId, "evaluationSetId"),
        entity: { id: required(inputs.evaluationEntityId, "evaluationEntityId") },
      }),
    statusOf: (run) => run.status,
    reference: "REFERENCE §2.8 (create and get only)",
  },
  processorRuns: {
    createdWith: "processorRuns.create",
    cancellableWhile: ["PROCESSING"],
    needs: ["processorId"],
    create: async ({ client, inputs }) => {
      const { processorRun } = await client.processorRuns.create({
        processorId: required(inputs.processorId, "processorId"),
        file: { fileUrl: inputs.fileUrl },
        sync: false, // the generated type requires it (the spec gives it a default)
        metadata: sampleMetadata,
      });
      return processorRun;
    },
    statusOf: (run) => run.processorRun.status,
    reference: "REFERENCE §2.9 (legacy)",
  },
  batchProcessorRuns: {
    // No create endpoint (runs come from the dashboard): the host seeds them on the emulator.
    createdWith: "batchProcessorRuns.get (seeded)",
    cancellableWhile: [],
    needs: ["batchProcessorRunIds"],
    create: async ({ client, inputs, index }) => {
      const id = required(inputs.batchProcessorRunIds, "batchProcessorRunIds")[index];
      const { batchProcessorRun } = await client.batchProcessorRuns.get(id);
      return batchProcessorRun;
    },
    statusOf: (run) => run.batchProcessorRun.status,
    reference: "REFERENCE §2.9 (legacy, get only)",
  },
} satisfies { [R in RunResource]: RunTypeScenario<R> };

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`the sample needs the input "${name}"`);
  return value;
}
