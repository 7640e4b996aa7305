/**
 * Condition waits of the e2e harness: every wait polls a probe until it yields a value
 * (20–30 s); the harness never sleeps for a fixed time.
 */

/** Default timeout of every condition wait. */
export const WAIT_TIMEOUT_MS = 25_000;
const POLL_INTERVAL_MS = 100;
/** How long helpers that trigger a widget wait for an answer before triggering it again. */
const RETRIGGER_AFTER_MS = 3_000;

/** Polls `probe` until it returns a value other than undefined; throws after `timeoutMs`. */
export async function waitUntil<T>(
  description: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number = WAIT_TIMEOUT_MS,
  lastSeen?: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const seen = lastSeen ? `; last seen: ${lastSeen()}` : '';
      const cause = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}${seen}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/**
 * Runs `trigger`, then polls `probe` until it yields a value; when nothing has come
 * for RETRIGGER_AFTER_MS, runs `reset` and `trigger` again (a request sent before a
 * provider was ready is never answered anew). Fails at the usual deadline.
 */
export async function triggerUntil<T>(
  description: string,
  trigger: () => Promise<void>,
  probe: () => Promise<T | undefined>,
  reset: () => Promise<void>,
  lastSeen: () => string,
): Promise<T> {
  await trigger();
  let triggeredAt = Date.now();
  return waitUntil(description, async () => {
    const value = await probe();
    if (value === undefined && Date.now() - triggeredAt > RETRIGGER_AFTER_MS) {
      await reset();
      await trigger();
      triggeredAt = Date.now();
    }
    return value;
  }, WAIT_TIMEOUT_MS, lastSeen);
}
