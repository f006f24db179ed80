import { DELETE_SCENARIOS } from "../src/delete-scenarios.ts";
import { describeDeleteMatrix } from "../src/describe-delete-matrix.ts";

// Reliability §4.2, F11–F20 × seeds 1–5 × 1,000 runs, except F18 (purge-matrix.test.ts).
describeDeleteMatrix(DELETE_SCENARIOS.slice(10));
