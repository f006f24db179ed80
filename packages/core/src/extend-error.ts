/**
 * Base class of every error extendkit throws.
 *
 * Contract: messages, stacks, `cause` chains and the JSON form never contain the API key. Every
 * foreign value an error keeps (response body, headers, the original fetch error, an abort reason)
 * has passed through the client's redactor before it reaches a constructor.
 */
export class ExtendError extends Error {
  override name = "ExtendError";

  /**
   * `fields` become the error's own properties (each subclass declares them: one constructor
   * assigns them all, which keeps every error class small in a bundle); `options.cause` is the
   * standard `cause`.
   */
  constructor(message?: string, fields?: object, options?: ErrorOptions) {
    super(message, options);
    Object.assign(this, fields);
  }

  /** A plain, loggable form: name, message, the subclass's fields and a summary of `cause`. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    // Own fields include `name` again, with the same value and at the same (first) place.
    for (const [key, value] of Object.entries(this))
      out[key] = value instanceof Headers ? Object.fromEntries(value) : value;
    if (this.cause !== undefined) out.cause = summarize(this.cause);
    return out;
  }
}

function summarize(cause: unknown): unknown {
  if (cause instanceof ExtendError) return cause.toJSON();
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return { name: cause.name, message: cause.message, ...(code !== undefined && { code }) };
  }
  return cause;
}
