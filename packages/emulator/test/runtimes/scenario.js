// One scenario, run unchanged in Node, Deno and workerd, in-process and over HTTP. Plain
// JavaScript (no runtime APIs beyond fetch-style Request/Response), so every runtime loads it as is.
// `send(path, init)` sends a request to an emulator created with `createEmulator({ seed: 42 })`.
// The transcript it returns must be identical everywhere (test/runtimes/scenario.golden.json).

const KEY = { authorization: "Bearer sk_test_emulator", "x-extend-api-version": "2026-02-09" };
const FILE = { url: "https://files.example.test/invoice.pdf" };

export async function runScenario(send) {
  const transcript = [];
  const call = async (label, method, path, body, headers = KEY) => {
    const init = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers["content-type"] = "application/json";
    }
    const res = await send(path, init);
    const text = await res.text();
    const json = text ? JSON.parse(text) : null;
    const requestId = res.headers.get("x-extend-request-id");
    transcript.push({ label, status: res.status, requestId, body: json });
    return json;
  };
  const control = (label, method, path, body) => call(label, method, `/_emulator${path}`, body, {});

  const wf = await call("create workflow run", "POST", "/workflow_runs", {
    workflow: { id: "workflow_demo" },
    file: FILE,
  });
  const batch = await call("create extract batch", "POST", "/extract_runs/batch", {
    extractor: { id: "ex_demo" },
    inputs: [{ file: FILE }, { file: { text: "hello" } }, { file: { id: "file_demo" } }],
  });
  await call("list batch members", "GET", `/extract_runs?batchId=${batch.id}`);
  await control("advance 1 s", "POST", "/clock/advance", { ms: 1000 });
  const page1 = await call(
    "first page",
    "GET",
    `/extract_runs?batchId=${batch.id}&maxPageSize=2&sortDir=asc`,
  );
  await call(
    "second page",
    "GET",
    `/extract_runs?batchId=${batch.id}&maxPageSize=2&sortDir=asc&nextPageToken=${encodeURIComponent(page1.nextPageToken)}`,
  );
  await call("cancel a PROCESSING extract run", "POST", `/extract_runs/${page1.data[0].id}/cancel`);
  await call("cancel the workflow run", "POST", `/workflow_runs/${wf.id}/cancel`);
  await call("update workflow metadata", "POST", `/workflow_runs/${wf.id}`, {
    metadata: { reviewed: true },
  });
  await control("advance 2 s", "POST", "/clock/advance", { ms: 2000 });
  await call("workflow run cancelled", "GET", `/workflow_runs/${wf.id}`);
  await call("batch processed", "GET", `/batch_runs/${batch.id}`);
  await call("cancel a finished run", "POST", `/extract_runs/${page1.data[1].id}/cancel`);
  await call("delete workflow run", "DELETE", `/workflow_runs/${wf.id}`);
  await call("get deleted run", "GET", `/workflow_runs/${wf.id}`);
  await call("delete again", "DELETE", `/workflow_runs/${wf.id}`);
  await call("invalid request", "POST", "/parse_runs", { file: { url: 42 } });
  await call("missing key", "GET", "/parse_runs", undefined, {});
  await call("legacy create", "POST", "/processor_runs", {
    processorId: "cl_demo",
    rawText: "hi",
    sync: true,
  });
  await control("inject a 503", "POST", "/faults", {
    routes: "parseRuns.list",
    fault: { type: "error", status: 503 },
    count: 1,
  });
  await call("injected 503", "GET", "/parse_runs");
  await call("back to normal", "GET", "/parse_runs");
  const records = await control("records", "GET", "/records");
  // The last control call's own answer is not comparable field by field (it lists itself); keep a digest.
  transcript[transcript.length - 1].body = {
    requests: records.requests.length,
    operations: records.requests.map((r) => `${r.method} ${r.operationId} ${r.status}`),
    workflowEffects: records.effects[wf.id],
    violations: records.violations.length,
  };
  return transcript;
}
