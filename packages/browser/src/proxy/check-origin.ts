/**
 * CSRF defence (Fetch Metadata, then Origin), for a proxy that browsers reach with cookies.
 * - `Sec-Fetch-Site` other than `same-origin` is refused for state-changing requests, and
 *   `cross-site` / `same-site` for any request.
 * - An `Origin` header must be one of `allowed` (the literal `null` origin never is).
 * - A state-changing request with neither header is refused: every browser that could carry
 *   the session cookie sends one of them, so their absence means a client we cannot vouch for.
 */
export function isSameOrigin(
  request: Request,
  allowed: readonly string[],
  stateChanging: boolean,
): boolean {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  if (site !== null && site !== "same-origin") {
    if (stateChanging || site === "cross-site" || site === "same-site") return false;
  }
  if (origin !== null && !allowed.includes(origin)) return false;
  return !(stateChanging && site === null && origin === null);
}
