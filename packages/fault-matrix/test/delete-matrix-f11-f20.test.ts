import { describeDeleteMatrix } from "../src/describe-delete-matrix.ts";

// Reliability §4.2, F11–F20 × seeds 1–5 × 1,000 runs, except F18 (purge-matrix.test.ts).
describeDeleteMatrix(["F11", "F12", "F13", "F14", "F15", "F16", "F17", "F19", "F20"]);
