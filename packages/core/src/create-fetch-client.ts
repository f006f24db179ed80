import * as openapiFetch from "openapi-fetch";

type CreateFetchClient = typeof openapiFetch.default;

/**
 * openapi-fetch's `createClient`, in both builds of this package. openapi-fetch's CommonJS file sets
 * `exports.default` (flagged `__esModule`), and this package's CommonJS build imports it as Node
 * does — the whole `module.exports` becomes the default — so there `default` is the exports object
 * and the function is its `default`. The ESM build gets the function directly.
 * (Caught by scripts/pack-and-smoke.mjs, consumer node-cjs.) A function rather than a constant
 * picked at module load, so a bundle that never creates a full client drops openapi-fetch.
 */
export const createFetchClient: CreateFetchClient = (...args) =>
  (typeof openapiFetch.default === "function"
    ? openapiFetch.default
    : (openapiFetch.default as unknown as { default: CreateFetchClient }).default)(...args);
