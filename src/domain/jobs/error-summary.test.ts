import { describe, expect, it } from 'vitest';
import { summariseJobError } from './error-summary.ts';

describe('summariseJobError', () => {
  it('keeps a plain message as it is', () => {
    expect(summariseJobError('Unexpected token } in JSON at position 12')).toBe(
      'Unexpected token } in JSON at position 12',
    );
  });

  it('shows the first non-empty line only (no stack, no dumped data)', () => {
    expect(
      summariseJobError('\n  connect ECONNREFUSED 127.0.0.1:5432\n    at TCPConnectWrap.afterConnect'),
    ).toBe('connect ECONNREFUSED 127.0.0.1:5432');
  });

  it.each([
    ['postgres://closeloop:s3cr3t-pw@db.internal:5432/closeloop refused', 's3cr3t-pw'],
    ['smtp://mailer:hunter2hunter2@mail.acme.test failed', 'hunter2hunter2'],
    ['request failed: Authorization: Bearer cl_live_9f8e7d6c5b4a39281706', 'cl_live_9f8e7d6c5b4a39281706'],
    ['invalid login password=Tr0ub4dor&3 for user ops', 'Tr0ub4dor'],
    ['client_secret: "abcDEF123456ghiJKL" rejected by the IdP', 'abcDEF123456ghiJKL'],
    ['signature mismatch for whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
    ['GET /api/feeds/calendar/Zk3v9QpL2mXr8TbW4yHn7Jc1 404', 'Zk3v9QpL2mXr8TbW4yHn7Jc1'],
    [
      'hash 9b74c9897bac770ffc029102a200c5de9b74c9897bac770f did not match',
      '9b74c9897bac770ffc029102a200c5de',
    ],
    // V8's JSON.parse message quotes the input, cut inside the key (found by test/scaleout/dead-letters).
    [`Unexpected token 'h', ..."assword": hunter2hun"... is not valid JSON`, 'hunter2'],
    [`Unexpected token 'o', "{not a secret}" is not valid JSON`, 'not a secret'],
    ['token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXZhbHVl expired', 'eyJzdWIiOiJ4In0'],
  ])('hides the credential in %s', (message, secret) => {
    const shown = summariseJobError(message);
    expect(shown).not.toContain(secret);
    expect(shown).toContain('[hidden]');
  });

  it('cuts a long line to 240 characters', () => {
    const shown = summariseJobError(`failed: ${'word '.repeat(100)}`);
    expect(shown.length).toBe(240);
    expect(shown.endsWith('…')).toBe(true);
  });

  it('says so when there is no message', () => {
    expect(summariseJobError('\n \n')).toBe('(no message)');
  });
});
