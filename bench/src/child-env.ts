/**
 * The environment of the measured child processes (sections 3 and 6): this process's, without
 * Node's own `NODE_*` variables. Those change what a bare `node` does before any script runs, so
 * they would move section 3's no-op baseline, and every ratio with it, and add to section 6's RSS:
 * `NODE_EXTRA_CA_CERTS` (set on some CI images) makes each process parse a CA bundle first, ~40 ms
 * here — it took the no-op from 35 to 73 ms and core's cold-start ratio from 1.29× to 1.16× in one
 * session; `NODE_OPTIONS` could preload anything.
 */
export const CHILD_ENV: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith("NODE_")),
);
