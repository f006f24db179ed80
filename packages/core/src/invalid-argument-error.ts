import { ExtendError } from "./extend-error.ts";

/** A bad argument or option caught on the client before anything was sent. */
export class InvalidArgumentError extends ExtendError {
  override name = "InvalidArgumentError";
}
