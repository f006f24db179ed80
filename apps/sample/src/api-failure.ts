/** The fields of an API error the sample shows. Duck-typed, so it holds across bundles. */
export interface ApiFailure {
  status: number;
  code: string;
  message: string;
}

/** The HTTP status and code of an error thrown by a client call, or undefined if it is not an API error. */
export function apiFailure(error: unknown): ApiFailure | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { status, code, message } = error as Record<string, unknown>;
  if (typeof status !== "number") return undefined;
  return {
    status,
    code: typeof code === "string" ? code : `HTTP_${status}`,
    message: typeof message === "string" ? message : String(error),
  };
}

/** A one-line description of anything thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
