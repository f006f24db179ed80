/**
 * One API key the emulator accepts (REFERENCE §1.2).
 * - `workspace`: bound to one workspace; `x-extend-workspace-id` is optional (see the
 *   `foreignWorkspaceHeader` switch for a header naming another workspace).
 * - `organization`: acts in any of `workspaceIds`, and must send `x-extend-workspace-id`.
 */
export type ApiKeyConfig =
  | { key: string; scope: "workspace"; workspaceId: string }
  | { key: string; scope: "organization"; workspaceIds: readonly string[] };
