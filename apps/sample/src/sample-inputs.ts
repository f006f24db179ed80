/**
 * What the sample needs to create runs, as plain data so it can cross into Deno, a Worker or a
 * page. On the emulator every field is filled in; on the live API the account-specific ids come
 * from the environment (see `readLiveInputs`), and a run type whose id is missing is skipped.
 */
export interface SampleInputs {
  /** A PDF Extend can download. */
  fileUrl: string;
  /** A deployed workflow (`workflow_…`), for workflow runs. */
  workflowId?: string;
  /** An evaluation set (`ev_…`) and the processor it evaluates, for evaluation set runs. */
  evaluationSetId?: string;
  evaluationEntityId?: string;
  /** A processor (`ex_…`), for the legacy processor runs. */
  processorId?: string;
  /**
   * Legacy batch processor runs have no create endpoint: on the emulator the host seeds two and
   * passes their ids here. On the live API the sample never reads runs it did not create.
   */
  batchProcessorRunIds?: readonly [string, string];
}

/** The environment variable that supplies each account-specific input on the live API. */
export const liveInputVariables = {
  fileUrl: "EXTEND_SAMPLE_FILE_URL",
  workflowId: "EXTEND_SAMPLE_WORKFLOW_ID",
  evaluationSetId: "EXTEND_SAMPLE_EVALUATION_SET_ID",
  evaluationEntityId: "EXTEND_SAMPLE_EVALUATION_ENTITY_ID",
  processorId: "EXTEND_SAMPLE_PROCESSOR_ID",
} as const satisfies Partial<Record<keyof SampleInputs, string>>;

/** A small public PDF, used on the live API unless `EXTEND_SAMPLE_FILE_URL` names another. */
export const DEFAULT_LIVE_FILE_URL =
  "https://www.w3.org/WAI/ER/tests/xhtml/testfiles/resources/pdf/dummy.pdf";
