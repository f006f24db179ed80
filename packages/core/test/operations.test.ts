import { createClient, createLiteClient } from "@extendkit/core";
import { describe, expect, it } from "vitest";
import { exampleCalls } from "./spec-operations.ts";

const calls = exampleCalls();

// The full client and the lite client share the call path: both must send exactly the spec's request.
describe.each([
  ["createClient", createClient],
  ["createLiteClient", createLiteClient],
] as const)("every spec operation (%s)", (_factory, create) => {
  it("covers all 51 run operations of REFERENCE §2", () => {
    expect(calls).toHaveLength(51);
    expect(new Set(calls.map((c) => c.clientMethod)).size).toBe(51);
  });

  it.each(calls.map((c) => [c.operationId, c] as const))(
    "%s sends the spec's method, path, headers, query and body and returns the parsed body",
    async (_name, call) => {
      const seen: Request[] = [];
      const client = create({
        apiKey: "sk_test_operations",
        baseUrl: "https://api.example.test",
        workspaceId: "ws_test",
        fetch: async (request) => {
          seen.push(request.clone());
          return Response.json(call.response);
        },
      });
      const [resource, name] = call.clientMethod.includes(".")
        ? call.clientMethod.split(".")
        : [undefined, call.clientMethod];
      const target = (resource === undefined
        ? client
        : client[resource as keyof typeof client]) as unknown as Record<
        string,
        (...args: unknown[]) => Promise<unknown>
      >;
      expect(typeof target[name as string]).toBe("function");

      const args: unknown[] = [];
      if (call.id !== undefined) args.push(call.id);
      const hasQuery = Object.keys(call.query).length > 0;
      if (call.body !== undefined) args.push({ ...call.body, ...call.query });
      else if (hasQuery) args.push(call.query);
      const result = await target[name as string]?.(...args);

      expect(result).toEqual(call.response);
      expect(seen).toHaveLength(1);
      const request = seen[0] as Request;
      const url = new URL(request.url);
      expect(request.method).toBe(call.httpMethod);
      expect(url.origin).toBe("https://api.example.test");
      expect(url.pathname).toBe(call.path.replace("{id}", call.id ?? "{id}"));
      expect(Object.fromEntries(url.searchParams)).toEqual(call.query);
      expect(request.headers.get("authorization")).toBe("Bearer sk_test_operations");
      expect(request.headers.get("x-extend-api-version")).toBe("2026-02-09");
      expect(request.headers.get("x-extend-workspace-id")).toBe("ws_test");
      if (call.body === undefined) {
        expect(await request.text()).toBe("");
      } else {
        expect(request.headers.get("content-type")).toBe("application/json");
        expect(await request.json()).toEqual(call.body);
      }
    },
  );
});
