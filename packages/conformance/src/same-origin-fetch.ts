/**
 * A fetch as a page on `origin` sends it: with that `Origin` header, which the proxy requires on
 * unsafe methods. For runtimes that are not a browser acting as the page (Deno, Node driving workerd).
 */
export function sameOriginFetch(origin: string) {
  return (request: Request): Promise<Response> => {
    const headers = new Headers(request.headers);
    headers.set("origin", origin);
    return fetch(new Request(request, { headers }));
  };
}
