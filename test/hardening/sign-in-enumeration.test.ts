import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasKind,
  kinds,
  ORIGIN,
  PASSWORD,
  setupAdmin,
  startTestApp,
  type TestApp,
} from '../support/harness.ts';

// OWASP Authentication Cheat Sheet, "Authentication and error messages": a wrong password and an unknown
// account answer alike, so the sign-in form does not tell who has an account. Found: 400 vs 401.
const signIn = (t: TestApp, email: string, password: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: ORIGIN, 'content-type': 'application/json' },
    payload: JSON.stringify({ email, password }),
  });

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`sign-in does not tell accounts apart on ${kind}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(kind);
      await setupAdmin(t);
    });
    afterAll(async () => t?.close());

    it('answers an unknown email as it answers a wrong password: same status, same body', async () => {
      const wrong = await signIn(t, 'admin@acme.test', `${PASSWORD} not`);
      const unknown = await signIn(t, 'nobody@acme.test', `${PASSWORD} not`);
      const unknownShortPassword = await signIn(t, 'nobody@acme.test', 'x');
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(wrong.statusCode);
      expect(unknown.body).toBe(wrong.body);
      expect(unknownShortPassword.statusCode).toBe(wrong.statusCode);
      expect(unknownShortPassword.body).toBe(wrong.body);
    });
  });
}
