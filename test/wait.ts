/**
 * Polls `check` until it returns a value other than undefined / false, or fails after a
 * generous deadline (the machine running the tests may be busy): no fixed sleeps in tests.
 */
export async function waitUntil<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  { timeoutMs = 60_000, everyMs = 50 }: { timeoutMs?: number; everyMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s for: ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
