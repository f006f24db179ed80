import type { EmulatorState } from "../emulator-state.ts";
import type { Fault } from "../faults/fault.ts";
import type { SpecOperation } from "../spec-operations.ts";

/** One authenticated, validated API request, as a handler sees it. */
export interface OperationContext {
  state: EmulatorState;
  op: SpecOperation;
  workspaceId: string;
  /** The `{id}` path parameter, when the operation has one. */
  id: string;
  query: URLSearchParams;
  // biome-ignore lint/suspicious/noExplicitAny: the body has been validated against the spec's schema
  body: any;
  now: number;
  /** A list-shaping fault for this request (emptyPage, repeatPage), if one fired. */
  listFault: Fault | null;
}

/** What a handler answers: a status (default 200) and a JSON body. */
export interface HandlerResult {
  status?: number;
  body: unknown;
}

export type Handler = (ctx: OperationContext) => HandlerResult | Promise<HandlerResult>;
