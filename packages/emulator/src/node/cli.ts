#!/usr/bin/env node
import { createEmulator } from "../create-emulator.ts";
import { HELP, parseCliArgs } from "./parse-cli-args.ts";
import { serve } from "./serve.ts";

/** `extendkit-emulator`: parse arguments, serve an emulator on 127.0.0.1, stop on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config: ReturnType<typeof parseCliArgs>;
  try {
    config = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`extendkit-emulator: ${error instanceof Error ? error.message : String(error)}`);
    console.error("Run `extendkit-emulator --help` for the options.");
    process.exit(2);
  }
  if (config.help) {
    process.stdout.write(HELP);
    return;
  }
  let emulator: ReturnType<typeof createEmulator>;
  try {
    emulator = createEmulator(config.options);
  } catch (error) {
    // Options the emulator refuses (a relative --webhook URL, …): a usage error, like the above.
    console.error(`extendkit-emulator: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  const served = await serve(emulator, { port: config.port, hostname: config.hostname });
  const keys = config.options.keys?.length ?? 0;
  console.log(
    `extendkit-emulator listening on ${served.url} (clock ${emulator.clock.kind}, ` +
      `${keys > 0 ? `${keys} configured key(s)` : "default key EMULATOR_API_KEY, workspace ws_emulator"})`,
  );
  const stop = () => {
    served.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  for (const { url } of config.options.webhooks?.endpoints ?? []) {
    console.log(`extendkit-emulator delivers signed run events to ${url}`);
  }
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

// Not top-level await: the library build also emits CommonJS, which has none.
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
