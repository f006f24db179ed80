/** Base class of every error extendkit throws. Messages never contain the API key. */
export class ExtendError extends Error {
  override name = "ExtendError";
}
