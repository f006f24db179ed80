import type { FileSummary } from "@extendkit/core";
import type { FileRecord } from "../run-record.ts";
import { iso } from "./render-context.ts";

export function renderFile(file: FileRecord): FileSummary {
  return {
    object: "file",
    id: file.id,
    name: file.name,
    type: file.type,
    parentFileId: null,
    metadata: { pageCount: file.pageCount },
    createdAt: iso(file.createdAt),
    updatedAt: iso(file.createdAt),
  };
}
