import { createRunsRouter, operationTable, type RoutedClient } from "@extendkit/core";
import type { BrowserExtension } from "./create-browser-client.ts";

/**
 * Browser client extension adding `runs` (retrieve, cancel and delete of a run of any type, routed
 * by its id's prefix; `resourceFor`): `createBrowserClient(options, withRuns)`. It is core's runs
 * router over the browser's call path; the prefix table it carries is left out of pages that call
 * resource methods only. Polling is `waitForRun`.
 */
export const withRuns: BrowserExtension<Pick<RoutedClient, "runs">> = (invoke) => ({
  runs: createRunsRouter(invoke, operationTable),
});
