const REASONS: Record<number, string> = {
  200: "OK",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** The kind of page a CDN or proxy in front of an API answers with (F09): HTML, not JSON. */
export function htmlPage(status: number): string {
  const title = `${status} ${REASONS[status] ?? "Error"}`;
  return `<!DOCTYPE html>\n<html>\n<head><title>${title}</title></head>\n<body>\n<center><h1>${title}</h1></center>\n<hr><center>edge-proxy</center>\n</body>\n</html>\n`;
}
