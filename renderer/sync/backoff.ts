/**
 * Retry delays after a failed sync: exponential with "equal jitter" — half of the delay is fixed, half
 * random — so a roomful of laptops that lost the server together do not all come back in the same
 * second, while each one's wait still grows. Capped so a device never waits more than `capMs`.
 */
export type BackoffOptions = { baseMs?: number; capMs?: number };

export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions = {}): number {
  const baseMs = options.baseMs ?? 1_000;
  const capMs = options.capMs ?? 60_000;
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
