// Node ESM consumer: `import` resolves the "import" condition (dist/*.js) of @extendkit/node, which
// imports @extendkit/core's ESM build. The client reads EXTEND_API_KEY / EXTEND_BASE_URL.
import * as node from "@extendkit/node";
import { cancelAndDelete } from "./scenario.mjs";

const result = await cancelAndDelete(node, JSON.parse(process.argv[2]));
const resolved = [import.meta.resolve("@extendkit/node"), import.meta.resolve("@extendkit/core")];
console.log(`SMOKE-RESULT ${JSON.stringify({ ...result, resolved })}`);
