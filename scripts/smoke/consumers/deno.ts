// Deno consumer: @extendkit/deno through an `npm:` specifier, resolved from the scratch project's
// node_modules (deno.json "nodeModulesDir": "manual"), type-checked by `deno check` first. The
// client reads EXTEND_API_KEY / EXTEND_BASE_URL from Deno.env.
import * as deno from "npm:@extendkit/deno";
import { cancelAndDelete } from "./scenario.mjs";

const result = await cancelAndDelete(deno, JSON.parse(Deno.args[0] ?? "{}"));
console.log(`SMOKE-RESULT ${JSON.stringify(result)}`);
