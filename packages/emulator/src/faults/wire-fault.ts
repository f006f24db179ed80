/**
 * Faults that only a server adapter can play out on a real socket. The emulator tags the Response
 * with this symbol (from the global registry, so it survives two copies of the package) when the
 * request came through a server adapter; `serve()` reads the tag and acts on the socket.
 */
export const WIRE_FAULT = Symbol.for("extendkit.emulator.wireFault");

/** Symbol of the emulator method a server adapter calls instead of `fetch` (wire faults tagged, not simulated). */
export const WIRE_FETCH = Symbol.for("extendkit.emulator.wireFetch");

export type WireFault =
  /** Send the head and `prefix`, then destroy the socket. */
  | { type: "resetMidBody"; prefix: Uint8Array<ArrayBuffer> }
  /** Send the head one byte per `msPerByte`, then the body. */
  | { type: "dripHeaders"; msPerByte: number };

export function wireFaultOf(response: Response): WireFault | undefined {
  return (response as unknown as Record<symbol, WireFault | undefined>)[WIRE_FAULT];
}

export function tagWireFault(response: Response, fault: WireFault): Response {
  Object.defineProperty(response, WIRE_FAULT, { value: fault, enumerable: false });
  return response;
}

/**
 * Marks a Response whose body plays a fault in process (a reset mid-body, a slow or stalled body),
 * so a server adapter can turn the body's failure into a socket event (`serve`'s `guardBody`)
 * while every other body keeps the adapter's fast path. From the global registry, as `WIRE_FAULT`.
 */
const STREAMED_FAULT = Symbol.for("extendkit.emulator.streamedFault");

export function tagStreamedFault(response: Response): Response {
  Object.defineProperty(response, STREAMED_FAULT, { value: true, enumerable: false });
  return response;
}

export function isStreamedFault(response: Response): boolean {
  return (response as unknown as Record<symbol, boolean | undefined>)[STREAMED_FAULT] === true;
}
