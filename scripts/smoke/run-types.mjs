// The run types the smoke consumers cancel and delete: resource name on the client, collection
// path, id prefix (REFERENCE §1.5), whether the API can cancel it, and the name of its read method.
export const RUN_TYPES = [
  {
    resource: "workflowRuns",
    path: "workflow_runs",
    prefix: "workflow_run_",
    cancel: true,
    retrieve: "retrieve",
  },
  {
    resource: "extractRuns",
    path: "extract_runs",
    prefix: "exr_",
    cancel: true,
    retrieve: "retrieve",
  },
  { resource: "parseRuns", path: "parse_runs", prefix: "pr_", cancel: true, retrieve: "retrieve" },
  {
    resource: "classifyRuns",
    path: "classify_runs",
    prefix: "clr_",
    cancel: true,
    retrieve: "retrieve",
  },
  {
    resource: "splitRuns",
    path: "split_runs",
    prefix: "splr_",
    cancel: true,
    retrieve: "retrieve",
  },
  {
    resource: "processorRuns",
    path: "processor_runs",
    prefix: "dpr_",
    cancel: true,
    retrieve: "get",
  },
  { resource: "editRuns", path: "edit_runs", prefix: "edr_", cancel: false, retrieve: "retrieve" },
];
