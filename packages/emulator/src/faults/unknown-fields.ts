/**
 * Rewrites run objects in a response body the way a newer API would look to an old client (F19):
 * a status no enum lists, and nested fields no schema lists. The result still matches the spec,
 * whose enums are open and whose objects allow extra fields.
 */
export function withUnknownFields(body: unknown, status: string): unknown {
  if (!body || typeof body !== "object") return body;
  const o = body as Record<string, unknown>;
  if (Array.isArray(o.data)) return { ...o, data: o.data.map((r) => mark(r, status)) };
  if (Array.isArray(o.processorRuns))
    return { ...o, processorRuns: o.processorRuns.map((r) => mark(r, status)) };
  if (o.processorRun) return { ...o, processorRun: mark(o.processorRun, status) };
  return typeof o.status === "string" ? mark(o, status) : o;
}

function mark(run: unknown, status: string): unknown {
  if (!run || typeof run !== "object") return run;
  return {
    ...(run as object),
    status,
    futureField: { nested: { addedBy: "emulator", version: "2099-01-01" }, list: [1, 2, 3] },
  };
}
