import { CANARY } from "./canary.ts";
import type { VirtualClock } from "./virtual-clock.ts";

/** What the server does for one hit. `"hang"` never answers (until the request is aborted). */
export type Reply =
  | Response
  | Error
  | "hang"
  | ((request: Request) => Response | Promise<Response>);

/** One request as the server received it. */
export interface Hit {
  at: number;
  method: string;
  url: string;
  headers: [string, string][];
  body: string;
  signal: AbortSignal;
}

/**
 * A fetch that answers the n-th request with `replies[n]` (the last reply repeats) and records
 * every request with the clock time it arrived.
 */
export function scriptedFetch(replies: Reply[], clock: { now(): number }) {
  const hits: Hit[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const body = await request.clone().text();
    hits.push({
      at: clock.now(),
      method: request.method,
      url: request.url,
      headers: [...request.headers],
      body,
      signal: request.signal,
    });
    const reply = replies[Math.min(hits.length - 1, replies.length - 1)];
    if (reply === undefined) throw new Error("scriptedFetch: no replies");
    if (reply instanceof Error) throw reply;
    if (reply === "hang") return hang(request);
    if (reply instanceof Response) return reply.clone();
    return reply(request);
  };
  return { fetch, hits };
}

/** Never resolves; rejects like a real fetch when the request's signal aborts. */
export function hang(request: Request): Promise<Response> {
  return new Promise((_, reject) => {
    request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true });
  });
}

/** An Extend error answer that echoes the API key in its body and a header, as a buggy server might. */
export function errorReply(
  status: number,
  fields: { code?: string; retryable?: boolean; requestId?: string } = {},
  headers: Record<string, string> = {},
): Response {
  return Response.json(
    {
      code: fields.code ?? `CODE_${status}`,
      message: `failed for Authorization: Bearer ${CANARY}`,
      ...(fields.retryable !== undefined && { retryable: fields.retryable }),
      requestId: fields.requestId ?? `req_${status}`,
    },
    { status, headers: { "x-echo": CANARY, ...headers } },
  );
}

/** The rejection of a fetch whose connection failed, shaped like undici's (code on `cause`). */
export function connectionFailure(code: string): Error {
  const cause = Object.assign(
    new Error(`connect ${code} 127.0.0.1:443 (while sending ${CANARY})`),
    { code },
  );
  return new TypeError(`fetch failed for key ${CANARY}`, { cause });
}

export type { VirtualClock };
