// Catalogue E12 (reliability.md §2.2): property test over 10,000 random ids.
import { createClient, InvalidArgumentError } from "@extendkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CANARY } from "./helpers/canary.ts";

const HOSTILE = [..."/.%?#\\;:@&=+$,'()*!~ "];
const CONTROL = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).concat("\u007f");
const PLAIN = [..."abcXYZ019_-"];
const OTHER = ["é", "𝕳", "\u202e", "\u200b", "\ud800", "%2e", "%2E", ".."];

const character = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.constantFrom(...CONTROL) },
  { weight: 3, arbitrary: fc.constantFrom(...PLAIN) },
  { weight: 1, arbitrary: fc.constantFrom(...OTHER) },
);
const id = fc.oneof(
  fc.string({ unit: character, maxLength: 24 }),
  fc.constantFrom(".", "..", "", " ", "%2e%2e", "./", "../"),
);

describe("E. path parameters, property", () => {
  it("E12 10,000 random ids: every request sent parses back to exactly the template's segments", {
    timeout: 300_000, // a hang guard only: 10,000 calls on a busy shared machine
  }, async () => {
    let sent = 0;
    let rejected = 0;
    const requests: Request[] = [];
    const client = createClient({
      apiKey: CANARY,
      baseUrl: "https://api.example.test/v1",
      fetch: async (request) => {
        requests.push(request);
        const segment = new URL(request.url).pathname.split("/")[3] ?? "";
        return Response.json({ id: decodeURIComponent(segment), status: "CANCELLED" });
      },
    });
    await fc.assert(
      fc.asyncProperty(id, async (value) => {
        requests.length = 0;
        const outcome = await client.workflowRuns.cancel(value).then(
          () => "sent",
          (error: unknown) => error,
        );
        if (outcome !== "sent") {
          expect(outcome).toBeInstanceOf(InvalidArgumentError);
          expect(requests).toHaveLength(0);
          rejected++;
          return;
        }
        sent++;
        expect(requests).toHaveLength(1);
        const url = new URL(requests[0]?.url ?? "");
        expect(url.origin).toBe("https://api.example.test");
        expect(url.search).toBe("");
        expect(url.hash).toBe("");
        const segments = url.pathname.split("/");
        expect(segments).toHaveLength(5);
        expect(segments.slice(0, 3)).toEqual(["", "v1", "workflow_runs"]);
        expect(segments[4]).toBe("cancel");
        expect(segments[3]).not.toMatch(/^(\.|%2e){1,2}$/i);
        expect(decodeURIComponent(segments[3] ?? "")).toBe(value);
      }),
      { numRuns: 10_000 },
    );
    // Both branches ran: the generator produces ids that are sent and ids that are refused.
    expect(sent).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });
});
