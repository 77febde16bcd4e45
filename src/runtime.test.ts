import { describe, expect, it } from 'vitest';
import { redactCapabilityUrl } from './runtime.ts';

// Capability URLs carry their secret in the path or query: the request log must never hold it.
describe('redactCapabilityUrl', () => {
  it('redacts calendar feeds, trust share links and trust sign-in links, in pages and the API', () => {
    expect(redactCapabilityUrl('/api/v1/calendar/cal_abc.ics')).toBe('/api/v1/calendar/[redacted]');
    expect(redactCapabilityUrl('/trust/demo/s/tsl_secret')).toBe('/trust/demo/s/[redacted]');
    expect(redactCapabilityUrl('/trust/demo/i/tsi_secret?x=1')).toBe('/trust/demo/i/[redacted]?x=1');
    expect(redactCapabilityUrl('/api/v1/trust/demo/s/tsl_secret')).toBe('/api/v1/trust/demo/s/[redacted]');
    expect(redactCapabilityUrl('/invite?token=abc&x=1')).toBe('/invite?token=[redacted]&x=1');
    expect(redactCapabilityUrl('/reset-password?TOKEN=abc')).toBe('/reset-password?TOKEN=[redacted]');
  });

  it('leaves other addresses alone', () => {
    for (const url of [
      '/trust/demo',
      '/api/v1/trust/demo/documents/d1',
      '/o/demo/trust',
      '/api/v1/orgs/demo/trust/links',
    ])
      expect(redactCapabilityUrl(url)).toBe(url);
  });
});
