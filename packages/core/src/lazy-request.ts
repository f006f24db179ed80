/**
 * A stand-in for the `Request` constructor that looks up `globalThis.Request` only when a request
 * is built. openapi-fetch reads `globalThis.Request` as soon as a client is created unless it is
 * given one, and in Node 20 that global is a lazy getter that loads the bundled undici (40–100 ms
 * measured in bench/): `createClient` would pay it even for a client that never sends. With this,
 * the first request pays it, as with plain `fetch`.
 *
 * Contract: `new LazyRequest(input, init)` returns a real `Request`, and `x instanceof LazyRequest`
 * is true exactly for real `Request`s (openapi-fetch checks what `onRequest` middleware returns).
 */
export const LazyRequest = class LazyRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    // biome-ignore lint/correctness/noConstructorReturn: returning the real Request is the point.
    return new globalThis.Request(input, init);
  }

  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof globalThis.Request;
  }
} as unknown as typeof Request;
