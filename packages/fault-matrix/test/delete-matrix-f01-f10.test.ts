import { DELETE_SCENARIOS } from "../src/delete-scenarios.ts";
import { describeDeleteMatrix } from "../src/describe-delete-matrix.ts";

// Reliability §4.2, F01–F10 × seeds 1–5 × 1,000 runs (F11–F20 in the other file; F18 lists, so it
// is in purge-matrix.test.ts).
describeDeleteMatrix(DELETE_SCENARIOS.slice(0, 10));
