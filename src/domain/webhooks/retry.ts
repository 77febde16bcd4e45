// When a failed webhook delivery is tried again: exponential back-off from 30 s, doubling, each wait at
// most 4 h, for 24 h after the event; after that the delivery has failed and its endpoint is disabled
// (the Standard Webhooks guidance: retry with back-off, then disable an endpoint that keeps failing).

export const RETRY_FIRST_SECONDS = 30;
export const RETRY_MAX_WAIT_SECONDS = 4 * 3600;
export const RETRY_WINDOW_SECONDS = 24 * 3600;

/** The wait after the `attempts`-th failed try (1, 2, …), in seconds. */
export const retryWaitSeconds = (attempts: number): number =>
  Math.min(RETRY_FIRST_SECONDS * 2 ** Math.max(0, attempts - 1), RETRY_MAX_WAIT_SECONDS);

/** The next try after a failure, or null when the 24 h since the event are over (the delivery failed). */
export function nextAttemptAt(createdAt: Date, failedAt: Date, attempts: number): Date | null {
  const next = new Date(failedAt.getTime() + retryWaitSeconds(attempts) * 1000);
  return next.getTime() - createdAt.getTime() > RETRY_WINDOW_SECONDS * 1000 ? null : next;
}

/** A response counts as delivered when the receiver answered 2xx (redirects are not followed). */
export const isDelivered = (status: number | null) => status !== null && status >= 200 && status < 300;
