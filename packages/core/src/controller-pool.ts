/**
 * AbortControllers for attempts, reused while they never fire. An attempt takes one
 * (`takeController`), puts its signal on its `Request`, and gives it back when it ends
 * (`giveBackController`); one that was aborted (timeout, caller's abort) is dropped, so a
 * controller in the pool can only be aborted by the attempt holding it.
 *
 * Why: a `Request` built with a signal makes the platform follow it. Node 20's undici adds a
 * listener to that signal and keeps `{ signal, listener }` in a FinalizationRegistry until the
 * `Request` is collected and its cleanup runs, so with a fresh controller per attempt every request
 * in that backlog pins a whole AbortSignal (bench section 6: 100,000 deletes peaked near 250 MB;
 * without signals, 130–143 MB), and creating one costs each call a few microseconds. Shared, the
 * backlog holds one signal per `MAX_USES` requests.
 *
 * What sharing means: aborting a controller also aborts the earlier requests that used it, which
 * have all finished by then (each was given back only after its attempt ended), so nothing changes
 * for them. `MAX_USES` bounds the listeners one signal collects before the platform's cleanup runs
 * (undici raises a signal's listener limit to 1,500; Node warns above it) and keeps them few: once
 * a signal's limit is raised, undici lists all its listeners for every new `Request` that follows
 * it, so a long list costs each request.
 *
 * Each controller has one listener of its own, added once, that calls the holder's `onAbort`: an
 * attempt sets it instead of adding and removing a listener of its own.
 */
const MAX_USES = 16;
const MAX_IDLE = 64;

export interface Pooled {
  readonly controller: AbortController;
  /** Attempts that have held it, this one included. */
  uses: number;
  /** Called once if the controller aborts while an attempt holds it; the holder clears it when done. */
  onAbort: (() => void) | undefined;
}

const idle: Pooled[] = [];

/** A controller that has never fired and can be used here, for one attempt. */
export function takeController(): Pooled {
  let pooled = idle.pop();
  while (pooled !== undefined && !usable(pooled)) pooled = idle.pop();
  pooled ??= create();
  pooled.uses++;
  return pooled;
}

/**
 * Whether this context may use `pooled`. workerd ties a signal that went to a `fetch` to the
 * request (I/O context) that sent it: any use from another request, even reading `aborted`,
 * throws "Cannot perform I/O on behalf of a different request". A Worker's module-level state
 * outlives its requests, so such a controller is dropped here and never crosses requests.
 */
function usable(pooled: Pooled): boolean {
  try {
    return !pooled.controller.signal.aborted;
  } catch {
    return false;
  }
}

function create(): Pooled {
  const pooled: Pooled = { controller: new AbortController(), uses: 0, onAbort: undefined };
  pooled.controller.signal.addEventListener("abort", () => pooled.onAbort?.(), { once: true });
  return pooled;
}

/** Ends an attempt's hold on `pooled`: reused unless it fired or has served `MAX_USES` attempts. */
export function giveBackController(pooled: Pooled): void {
  pooled.onAbort = undefined;
  if (!usable(pooled) || pooled.uses >= MAX_USES || idle.length >= MAX_IDLE) return;
  idle.push(pooled);
}
