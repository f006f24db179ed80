import { ExtendError } from "./extend-error.ts";

/**
 * Paging stopped because it would not end: the server sent a `nextPageToken` it had already
 * sent (`repeated-token`), or the list ran past `maxPages` (`page-cap`).
 */
export class PaginationError extends ExtendError {
  override name = "PaginationError";
  declare readonly reason: "repeated-token" | "page-cap";
  /** Pages read before stopping. */
  declare readonly pages: number;

  constructor(init: { reason: "repeated-token" | "page-cap"; pages: number; path: string }) {
    super(
      init.reason === "repeated-token"
        ? `GET ${init.path}: page ${init.pages} repeated a nextPageToken; stopped, not looping`
        : `GET ${init.path}: stopped after ${init.pages} pages (maxPages); raise maxPages to read on`,
      { reason: init.reason, pages: init.pages },
    );
  }
}
