/**
 * The API key every emulator accepts when `keys` is not given: a workspace-scoped test key for
 * {@link EMULATOR_WORKSPACE_ID}. It is a public constant, not a secret; still, the emulator never
 * echoes any key in a response, an error or its records.
 */
export const EMULATOR_API_KEY = "sk_test_emulator";

/** The workspace of {@link EMULATOR_API_KEY}; runs created with the default key live here. */
export const EMULATOR_WORKSPACE_ID = "ws_emulator";
