import type { CheckpointState } from "./checkpoint.ts";
import type { CliIo } from "./io.ts";

/**
 * Before a resumed job sends anything: when the run it resumes stopped because the API asked to
 * wait until a time still ahead, wait for it (when within `maxWaitSeconds`, abortable with Ctrl-C)
 * or refuse to start. Resolves to true when the job may go on.
 */
export async function honourPause(
  state: CheckpointState | undefined,
  maxWaitSeconds: number,
  io: CliIo,
): Promise<boolean> {
  const wait = (state?.pausedUntil ?? 0) - Date.now();
  if (wait <= 0) return true;
  const until = new Date(state?.pausedUntil ?? 0).toISOString();
  if (wait > maxWaitSeconds * 1000) {
    io.stderr.write(`extendkit: the API asked to wait until ${until}; run this again after that\n`);
    return false;
  }
  io.stderr.write(`extendkit: the API asked to wait until ${until}; waiting…\n`);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, wait);
    io.signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
  return !io.signal.aborted;
}
