import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
// @extendkit/node's verifyWebhook: core's, with node:crypto's HMAC (no WebCrypto thread-pool hop).
import { verifyWebhook, type WebhookEvent, WebhookVerificationError } from "@extendkit/node";
import { EXIT_CODES, type ExitCode } from "../exit-codes.ts";
import type { CliIo } from "../io.ts";
import { UsageError } from "../usage-error.ts";

export interface ListenOptions {
  port: number;
  host: string;
  json?: boolean;
}

/** Most bytes read of one delivery (as `verifyWebhook`'s default). */
const MAX_BODY = 10 * 1024 * 1024;

/**
 * `extendkit webhooks listen`: receives Extend's webhook deliveries (or an emulator's, e.g.
 * `extendkit-emulator --webhook http://127.0.0.1:3000/ --webhook-secret …`) until Ctrl-C, verifies
 * each with `EXTEND_WEBHOOK_SECRET` and prints one line per event: `eventType  run id  eventId`, or
 * the whole event as a JSON line with `--json`. Answers 200 to an authentic delivery and 400 to any
 * other, whose reason goes to stderr. For local development: it stores and acts on nothing.
 */
export async function listen(options: ListenOptions, io: CliIo): Promise<ExitCode> {
  const secret = io.env.EXTEND_WEBHOOK_SECRET;
  if (!secret)
    throw new UsageError("EXTEND_WEBHOOK_SECRET is not set (the endpoint's signing secret, wss_…)");
  const server = createServer((req, res) => {
    receive(req, secret, options, io).then(
      (status) => res.writeHead(status).end(),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  io.stderr.write(`extendkit: listening for webhooks on http://${options.host}:${port}/\n`);
  await new Promise<void>((resolve) => {
    if (io.signal.aborted) resolve();
    io.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return EXIT_CODES.ok;
}

async function receive(
  req: IncomingMessage,
  secret: string,
  options: ListenOptions,
  io: CliIo,
): Promise<number> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size <= MAX_BODY) chunks.push(chunk); // past the limit: read on, keep nothing
  }
  try {
    if (size > MAX_BODY) throw new WebhookVerificationError("body-too-large", "over 10 MiB");
    const body = Buffer.concat(chunks);
    const event = await verifyWebhook(
      { headers: req.headers, body },
      { secret, maxBodyBytes: MAX_BODY },
    );
    io.stdout.write(options.json ? `${JSON.stringify(event)}\n` : `${line(event)}\n`);
    return 200;
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    io.stderr.write(`extendkit: refused a delivery: ${error.message}\n`);
    return 400;
  }
}

function line(event: WebhookEvent): string {
  const { id, status } = event.payload as { id?: unknown; status?: unknown };
  return [event.eventType, id ?? "-", status ?? "-", event.eventId].join("  ");
}
