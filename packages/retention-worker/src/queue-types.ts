// The few Cloudflare Queues types this Worker uses (as in @cloudflare/workers-types), so it needs
// no extra dependency. See https://developers.cloudflare.com/queues/configuration/javascript-apis/

/** A producer binding. */
export interface Queue<Body> {
  send(body: Body, options?: { delaySeconds?: number }): Promise<void>;
  sendBatch(
    messages: Iterable<{ body: Body; delaySeconds?: number }>,
    options?: { delaySeconds?: number },
  ): Promise<void>;
}

/** One delivered message. */
export interface Message<Body> {
  readonly id: string;
  readonly body: Body;
  /** Deliveries so far, this one included (1 on the first). */
  readonly attempts: number;
  ack(): void;
  retry(options?: { delaySeconds?: number }): void;
}

/** What a consumer's `queue(batch, env)` handler receives. */
export interface MessageBatch<Body> {
  readonly queue: string;
  readonly messages: readonly Message<Body>[];
  ackAll(): void;
  retryAll(options?: { delaySeconds?: number }): void;
}

/** A KV namespace binding (only what the dead-letter record uses). */
export interface KVNamespace {
  put(key: string, value: string): Promise<void>;
  list(options?: { prefix?: string }): Promise<{ keys: { name: string }[] }>;
}
