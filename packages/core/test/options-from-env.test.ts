import { InvalidArgumentError, optionsFromEnv } from "@extendkit/core";
import { describe, expect, it } from "vitest";

describe("optionsFromEnv", () => {
  it("reads the four variables, treats empty as unset, and lets overrides win", () => {
    const env: Record<string, string> = {
      EXTEND_API_KEY: "sk_env",
      EXTEND_WORKSPACE_ID: "ws_env",
      EXTEND_BASE_URL: "",
      EXTEND_API_VERSION: "2025-04-21",
    };
    expect(optionsFromEnv((name) => env[name], { workspaceId: "ws_override" })).toEqual({
      apiKey: "sk_env",
      workspaceId: "ws_override",
      apiVersion: "2025-04-21",
    });
  });

  it("reads only variables that are not overridden", () => {
    const read: string[] = [];
    optionsFromEnv(
      (name) => {
        read.push(name);
        return undefined;
      },
      { apiKey: "sk_x", baseUrl: "http://127.0.0.1:1" },
    );
    expect(read).toEqual(["EXTEND_WORKSPACE_ID", "EXTEND_API_VERSION"]);
  });

  it("names the missing variable and where it was looked up", () => {
    expect(() => optionsFromEnv(() => undefined, {}, "process.env")).toThrow(InvalidArgumentError);
    expect(() => optionsFromEnv(() => undefined, {}, "process.env")).toThrow(
      "EXTEND_API_KEY is not set in process.env",
    );
  });
});
