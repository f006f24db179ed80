/** A function that sends one request. */
type Send = (request: Request) => Promise<Response>;

/**
 * Wraps `send` so at most `limit` calls are in flight; the others wait in FIFO order, and an
 * aborted waiter leaves the queue. A slot is held until the response headers arrive or the call
 * fails, and is handed straight to the next waiter. `undefined` returns `send` unchanged.
 */
export function limitConcurrency(send: Send, limit: number | undefined): Send {
  if (limit === undefined) return send;
  let active = 0;
  const waiting: (() => void)[] = [];
  const acquire = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (active < limit) {
        active++;
        return resolve();
      }
      const start = () => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      };
      const onAbort = () => {
        waiting.splice(waiting.indexOf(start), 1);
        reject(signal.reason);
      };
      waiting.push(start);
      signal.addEventListener("abort", onAbort, { once: true });
    });
  return async (request) => {
    await acquire(request.signal);
    try {
      return await send(request);
    } finally {
      const next = waiting.shift();
      if (next === undefined) active--;
      else next();
    }
  };
}
