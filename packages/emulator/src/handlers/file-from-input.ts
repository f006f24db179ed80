import type { Rng } from "../create-rng.ts";
import { makeId } from "../make-id.ts";
import type { FileRecord } from "../run-record.ts";

const TYPES: Record<string, string> = {
  pdf: "PDF",
  csv: "CSV",
  png: "IMG",
  jpg: "IMG",
  jpeg: "IMG",
  tif: "IMG",
  tiff: "IMG",
  txt: "TXT",
  docx: "DOCX",
  doc: "DOCX",
  xlsx: "EXCEL",
  xls: "EXCEL",
  xml: "XML",
  html: "HTML",
  htm: "HTML",
};

const typeOf = (name: string): string | null =>
  TYPES[name.split(".").pop()?.toLowerCase() ?? ""] ?? null;

function nameFromUrl(url: string): string {
  try {
    const last = new URL(url).pathname.split("/").filter(Boolean).pop();
    return last ? decodeURIComponent(last) : "file";
  } catch {
    return "file";
  }
}

/**
 * The stored file of a `FileInput` (URL, uploaded id or raw text; REFERENCE §2.10) or of a legacy
 * `{fileName, fileUrl, fileId}` / `rawText`. Nothing is downloaded.
 */
export function fileFromInput(input: unknown, rng: Rng, now: number): FileRecord | null {
  if (!input || typeof input !== "object") return null;
  const f = input as Record<string, unknown>;
  const str = (k: string) => (typeof f[k] === "string" ? (f[k] as string) : undefined);
  const url = str("url") ?? str("fileUrl");
  const id = str("id") ?? str("fileId");
  const text = str("text");
  let name = str("name") ?? str("fileName");
  if (text !== undefined) name = name ? (name.endsWith(".txt") ? name : `${name}.txt`) : "text.txt";
  else name ??= url ? nameFromUrl(url) : `${id ?? "file"}.pdf`;
  return {
    id: id ?? makeId("file_", rng),
    name,
    type: typeOf(name),
    pageCount: 1,
    createdAt: now,
  };
}
