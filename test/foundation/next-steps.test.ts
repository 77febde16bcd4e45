import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, hasKind, kinds, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';

// Issue #19 item 3: the first-run next steps are dismissed for the organisation (a setting on the
// server, not the browser's memory), and a client that saves the settings without knowing the dismissal
// (the settings page of an older build, a script) does not bring them back.
for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`next steps dismissal on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await setupAdmin(t, 'acme', 'admin@acme.test');
    });
    afterAll(async () => t?.close());

    it('is off after setup, kept once dismissed, and survives a save that leaves it out', async () => {
      const before = await admin.get('/api/v1/orgs/acme/settings');
      expect(before.statusCode).toBe(200);
      expect(before.json().nextStepsDismissed).toBeUndefined();
      const settings = { name: 'Acme', timezone: 'UTC', holidays: [] };
      const dismissed = await admin.put('/api/v1/orgs/acme/settings', {
        ...settings,
        nextStepsDismissed: true,
      });
      expect(dismissed.statusCode).toBe(200);
      expect(dismissed.json().nextStepsDismissed).toBe(true);
      const unaware = await admin.put('/api/v1/orgs/acme/settings', { ...settings, name: 'Acme Cloud' });
      expect(unaware.statusCode).toBe(200);
      expect(unaware.json().nextStepsDismissed).toBe(true);
      const after = await admin.get('/api/v1/orgs/acme/settings');
      expect(after.json()).toMatchObject({ name: 'Acme Cloud', nextStepsDismissed: true });
    });
  });
}
