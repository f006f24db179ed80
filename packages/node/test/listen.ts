import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";

/**
 * Starts `server` on a free port of 127.0.0.1 and resolves to its URL; every server started this
 * way in a test file is closed after the file's tests.
 */
export function listenerFor(): (server: Server) => Promise<string> {
  const servers: Server[] = [];
  afterAll(() => {
    for (const server of servers) server.close();
  });
  return async (server) => {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
}
