// Deno consumer: the package through an `npm:` specifier, resolved from the scratch project's
// node_modules (deno.json "nodeModulesDir": "manual"), type-checked by `deno check` first.
import * as core from "npm:@extendkit/core";
import { cancelAndDelete } from "./scenario.mjs";

const config = JSON.parse(Deno.args[0] ?? "{}");
const result = await cancelAndDelete(core, config);
console.log(`SMOKE-RESULT ${JSON.stringify(result)}`);
