import { defaultPathSerializer } from "openapi-fetch";
import { assertPathParam } from "./assert-path-param.ts";

/**
 * openapi-fetch's global path serializer: validates every path parameter, then encodes it.
 * openapi-fetch calls it whenever `params.path` is given, which the resource methods always do.
 */
export function serializePath(pathname: string, pathParams: Record<string, unknown>): string {
  for (const [name, value] of Object.entries(pathParams)) assertPathParam(name, value);
  return defaultPathSerializer(pathname, pathParams);
}
