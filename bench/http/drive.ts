import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  mean: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
}

/**
 * Drives one URL with autocannon (the settings: 50 connections), bounded by `seconds`.
 * Latency percentiles are in milliseconds; errors are connection errors and time-outs.
 */
export async function drive(
  url: string,
  opts: {
    seconds: number;
    connections?: number;
    headers?: Record<string, string>;
    method?: 'GET' | 'POST';
    body?: string;
  },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: opts.connections ?? 50,
    duration: opts.seconds,
    timeout: 10,
    method: opts.method ?? 'GET',
    headers: opts.headers,
    body: opts.body,
  });
  return {
    rps: result.requests.average,
    mean: result.latency.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
