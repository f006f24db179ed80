// The test Worker: runs the `act` part of each conformance case in workerd with the built
// @extendkit/workers (`createClient`, or `createTinyClient` when the body says `client: "tiny"`),
// plus a bulk-delete probe for the concurrency cap.
import { act } from "@extendkit/conformance";
import {
  createClient,
  createTinyClient,
  type ExtendEnv,
  type LiteClient,
} from "@extendkit/workers";

export default {
  async fetch(request: Request, env: ExtendEnv): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/runtime") {
      const g = globalThis as { process?: unknown; Buffer?: unknown };
      return Response.json({
        userAgent: navigator.userAgent,
        process: typeof g.process,
        Buffer: typeof g.Buffer,
      });
    }
    const body = (await request.json()) as {
      name?: string;
      params?: unknown;
      ids?: string[];
      client?: "tiny";
    };
    if (url.pathname === "/bulk-delete") {
      const client = createClient(env);
      const ids = body.ids ?? [];
      const results = await Promise.allSettled(ids.map((id) => client.extractRuns.delete(id)));
      return Response.json(results.map((r) => r.status));
    }
    const make =
      body.client === "tiny"
        ? (o?: object) => createTinyClient(env, o) as unknown as LiteClient
        : (o?: object) => createClient(env, o);
    const result = await act(body.name as string, make, body.params);
    return Response.json(result);
  },
};
