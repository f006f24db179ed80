import {
  createEmulator,
  EMULATOR_API_KEY,
  type Emulator,
  type EmulatorOptions,
} from "@extendkit/emulator";

export const BASE = "https://api.extend.test";

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are inspected field by field
  body: any;
  headers: Headers;
  text: string;
}

/** A tiny client for tests: JSON in, parsed JSON out, default key and version headers. */
export function api(emu: Emulator, defaults: Record<string, string> = {}) {
  return async function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string | null> = {},
  ): Promise<Answer> {
    const h = new Headers({
      authorization: `Bearer ${EMULATOR_API_KEY}`,
      "x-extend-api-version": "2026-02-09",
      ...defaults,
    });
    if (body !== undefined) h.set("content-type", "application/json");
    for (const [k, v] of Object.entries(headers)) v === null ? h.delete(k) : h.set(k, v);
    const res = await emu.fetch(`${BASE}${path}`, {
      method,
      headers: h,
      ...(body !== undefined
        ? { body: typeof body === "string" ? body : JSON.stringify(body) }
        : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {}
    return { status: res.status, body: parsed, headers: res.headers, text };
  };
}

export function setup(options: EmulatorOptions = {}) {
  const emu = createEmulator(options);
  return { emu, call: api(emu) };
}

export const FILE = { url: "https://files.example.test/docs/invoice.pdf" };

/** A create body for each async-create path. */
export const CREATE: Record<string, unknown> = {
  "/workflow_runs": { workflow: { id: "workflow_abc" }, file: FILE },
  "/extract_runs": { extractor: { id: "ex_abc" }, file: FILE },
  "/classify_runs": { classifier: { id: "cl_abc" }, file: FILE },
  "/split_runs": { splitter: { id: "spl_abc" }, file: FILE },
  "/parse_runs": { file: FILE },
  "/edit_runs": { file: FILE },
  "/form_detection_runs": { file: FILE },
};

/** A batch body for each batch path. */
export const BATCH: Record<string, unknown> = {
  "/workflow_runs/batch": {
    workflow: { id: "workflow_abc" },
    inputs: [{ file: FILE }, { file: FILE }],
  },
  "/extract_runs/batch": { extractor: { id: "ex_abc" }, inputs: [{ file: FILE }, { file: FILE }] },
  "/classify_runs/batch": {
    classifier: { id: "cl_abc" },
    inputs: [{ file: FILE }, { file: FILE }],
  },
  "/split_runs/batch": { splitter: { id: "spl_abc" }, inputs: [{ file: FILE }, { file: FILE }] },
  "/parse_runs/batch": { inputs: [{ file: FILE }, { file: FILE }] },
};
