import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  type Client,
  hasKind,
  kinds,
  setupAdmin,
  startTestApp,
  type TestApp,
} from '../support/harness.ts';

// Issue #19 item 2: findings, audits and corrective actions entered and corrected by hand, each change in
// the audit trail; the lifecycle says when a change is refused, and why.
for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`hand entry and editing on ${kind}`, () => {
    let t: TestApp;
    let isa: Client;
    const org = '/api/v1/orgs/acme';
    beforeAll(async () => {
      t = await startTestApp(kind);
      isa = await setupAdmin(t, 'acme', 'isa@acme.test');
      await addMember(t, isa, 'acme', 'tom@acme.test', 'action_owner');
      await addMember(t, isa, 'acme', 'claire@certa.test', 'external_auditor');
      const audit = { ref: 'S2', type: 'stage2', certificationBody: 'Certa', reportReceivedOn: '2026-03-02' };
      expect((await isa.post(`${org}/audits`, audit)).statusCode).toBe(201);
    });
    afterAll(async () => t?.close());
    const actions = async () =>
      ((await isa.get(`${org}/audit-log?pageSize=200`)).json().items as { action: string }[]).map(
        (e) => e.action,
      );

    it('records a finding by hand, corrects it, and refuses a grade change once work started', async () => {
      const made = await isa.post(`${org}/audits/S2/findings`, {
        ref: 'NC-01',
        grade: 'minor',
        requirements: ['A.5.15'],
        statement: 'Access reviews missed',
      });
      expect(made.statusCode).toBe(201);
      const id = made.json().id;
      const edited = await isa.patch(`${org}/findings/${id}`, {
        statement: 'Access reviews missed for two quarters',
        requirements: ['5.15', '9.2'],
        ownerEmail: 'tom@acme.test',
        grade: 'major',
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({
        grade: 'major',
        requirements: ['A.5.15', '9.2'],
        owner: { email: 'tom@acme.test' },
      });
      // Guests own nothing.
      const guest = await isa.patch(`${org}/findings/${id}`, { ownerEmail: 'claire@certa.test' });
      expect(guest.statusCode).toBe(400);
      expect(guest.json().errors[0].path).toBe('body/ownerEmail');
      expect(
        (await isa.post(`${org}/findings/${id}/transitions`, { action: 'start_analysis' })).statusCode,
      ).toBe(200);
      const late = await isa.patch(`${org}/findings/${id}`, { grade: 'minor' });
      expect(late.statusCode).toBe(409);
      expect(late.json().detail).toContain('can change only before work starts; NC-01 is already analysing');
      expect(late.json().errors).toEqual([
        { path: 'body/grade', message: 'can change only before work starts' },
      ]);
      const audit = await isa.patch(`${org}/audits/S2`, { leadAuditor: 'Claire Dubois', scope: 'Cloud ops' });
      expect(audit.json()).toMatchObject({ leadAuditor: 'Claire Dubois', scope: 'Cloud ops' });
      expect(await actions()).toEqual(
        expect.arrayContaining(['finding.create', 'finding.update', 'audit.update']),
      );
    });

    it('edits a corrective action (title, owner, due date, effort) and deletes one', async () => {
      const f = await isa.post(`${org}/audits/S2/findings`, {
        ref: 'NC-02',
        grade: 'minor',
        requirements: ['8.8'],
        statement: 'Patching late',
      });
      const base = `${org}/findings/${f.json().id}/actions`;
      const a = await isa.post(base, { title: 'Patch policy', effortDays: 2 });
      expect(a.json()).toMatchObject({ effortDays: 2, owner: null });
      const edited = await isa.patch(`${base}/${a.json().id}`, {
        title: 'Patch policy with SLAs',
        ownerEmail: 'tom@acme.test',
        dueOn: '2026-04-30',
        effortDays: 3.5,
      });
      expect(edited.json()).toMatchObject({
        title: 'Patch policy with SLAs',
        owner: { email: 'tom@acme.test' },
        dueOn: '2026-04-30',
        effortDays: 3.5,
      });
      expect(
        (await isa.patch(`${base}/${a.json().id}`, { ownerEmail: 'claire@certa.test' })).statusCode,
      ).toBe(400);
      expect((await isa.delete(`${base}/${a.json().id}`)).statusCode).toBe(204);
      expect((await isa.get(`${org}/findings/${f.json().id}`)).json().actions).toEqual([]);
      expect(await actions()).toEqual(
        expect.arrayContaining(['corrective_action.update', 'corrective_action.delete']),
      );
    });

    it('adds a free task to the plan', async () => {
      const made = await isa.post(`${org}/plan/tasks`, {
        title: 'Train the on-call team on the patch SLA',
        ownerEmail: 'tom@acme.test',
        effortDays: 1,
      });
      expect(made.statusCode).toBe(201);
      const plan = (await isa.get(`${org}/plan`)).json();
      expect(plan.tasks.map((x: { title: string; kind: string }) => [x.kind, x.title])).toContainEqual([
        'task',
        'Train the on-call team on the patch SLA',
      ]);
    });
  });
}
