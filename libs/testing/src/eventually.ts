/**
 * Polls `probe` until it returns a value that is not undefined (or stops throwing), or fails with
 * the last error after `timeoutMs`. For asynchronous effects (events crossing Kafka), never for
 * timing assertions.
 */
export async function eventually<T>(probe: () => Promise<T | undefined>, { timeoutMs = 20000, intervalMs = 100 } = {}): Promise<T> {
  const until = Date.now() + timeoutMs;
  let lastError: unknown = new Error('condition not met');
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > until) throw lastError;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
