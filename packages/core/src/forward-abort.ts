/**
 * Aborts `controller` (with the same reason) when `signal` aborts. Returns the function that
 * removes the listener; call it when the work settles so no listener outlives the call.
 * (Hand-written rather than `AbortSignal.any`, which not every supported runtime has and which
 * keeps its sources alive until they are collected.)
 */
export function forwardAbort(signal: AbortSignal | undefined, controller: AbortController) {
  if (signal === undefined) return () => {};
  if (signal.aborted) {
    controller.abort(signal.reason);
    return () => {};
  }
  const onAbort = () => controller.abort(signal.reason);
  signal.addEventListener("abort", onAbort, { once: true });
  return () => signal.removeEventListener("abort", onAbort);
}
