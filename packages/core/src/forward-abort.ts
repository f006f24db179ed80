/**
 * Per caller signal: the controllers it currently aborts, behind its one listener (`stop`, which
 * the last follower to settle removes).
 */
const followers = new WeakMap<AbortSignal, Set<AbortController> & { stop?: () => void }>();

/**
 * Aborts `controller` (with the same reason) when `signal` aborts. Returns the function that
 * stops forwarding; call it when the work settles so nothing outlives the call.
 *
 * A signal gets one listener however many calls share it, fanning out to the controllers of the
 * calls in flight; it is removed when the last of them settles. So one `AbortSignal` passed to
 * many concurrent calls never trips Node's MaxListenersExceededWarning (more than 10 listeners).
 * (Hand-written rather than `AbortSignal.any`, which not every supported runtime has and which
 * keeps its sources alive until they are collected.)
 */
export function forwardAbort(signal: AbortSignal | undefined, controller: AbortController) {
  if (signal === undefined) return () => {};
  if (signal.aborted) {
    controller.abort(signal.reason);
    return () => {};
  }
  let members = followers.get(signal);
  if (members === undefined) {
    const set: Set<AbortController> & { stop?: () => void } = new Set();
    const onAbort = () => {
      followers.delete(signal);
      for (const member of set) member.abort(signal.reason);
    };
    set.stop = () => signal.removeEventListener("abort", onAbort);
    signal.addEventListener("abort", onAbort, { once: true });
    followers.set(signal, set);
    members = set;
  }
  const own = members;
  own.add(controller);
  return () => {
    if (!own.delete(controller) || own.size > 0) return;
    own.stop?.();
    if (followers.get(signal) === own) followers.delete(signal);
  };
}
