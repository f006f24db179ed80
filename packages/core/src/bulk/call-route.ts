import type { RunRoute } from "./route-run.ts";

type Method = (...args: unknown[]) => Promise<unknown>;

/** A client seen as `client[resource][method]`: how the engine calls routed methods. */
export type LooseClient = object;

function methodOf(client: LooseClient, resource: string, method: string): Method {
  const target = (client as Record<string, Record<string, Method> | undefined>)[resource]?.[method];
  if (typeof target !== "function") throw new TypeError(`client.${resource}.${method} is missing`);
  return target;
}

/** `client[resource][method](id, { signal })`, with the request slot left empty where the method has one. */
export function callRoute(
  client: LooseClient,
  route: RunRoute,
  id: string,
  signal: AbortSignal,
): Promise<unknown> {
  const method = methodOf(client, route.resource, route.method);
  return route.takesRequest ? method(id, undefined, { signal }) : method(id, { signal });
}

/** `client[resource].list(query, { signal })`: one page. */
export function callList(
  client: LooseClient,
  resource: string,
  query: Record<string, unknown>,
  signal: AbortSignal,
): Promise<unknown> {
  // A list method returns a lazy thenable (its first page); resolve it into a real promise.
  return Promise.resolve(methodOf(client, resource, "list")(query, { signal }));
}
