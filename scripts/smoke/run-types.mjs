// The run types the smoke consumers cancel and delete: resource name on the client, the emulator's
// run kind to seed (legacy processor runs are a view of extract runs), whether the API can cancel
// it, and the name of its read method.
export const RUN_TYPES = [
  { resource: "workflowRuns", kind: "workflowRuns", cancel: true, retrieve: "retrieve" },
  { resource: "extractRuns", kind: "extractRuns", cancel: true, retrieve: "retrieve" },
  { resource: "parseRuns", kind: "parseRuns", cancel: true, retrieve: "retrieve" },
  { resource: "classifyRuns", kind: "classifyRuns", cancel: true, retrieve: "retrieve" },
  { resource: "splitRuns", kind: "splitRuns", cancel: true, retrieve: "retrieve" },
  { resource: "processorRuns", kind: "extractRuns", cancel: true, retrieve: "get" },
  { resource: "editRuns", kind: "editRuns", cancel: false, retrieve: "retrieve" },
];
