import { createRedactor, NO_SECRET } from "../create-redactor.ts";
import { forwardAbort } from "../forward-abort.ts";
import { InvalidArgumentError } from "../invalid-argument-error.ts";
import { numberProblem } from "../number-problem.ts";
import { readDeliveryBody } from "./read-delivery-body.ts";
import type { SignedUrlWebhookEvent, WebhookEvent } from "./webhook-event.ts";
import { WebhookPayloadError } from "./webhook-payload-error.ts";

export interface FetchWebhookPayloadOptions {
  /** The fetch to use (a client's, a test's). Default the global `fetch`. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Aborts the fetch. */
  signal?: AbortSignal;
  /** Milliseconds for the whole fetch, body included. Default 30,000. */
  timeout?: number;
  /** Largest run object accepted, in bytes. Default 64 MiB (67,108,864). */
  maxBodyBytes?: number;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);
const TIMED_OUT = Symbol("timed out");

/**
 * The event with its run object in place of a signed URL (REFERENCE §6.1): one GET of
 * `payload.data`, with no credentials, no redirects and a timeout, whose JSON object must name
 * the event's run (`id`). An event whose payload is already the run object is returned as it
 * is. The URL is valid for an hour after delivery; check `payload.metadata` first if only some
 * events are wanted. Not retried: on failure, answer the delivery with a 5xx so it is sent again.
 */
export async function fetchWebhookPayload(
  event: WebhookEvent | SignedUrlWebhookEvent,
  options: FetchWebhookPayloadOptions = {},
): Promise<WebhookEvent> {
  const { payload } = event;
  if (payload.object !== "signed_data_url") return event as WebhookEvent;
  const { signal, timeout = 30_000, maxBodyBytes = 64 * 1024 * 1024 } = options;
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  for (const [name, problem] of [
    ["timeout", numberProblem(timeout, 1)],
    ["maxBodyBytes", numberProblem(maxBodyBytes, 1, true)],
  ])
    if (problem !== undefined)
      throw new InvalidArgumentError(`fetchWebhookPayload: ${name} ${problem}`);
  const url = safeUrl(payload.data);
  const where = `${url.origin}${url.pathname}`;
  // The query is the URL's signature: a credential, kept out of every error and its causes.
  const redactor = url.search === "" ? NO_SECRET : createRedactor(url.search);

  const controller = new AbortController();
  const unlink = forwardAbort(signal, controller);
  const timer = setTimeout(() => controller.abort(TIMED_OUT), timeout);
  let body: Uint8Array;
  try {
    const response = await send(url.href, {
      method: "GET",
      headers: { accept: "application/json" },
      // "manual", not "error": workerd refuses "error" outright. A redirect is refused below.
      redirect: "manual",
      credentials: "omit",
      signal: controller.signal,
    }).catch((cause: unknown) => {
      throw failure(controller.signal, where, "connection", redactor.error(cause));
    });
    if (!response.ok) {
      response.body?.cancel().catch(() => {});
      // An opaque redirect (browsers) has status 0; a followed one never happens ("manual").
      const status = response.type === "opaqueredirect" ? 302 : response.status;
      const what = status >= 300 && status < 400 ? "a redirect, not followed" : status;
      throw new WebhookPayloadError("status", `GET ${where} answered ${what}`, { status });
    }
    body = await readDeliveryBody(response.body, maxBodyBytes).catch((cause: unknown) => {
      throw failure(controller.signal, where, "body", redactor.error(cause));
    });
  } finally {
    clearTimeout(timer);
    unlink();
  }
  let run: unknown;
  try {
    run = JSON.parse(new TextDecoder().decode(body));
  } catch {}
  if (typeof run !== "object" || run === null || Array.isArray(run))
    throw new WebhookPayloadError("body", `GET ${where} did not answer a JSON object`);
  if ((run as { id?: unknown }).id !== payload.id)
    throw new WebhookPayloadError(
      "mismatch",
      `GET ${where} answered another run than ${payload.id}`,
    );
  return { eventId: event.eventId, eventType: event.eventType, payload: run } as WebhookEvent;
}

/** `https:`, or `http:` to a loopback host; no user name or password. */
function safeUrl(data: unknown): URL {
  let url: URL | undefined;
  try {
    url = new URL(String(data));
  } catch {}
  if (
    url === undefined ||
    url.username !== "" ||
    url.password !== "" ||
    !(url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname)))
  )
    throw new WebhookPayloadError("url", "payload.data is not an https URL");
  return url;
}

/** The error of a fetch or body read that threw `cause` (already redacted). */
function failure(
  signal: AbortSignal,
  where: string,
  otherwise: "connection" | "body",
  cause: unknown,
): WebhookPayloadError {
  if (cause instanceof WebhookPayloadError) return cause;
  if (signal.reason === TIMED_OUT)
    return new WebhookPayloadError("timeout", `GET ${where} took longer than the timeout`);
  if (signal.aborted)
    return new WebhookPayloadError(
      "aborted",
      `GET ${where} was aborted`,
      {},
      { cause: signal.reason },
    );
  const what = otherwise === "connection" ? "the request failed" : "the body could not be read";
  return new WebhookPayloadError(otherwise, `GET ${where}: ${what}`, {}, { cause });
}
