/** A settled call as JSON: the same shape in every runtime, so outcomes compare across them. */
export type Outcome =
  | { ok: true; value: unknown }
  | {
      ok: false;
      name: string;
      status: number | null;
      code: string | null;
      retryable: boolean | null;
      /** message, stack and own properties: checked for the API key. */
      text: string;
    };

export async function settle(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: JSON.parse(JSON.stringify((await call()) ?? null)) };
  } catch (error) {
    return describeError(error);
  }
}

export function describeError(error: unknown): Outcome {
  const e = (typeof error === "object" && error !== null ? error : {}) as Record<string, unknown>;
  let own = "";
  try {
    own = JSON.stringify(error);
  } catch {
    own = "(not serialisable)";
  }
  return {
    ok: false,
    name: typeof e.name === "string" ? e.name : typeof error,
    status: typeof e.status === "number" ? e.status : null,
    code: typeof e.code === "string" ? e.code : null,
    retryable: typeof e.retryable === "boolean" ? e.retryable : null,
    text: `${String(e.message)}\n${String(e.stack)}\n${own}\n${String(e.cause)}`,
  };
}
