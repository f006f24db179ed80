import { resetBeforeResponse, resetMidBody } from "../connection-errors.ts";
import type { Rng } from "../create-rng.ts";
import type { EmulatorClock } from "../emulator-clock.ts";
import type { Fault } from "./fault.ts";
import { tagStreamedFault, tagWireFault } from "./wire-fault.ts";

export interface TransportEnv {
  clock: EmulatorClock;
  rng: Rng;
  signal: AbortSignal;
  /** True when a server adapter plays socket-level faults itself. */
  wire: boolean;
  /** Called once when the emulator has finished sending a streamed body (in-flight accounting). */
  onStreamEnd: () => void;
  /** Set to true by this function when the body streams (the caller must not count it done yet). */
  streaming: { value: boolean };
}

/** The approximate size of a response head, for dripped headers in-process. */
function headSize(status: number, headers: Headers): number {
  let n = `HTTP/1.1 ${status} X\r\n`.length + 2;
  for (const [k, v] of headers) n += k.length + v.length + 4;
  return n;
}

/** Builds the response `fault` makes of a finished answer (the request has been applied). */
export async function transportFault(
  fault: Fault,
  status: number,
  headers: Headers,
  bytes: Uint8Array<ArrayBuffer>,
  env: TransportEnv,
): Promise<Response> {
  const len = bytes.length;
  switch (fault.type) {
    case "resetAfterCommit":
      throw resetBeforeResponse();
    case "truncatedJson": {
      const n = Math.min(fault.afterBytes ?? Math.floor(len / 2), Math.max(0, len - 1));
      return new Response(bytes.slice(0, n), { status, headers });
    }
    case "resetMidBody": {
      const n = Math.min(
        fault.afterBytes ?? 1 + env.rng.int(Math.max(1, len - 1)),
        Math.max(0, len - 1),
      );
      const prefix = bytes.slice(0, n);
      if (env.wire)
        return tagWireFault(new Response(prefix, { status, headers }), {
          type: "resetMidBody",
          prefix,
        });
      env.streaming.value = true;
      let sent = false;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (!sent && prefix.length > 0) {
            sent = true;
            controller.enqueue(prefix);
            return;
          }
          env.onStreamEnd();
          controller.error(resetMidBody());
        },
        cancel: () => env.onStreamEnd(),
      });
      return tagStreamedFault(new Response(stream, { status, headers }));
    }
    case "slowBody": {
      env.streaming.value = true;
      const chunk = Math.max(1, Math.ceil(fault.bytesPerSecond / 10));
      const tickMs = (chunk / fault.bytesPerSecond) * 1000;
      let offset = 0;
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (offset >= len) {
            env.onStreamEnd();
            controller.close();
            return;
          }
          try {
            await env.clock.sleep(tickMs, env.signal);
          } catch (reason) {
            env.onStreamEnd();
            controller.error(reason);
            return;
          }
          controller.enqueue(bytes.slice(offset, offset + chunk));
          offset += chunk;
        },
        cancel: () => env.onStreamEnd(),
      });
      return tagStreamedFault(new Response(stream, { status, headers }));
    }
    case "stall": {
      env.streaming.value = true;
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          const stop = () => {
            env.onStreamEnd();
            controller.error(env.signal.reason);
          };
          if (env.signal.aborted) stop();
          else env.signal.addEventListener("abort", stop, { once: true });
        },
        cancel: () => env.onStreamEnd(),
      });
      return tagStreamedFault(new Response(stream, { status, headers }));
    }
    case "dripHeaders": {
      if (env.wire)
        return tagWireFault(new Response(bytes, { status, headers }), {
          type: "dripHeaders",
          msPerByte: fault.msPerByte,
        });
      await env.clock.sleep(headSize(status, headers) * fault.msPerByte, env.signal);
      return new Response(bytes, { status, headers });
    }
    default:
      return new Response(bytes, { status, headers });
  }
}
