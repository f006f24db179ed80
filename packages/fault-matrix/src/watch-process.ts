/** Counts `unhandledRejection` and `uncaughtException` events while a suite runs (I4). */
export function watchProcess() {
  const events: unknown[] = [];
  const onEvent = (reason: unknown) => events.push(reason);
  process.on("unhandledRejection", onEvent);
  process.on("uncaughtException", onEvent);
  return {
    unhandled: () => [...events],
    stop() {
      process.off("unhandledRejection", onEvent);
      process.off("uncaughtException", onEvent);
    },
  };
}
