const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i;

/** Whether a Content-Type names JSON (`application/json`, `application/problem+json`, any case). */
export function isJsonContentType(contentType: string | null): boolean {
  return contentType !== null && JSON_TYPE.test(contentType.trim());
}

/**
 * Parses `text` as JSON. When it does not parse, tells a body that was cut off (ends inside a
 * string or with brackets still open: `{"id":"exr_`) from one that is complete but malformed
 * (`{"id":}`), so the first can be treated as a transport failure and the second cannot.
 */
export function inspectJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; truncated: boolean } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, truncated: endsOpen(text) };
  }
}

function endsOpen(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
  }
  return inString || depth > 0;
}
