import type { RunWebhookEvent, SignedDataUrl } from "../generated/schemas.ts";

/** Every run event type of the spec (REFERENCE §6.2), such as `"extract_run.processed"`. */
export type WebhookEventType = RunWebhookEvent["eventType"];

/** `E` with its payload narrowed to the run object (no signed URL). */
type Inline<E> = E extends { payload: infer P }
  ? Omit<E, "payload"> & { payload: Exclude<P, SignedDataUrl> }
  : never;

/**
 * A verified run event whose payload is the run object itself. Narrow it on `eventType`:
 * `case "workflow_run.completed": event.payload` is a `WorkflowRun`. Events of types this
 * version does not list (non-run events, types added later) are returned too, so keep a
 * `default:` branch.
 */
export type WebhookEvent = Inline<RunWebhookEvent>;

/**
 * An event whose payload is a signed URL (endpoints with `advancedOptions.payload.format = "url"`,
 * REFERENCE §6.1): `payload.data` is valid for one hour; `fetchWebhookPayload` fetches it.
 */
export interface SignedUrlWebhookEvent {
  eventId: string;
  eventType: WebhookEventType;
  payload: SignedDataUrl;
}

/**
 * A delivery as a server framework hands it over: the headers, and the body **exactly as
 * received** (the bytes, or the string decoded from them). A body parsed and serialized again no
 * longer matches its signature.
 */
export interface WebhookDelivery {
  /** A `Headers`, or a plain object such as Node's `IncomingHttpHeaders` (any letter case). */
  headers: Headers | Readonly<Record<string, string | readonly string[] | undefined>>;
  body: string | Uint8Array | ArrayBuffer;
}
