import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, hasKind, kinds, ORIGIN, startTestApp, type TestApp } from '../support/harness.ts';
import { upload } from '../support/multipart.ts';
import { acmeWithFinding, stage2 } from './fixture.ts';

// PostgreSQL cannot store U+0000 in text or jsonb: every NUL is refused at the edge (issue #18).
for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`NUL characters refused with 400 on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    let findingId: string;
    beforeAll(async () => {
      t = await startTestApp(kind);
      ({ admin, findingId } = await acmeWithFinding(t));
    });
    afterAll(async () => t?.close());

    const isProblem400 = (res: { statusCode: number; headers: Record<string, unknown> }) => {
      expect(res.statusCode).toBe(400);
      expect(String(res.headers['content-type'])).toMatch(/application\/problem\+json/);
    };

    it('in a path, unauthenticated included', async () => {
      isProblem400(await t.app.inject({ method: 'GET', url: '/api/v1/trust/%00' }));
      isProblem400(await admin.get('/api/v1/orgs/acme/audits/S2%00'));
      isProblem400(await admin.get(`/api/v1/orgs/acme/findings/${findingId}%00`));
    });

    it('in a query string and in a cookie', async () => {
      isProblem400(await admin.get('/api/v1/orgs/acme/findings?audit=%00'));
      isProblem400(
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { cookie: 'better-auth.session_token=%00abc' },
        }),
      );
    });

    it('in a JSON string or key, deep or shallow, and nothing is written', async () => {
      const res = await admin.post('/api/v1/orgs/acme/audits', { ...stage2, ref: 'S2-\u0000' });
      isProblem400(res);
      expect(res.json().errors[0].path).toBe('body/ref');
      isProblem400(
        await admin.post('/api/v1/orgs/acme/audits/S2-2026/findings', {
          ref: 'NC-09',
          grade: 'minor',
          requirements: ['A.5.1', 'A.5.\u0000'],
          statement: 'x',
        }),
      );
      isProblem400(await admin.post('/api/v1/orgs/acme/audits', { ...stage2, ref: 'S3', 'k\u0000': 1 }));
      const audits = (await admin.get('/api/v1/orgs/acme/audits')).json();
      expect(JSON.stringify(audits)).not.toContain('\\u0000');
    });

    it('in a multipart form field', async () => {
      const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
      isProblem400(
        await upload(admin, `/api/v1/orgs/acme/findings/${findingId}/evidence`, 'a.pdf', pdf, {
          description: 'bad\u0000',
        }),
      );
    });

    it('sign-in with a NUL in the email is a 400, not a 500', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        payload: JSON.stringify({ email: 'a\u0000@acme.test', password: 'x' }),
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    });
  });
}
