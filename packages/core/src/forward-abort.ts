/** Per caller signal: the controllers it currently aborts, behind its one listener. */
const followers = new WeakMap<AbortSignal, Set<AbortController>>();

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
  let set = followers.get(signal);
  if (set === undefined) {
    const members = new Set<AbortController>();
    const onAbort = () => {
      followers.delete(signal);
      for (const member of members) member.abort(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    followers.set(signal, members);
    listeners.set(members, onAbort);
    set = members;
  }
  const members = set;
  members.add(controller);
  return () => {
    if (!members.delete(controller) || members.size > 0) return;
    const onAbort = listeners.get(members);
    if (onAbort !== undefined) signal.removeEventListener("abort", onAbort);
    if (followers.get(signal) === members) followers.delete(signal);
  };
}

/** The listener behind each set of followers, to remove it when the set empties. */
const listeners = new WeakMap<Set<AbortController>, () => void>();
