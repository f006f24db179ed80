// Node ESM consumer: `import` resolves the package's "import" condition (dist/*.js).
import * as core from "@extendkit/core";
import { cancelAndDelete } from "./scenario.mjs";

const result = await cancelAndDelete(core, JSON.parse(process.argv[2]));
console.log(
  `SMOKE-RESULT ${JSON.stringify({ ...result, resolved: import.meta.resolve("@extendkit/core") })}`,
);
