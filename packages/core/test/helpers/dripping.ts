import type { VirtualClock } from "./virtual-clock.ts";

/** A JSON response whose body sends one chunk every `gap` ms on `clock`, and never ends. */
export function dripping(
  clock: VirtualClock,
  chunks: string[],
  gap: number,
  state = { cancelled: false },
) {
  let i = 0;
  let timer: unknown;
  const body = new ReadableStream<Uint8Array>({
    pull: (controller) =>
      new Promise<void>((resolve) => {
        timer = clock.setTimeout(() => {
          const chunk = chunks[i++];
          if (chunk !== undefined) controller.enqueue(new TextEncoder().encode(chunk));
          resolve();
        }, gap);
      }),
    cancel: () => {
      state.cancelled = true;
      clock.clearTimeout(timer);
    },
  });
  return new Response(body, { headers: { "content-type": "application/json" } });
}
