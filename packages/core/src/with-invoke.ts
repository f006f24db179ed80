import { callOperation } from "./call-operation.ts";
import type { ClientExtension } from "./create-lite-client.ts";
import type { InvokeOperation } from "./create-runs-router.ts";

/**
 * Lite client extension adding `invoke(op, call)`: one operation of the table, given as its spec
 * and its sorted arguments, on the client's call path — for code that routes by operation rather
 * than calling methods by name (the browser proxy forwards whatever operation a request resolved
 * to): `createLiteClient(options, withInvoke)`.
 */
export const withInvoke: ClientExtension<{ readonly invoke: InvokeOperation }> = (rt) => ({
  invoke: (op, call) => callOperation(rt, op, call),
});
