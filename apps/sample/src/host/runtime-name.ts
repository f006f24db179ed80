/** The runtimes the sample runs in. `node` is the default; `all` means every one of them. */
export const runtimeNames = ["node", "deno", "workers", "browser"] as const;
export type RuntimeName = (typeof runtimeNames)[number];
