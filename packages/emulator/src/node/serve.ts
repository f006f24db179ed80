import type { IncomingMessage, ServerResponse } from "node:http";
import { STATUS_CODES } from "node:http";
import { createAdaptorServer } from "@hono/node-server";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import { isConnectionReset } from "../connection-errors.ts";
import type { Emulator } from "../emulator.ts";
import { isStreamedFault, WIRE_FETCH, wireFaultOf } from "../faults/wire-fault.ts";
import { SpecViolationError } from "../spec-violation-error.ts";

/** Options of `serve`. */
export interface ServeOptions {
  /** Port to listen on; `0` (default) picks a free one. */
  port?: number;
  /** Interface to listen on. Default `"127.0.0.1"` (loopback only). */
  hostname?: string;
}

/** A listening emulator. */
export interface ServedEmulator {
  /** Base URL to give a client, e.g. `http://127.0.0.1:53124` (no trailing slash). */
  url: string;
  port: number;
  hostname: string;
  /** Stops listening and drops open connections (stalled ones included). */
  close(): Promise<void>;
}

type Bindings = { incoming: IncomingMessage; outgoing: ServerResponse };
type WireEmulator = Emulator & { [WIRE_FETCH]?: (request: Request) => Promise<Response> };

const plainHeaders = (headers: Headers) => Object.fromEntries(headers.entries());

/** Plays a wire fault on the socket itself: a reset mid-body, or a head dripped byte by byte. */
async function playWireFault(emulator: Emulator, response: Response, outgoing: ServerResponse) {
  const fault = wireFaultOf(response);
  const socket = outgoing.socket;
  if (!fault || !socket) return false;
  if (fault.type === "resetMidBody") {
    const headers = plainHeaders(response.headers);
    delete headers["content-length"];
    outgoing.writeHead(response.status, headers);
    outgoing.flushHeaders();
    outgoing.write(fault.prefix, () => socket.destroy());
    return true;
  }
  const body = Buffer.from(await response.arrayBuffer());
  const lines = [`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ""}`];
  for (const [k, v] of response.headers) if (k !== "content-length") lines.push(`${k}: ${v}`);
  lines.push(`content-length: ${body.length}`, "connection: close", "", "");
  const head = Buffer.from(lines.join("\r\n"));
  for (const byte of head) {
    if (socket.destroyed) return true;
    socket.write(Buffer.from([byte]));
    await emulator.clock.sleep(fault.msPerByte);
  }
  socket.end(body);
  return true;
}

/**
 * `response`, a body fault played in process (`isStreamedFault`), with its body passed through a
 * guard, so that its failure becomes a socket event here rather than an error @hono/node-server
 * logs: a body that fails
 * with a connection reset (`resetMidBody` when the emulator was not asked for wire faults) destroys
 * the socket, as a reset does; a body that fails because the client went away (`stall` ended by the
 * client's abort) just ends, since nobody is reading. Other failures pass through unchanged.
 */
function guardBody(response: Response, request: Request, incoming: IncomingMessage): Response {
  if (response.body === null) return response;
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        if (isConnectionReset(error)) {
          incoming.socket.destroy();
          controller.close();
        } else if (request.signal.aborted) controller.close();
        else controller.error(error);
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * Serves `emulator` over HTTP/1.1 with @hono/node-server (Node only), for clients in another
 * process or runtime. Connection faults become real ones: resets destroy the socket, a reset
 * mid-body sends the head and a prefix first, dripped headers go out one byte at a time.
 */
export function serve(emulator: Emulator, options: ServeOptions = {}): Promise<ServedEmulator> {
  const hostname = options.hostname ?? "127.0.0.1";
  const wireFetch = (emulator as WireEmulator)[WIRE_FETCH] ?? emulator.fetch;
  const server = createAdaptorServer({
    hostname,
    fetch: async (request: Request, bindings) => {
      const env = bindings as Bindings; // createAdaptorServer makes an HTTP/1.1 server
      let response: Response;
      try {
        response = await wireFetch(request);
      } catch (error) {
        if (isConnectionReset(error)) {
          env.incoming.socket.destroy();
          return RESPONSE_ALREADY_SENT;
        }
        if (request.signal.aborted) return RESPONSE_ALREADY_SENT;
        if (error instanceof SpecViolationError) {
          console.error(`extendkit-emulator: ${error.message}`);
          return Response.json(
            { code: "EMULATOR_SPEC_VIOLATION", message: error.message, retryable: false },
            { status: 500, headers: { "x-emulator-error": "spec-violation" } },
          );
        }
        throw error;
      }
      return (await playWireFault(emulator, response, env.outgoing))
        ? RESPONSE_ALREADY_SENT
        : isStreamedFault(response)
          ? guardBody(response, request, env.incoming)
          : response;
    },
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, hostname, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : (options.port ?? 0);
      const host = hostname.includes(":") ? `[${hostname}]` : hostname;
      resolve({
        url: `http://${host}:${port}`,
        port,
        hostname,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            if ("closeAllConnections" in server) server.closeAllConnections();
          }),
      });
    });
  });
}
