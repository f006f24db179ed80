/**
 * Bodies the transport has already parsed, by the `Response` it handed to openapi-fetch, so the
 * resource methods do not parse a large body twice. A middleware that replaces the response
 * simply misses here, and the body is parsed from the response it returned.
 */
export const parsedBodies = new WeakMap<Response, unknown>();
