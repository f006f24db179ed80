/** The envelope of every webhook event (REFERENCE §6.1). */
export interface RunEvent {
  /** `event_…`: the same for every endpoint and every retry. */
  eventId: string;
  eventType: string;
  payload: Record<string, unknown>;
}

/**
 * `event` with its payload replaced by a signed data URL (§6.1, `payloadFormat: "url"`): `id` is
 * the run's, `metadata` is carried over when the run has that field.
 */
export function signedDataUrlEvent(event: RunEvent, data: string): RunEvent {
  const { payload } = event;
  return {
    ...event,
    payload: {
      object: "signed_data_url",
      id: String(payload.id),
      data,
      ...("metadata" in payload ? { metadata: payload.metadata } : {}),
    },
  };
}
