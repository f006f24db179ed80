import type { SampleEvent, StepResult } from "../step-result.ts";

/**
 * Reads the event stream of an out-of-process runtime (one JSON object per line) and passes each
 * step to `emit`. Resolves on `done`; rejects on `fatal`, on a line that is not an event, or when
 * the stream ends first. Text chunks may split lines anywhere.
 */
export async function readEvents(
  chunks: AsyncIterable<string>,
  emit: (result: StepResult) => void,
): Promise<void> {
  let buffered = "";
  for await (const chunk of chunks) {
    buffered += chunk;
    let newline = buffered.indexOf("\n");
    while (newline !== -1) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf("\n");
      if (line === "") continue;
      const event = parse(line);
      if (event.type === "done") return;
      if (event.type === "fatal") throw new Error(event.message);
      emit(event.result);
    }
  }
  throw new Error("the runtime stopped before reporting that it was done");
}

function parse(line: string): SampleEvent {
  try {
    const event = JSON.parse(line) as SampleEvent;
    if (typeof event?.type === "string") return event;
  } catch {
    // reported below
  }
  throw new Error(`unexpected output: ${line.slice(0, 200)}`);
}

/** The text of a byte stream, chunk by chunk (for streams from other realms, such as Miniflare's). */
export async function* decodeText(body: ReadableStream<Uint8Array>): AsyncIterable<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    yield decoder.decode(value, { stream: true });
  }
  yield decoder.decode();
}
