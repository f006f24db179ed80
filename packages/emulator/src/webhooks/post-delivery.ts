import type { ResolvedWebhooks } from "./resolve-webhook-options.ts";

/** One delivery's POST: where, what, and the signature headers. */
export interface DeliveryPost {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/**
 * POSTs one delivery with `send` and resolves to the receiver's status (its body is discarded).
 * Rejects when `signal` aborts (the emulator was reset) or after `timeoutMs` of real time (the
 * receiver is a real server or handler, whatever the emulator clock), even with a `send` that
 * ignores its signal, so `idle()` always ends.
 */
export async function postDelivery(
  send: ResolvedWebhooks["fetch"],
  post: DeliveryPost,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<number> {
  const attempt = new AbortController();
  const stop = () => attempt.abort(signal.reason);
  signal.addEventListener("abort", stop, { once: true });
  const timer = setTimeout(
    () => attempt.abort(new Error(`no answer within ${timeoutMs} ms (webhooks.timeoutMs)`)),
    timeoutMs,
  );
  try {
    const sending = send(post.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...post.headers },
      body: post.body,
      signal: attempt.signal,
    });
    const response = await new Promise<Response>((resolve, reject) => {
      attempt.signal.addEventListener("abort", () => reject(attempt.signal.reason), {
        once: true,
      });
      sending.then(resolve, reject);
    });
    await response.body?.cancel().catch(() => {});
    return response.status;
  } catch (error) {
    throw attempt.signal.aborted ? attempt.signal.reason : error; // the timeout's or reset's reason
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", stop);
  }
}
