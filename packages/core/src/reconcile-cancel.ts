import { AbortError } from "./abort-error.ts";
import type { CallContext } from "./call-context.ts";
import { cancelStatusOf } from "./cancel-status-of.ts";
import type { ClientConfig } from "./client-config.ts";
import { inspectJson } from "./inspect-json.ts";
import { NotCancellableError } from "./not-cancellable-error.ts";
import type { PreparedRequest } from "./prepare-request.ts";
import type { BufferedResponse } from "./send-attempt.ts";

type Send = (
  prepared: PreparedRequest,
  ctx: CallContext,
  config: ClientConfig,
) => Promise<BufferedResponse>;

/**
 * Settles a cancel whose outcome is unknown (no response, reset, body cut off, or a refusal after
 * an earlier attempt may have landed) by reading the run instead of replaying the cancel blindly
 * (reliability §1.3):
 * - `CANCELLED` or `CANCELLING` (or `FAILED` with `failureReason: "ABORTED"`, `cancelStatusOf`): the
 *   cancel took effect; resolves to the run as read (status 200);
 * - `PENDING` or `PROCESSING`: resolves to `"retry"`; the caller sends the cancel again if it may;
 * - any other status: throws `NotCancellableError` with `runStatus`;
 * - the run cannot be read: the original outcome stands (`original` is thrown or returned).
 */
export async function reconcileCancel(
  prepared: PreparedRequest,
  ctx: CallContext,
  config: ClientConfig,
  original: Error | BufferedResponse,
  send: Send,
): Promise<BufferedResponse | "retry"> {
  const url = new URL(prepared.url);
  url.pathname = url.pathname.replace(/\/cancel$/, "");
  const { "content-type": _type, "idempotency-key": _key, ...headers } = prepared.headers;
  const read: PreparedRequest = {
    url: url.href,
    method: "GET",
    path: url.pathname,
    headers,
    body: undefined,
  };
  const id = decodeURIComponent(url.pathname.split("/").pop() ?? "");
  const standing = (why: string) => {
    config.log("warn", `cancel of ${id} unresolved: ${why}`, { path: prepared.path });
    if (original instanceof Error) throw original;
    return original;
  };
  config.log("info", `cancel of ${id} unconfirmed: reading the run`, { path: read.path });
  let response: BufferedResponse;
  try {
    response = await send(
      read,
      { ...ctx, kind: "retrieve", attempts: 0, confirmedAbsent: false },
      config,
    );
  } catch (error) {
    if (error instanceof AbortError) throw error;
    return standing("the read failed");
  }
  const json = inspectJson(response.text);
  const status = response.status < 300 && json.ok ? cancelStatusOf(json.value) : undefined;
  if (status === undefined) return standing(`the read answered ${response.status}`);
  if (status === "CANCELLED" || status === "CANCELLING") {
    config.log("info", `cancel of ${id} confirmed: ${status}`, { path: read.path });
    return { ...response, status: 200 };
  }
  if (status === "PENDING" || status === "PROCESSING") return "retry";
  throw new NotCancellableError({ id, runStatus: config.redactor.text(status) });
}
