import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

/** Any Fetch-API handler: `@extendkit/browser/proxy`, a Hono app's `fetch`, an emulator's. */
export type FetchHandler = (request: Request) => Response | Promise<Response>;

/** A node:http request listener that is also Express middleware (`next` is called on errors). */
export type NodeHandler = (
  req: IncomingMessage & { originalUrl?: string },
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

// Methods the Fetch API forbids in a Request: answered here, never passed on.
const UNREPRESENTABLE = new Set(["CONNECT", "TRACE", "TRACK"]);

/**
 * Mounts `handler` on node:http (`createServer(toNodeHandler(h))`) or Express
 * (`app.use("/api/extend", toNodeHandler(h))`; mount it before any body parser).
 *
 * Contract: the Request URL is the server's origin (from `Host`) plus the raw request target, set
 * as a path (never resolved against the origin, so `//evil.example/x` stays a path); Express's
 * `originalUrl` is used, so the handler sees the full path. The body is streamed, not buffered.
 * A client that disconnects aborts `request.signal`. TRACE and TRACK, which no Request can
 * carry, are answered 405 here (node:http never passes CONNECT to a request listener). A handler that throws yields `next(error)`
 * under Express, else a bare 500.
 */
export function toNodeHandler(handler: FetchHandler): NodeHandler {
  return (req, res, next) => {
    if (req.method === undefined || UNREPRESENTABLE.has(req.method)) {
      res.writeHead(405, { allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" }).end();
      return;
    }
    const controller = new AbortController();
    res.once("close", () => {
      if (!res.writableFinished) controller.abort(new Error("client disconnected"));
    });
    handle(handler, req, res, controller.signal).catch((error: unknown) => {
      if (next !== undefined) return next(error);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  };
}

async function handle(
  handler: FetchHandler,
  req: IncomingMessage & { originalUrl?: string },
  res: ServerResponse,
  signal: AbortSignal,
): Promise<void> {
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const url = new URL(`${encrypted ? "https" : "http"}://${req.headers.host ?? "localhost"}`);
  const target = req.originalUrl ?? req.url ?? "/";
  const query = target.indexOf("?");
  url.pathname = query === -1 ? target : target.slice(0, query);
  url.search = query === -1 ? "" : target.slice(query);
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request(url, {
    method: req.method ?? "GET",
    headers,
    signal,
    ...(hasBody && { body: Readable.toWeb(req) as ReadableStream, duplex: "half" }),
  } as RequestInit);
  const response = await handler(request);
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (response.body === null) {
    res.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    Readable.fromWeb(response.body as NodeReadableStream)
      .once("error", reject)
      .pipe(res)
      .once("finish", resolve)
      .once("error", reject);
  });
}
