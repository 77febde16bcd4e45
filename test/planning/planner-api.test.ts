import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stage2RepeatDate } from '../../src/domain/findings/certification-risk.ts';
import { sendDueNotifications } from '../../src/modules/notifications/reminders.service.ts';
import {
  addMember,
  type Client,
  hasKind,
  kinds,
  setupAdmin,
  startTestApp,
  type TestApp,
} from '../support/harness.ts';
import { upload } from '../support/multipart.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`remediation planner API on ${kind}`, () => {
    let t: TestApp;
    let admin: Client;
    let bob: Client;
    const plan = '/api/v1/orgs/acme/plan';
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await setupAdmin(t, 'acme', 'admin@acme.test');
      bob = await addMember(t, admin, 'acme', 'bob@acme.test', 'action_owner');
      await addMember(t, admin, 'acme', 'carol@acme.test', 'action_owner');
      await admin.post('/api/v1/orgs/acme/audits', {
        ref: 'S2',
        type: 'stage2',
        certificationBody: 'CB',
        reportReceivedOn: day(-5),
        endsOn: day(-5),
        policyKey: 'fast-14-30-60',
      });
      const f = (
        await admin.post('/api/v1/orgs/acme/audits/S2/findings', {
          ref: 'NC-1',
          grade: 'major',
          requirements: ['A.8.8'],
          statement: 'no SLA',
          ownerEmail: 'bob@acme.test',
        })
      ).json();
      ids.finding = f.id;
      const a = (
        await admin.post(`/api/v1/orgs/acme/findings/${f.id}/actions`, {
          title: 'Write the SLA',
          ownerEmail: 'bob@acme.test',
          effortDays: 12,
        })
      ).json();
      ids.a = a.id;
      const b = await admin.post(`${plan}/tasks`, {
        title: 'Scan everything',
        findingId: f.id,
        ownerEmail: 'bob@acme.test',
        effortDays: 12,
        serves: 'close',
      });
      expect(b.statusCode).toBe(201);
      ids.b = b.json().id;
      const members = (await admin.get('/api/v1/orgs/acme/members')).json().items as {
        userId: string;
        email: string;
      }[];
      ids.bob = members.find((m) => m.email === 'bob@acme.test')!.userId;
      ids.carol = members.find((m) => m.email === 'carol@acme.test')!.userId;
      expect((await admin.put(`${plan}/people/${ids.bob}/capacity`, { share: 0.5 })).statusCode).toBe(204);
    });
    afterAll(async () => t?.close());

    it('forecasts each finding against its deadlines and names the chain that makes it late', async () => {
      const res = await bob.get(plan);
      expect(res.statusCode).toBe(200);
      const p = res.json();
      expect(p.tasks.map((x: { id: string }) => x.id).sort()).toEqual([ids.a, ids.b].sort());
      const nc = p.forecast.findings.find((x: { ref: string }) => x.ref === 'NC-1');
      expect(nc.status).toBe('at_risk');
      expect(nc.misses.map((m: { deadline: string }) => m.deadline).sort()).toEqual(['close', 'evidence']);
      expect(nc.misses.find((m: { deadline: string }) => m.deadline === 'close').chain).toEqual([
        'NC-1: Write the SLA',
        'NC-1: Scan everything',
      ]);
      expect(p.people.find((x: { id: string }) => x.id === ids.bob)).toMatchObject({
        share: 0.5,
        configured: true,
      });
    });

    it('refuses a dependency cycle with the cycle named, and bad input with field paths', async () => {
      expect(
        (await admin.post(`${plan}/dependencies`, { predecessorId: ids.a, successorId: ids.b })).statusCode,
      ).toBe(201);
      const cycle = await admin.post(`${plan}/dependencies`, { predecessorId: ids.b, successorId: ids.a });
      expect(cycle.statusCode).toBe(400);
      expect(cycle.json().detail).toContain('"Scan everything" → "Write the SLA" → "Scan everything"');
      const off = await admin.post(`${plan}/people/${ids.bob}/time-off`, { from: day(10), to: day(5) });
      expect(off.statusCode).toBe(400);
      expect(off.json().errors[0].path).toBe('body/to');
      expect((await admin.put(`${plan}/people/${ids.bob}/capacity`, { share: 0 })).statusCode).toBe(400);
      expect(
        (await admin.put(`${plan}/people/${ids.bob}/capacity`, { share: 0.5, hoursPerDay: 4 })).statusCode,
      ).toBe(400);
      expect((await admin.put(`${plan}/people/${ids.carol}/capacity`, { hoursPerDay: 6 })).statusCode).toBe(
        204,
      );
      const team = await admin.post(`${plan}/teams`, { name: 'Platform', memberIds: [ids.bob, ids.carol] });
      expect(team.statusCode).toBe(201);
      expect((await admin.post(`${plan}/teams`, { name: 'Platform' })).statusCode).toBe(409);
      expect(
        (await admin.post(`${plan}/teams`, { name: 'X', memberIds: ['nobody'] })).json().errors[0].path,
      ).toBe('body/memberIds/0');
      const read = (await admin.get(plan)).json();
      expect(read.teams).toEqual([
        { id: team.json().id, name: 'Platform', memberIds: expect.arrayContaining([ids.bob, ids.carol]) },
      ]);
      expect(read.people.find((p: { id: string }) => p.id === ids.carol).share).toBe(0.75);
      const unknown = await admin.post(`${plan}/dependencies`, { predecessorId: 'nope', successorId: ids.a });
      expect(unknown.json().errors[0].path).toBe('body/predecessorId');
      const deps = (await admin.get(plan)).json().dependencies;
      expect(deps).toHaveLength(1);
      expect((await admin.delete(`${plan}/dependencies/${deps[0].id}`)).statusCode).toBe(204);
    });

    it('compares a what-if with the current plan, refuses to apply a placeholder, applies the rest in one go', async () => {
      const withPlaceholder = (
        await admin.post(`${plan}/scenarios`, {
          name: 'hire',
          changes: [
            { kind: 'add_person', personId: 'placeholder:x', name: 'Someone', share: 1 },
            { kind: 'owner', taskId: ids.b, ownerId: 'placeholder:x' },
            { kind: 'capacity', personId: ids.bob, share: 1 },
          ],
        })
      ).json();
      const cmp = (await bob.get(`${plan}/scenarios/${withPlaceholder.id}/comparison`)).json();
      const row = cmp.findings.find((f: { ref: string }) => f.ref === 'NC-1');
      expect(row.current.status).toBe('at_risk');
      expect(row.scenario.status).toBe('on_track');
      expect(row.shiftDays).toBeLessThan(0);
      expect(cmp.people.find((p: { id: string }) => p.id === 'placeholder:x')).toMatchObject({
        placeholder: true,
      });
      const refused = await admin.post(`${plan}/scenarios/${withPlaceholder.id}/apply`);
      expect(refused.json().code).toBe('invalid_state');
      expect((await admin.get(plan)).json().people.find((p: { id: string }) => p.id === ids.bob).share).toBe(
        0.5,
      );

      const real = (
        await admin.post(`${plan}/scenarios`, {
          name: 'carol helps',
          changes: [
            { kind: 'add_person', personId: ids.carol, name: 'Carol', share: 1 },
            { kind: 'owner', taskId: ids.b, ownerId: ids.carol },
            { kind: 'capacity', personId: ids.bob, share: 1 },
          ],
        })
      ).json();
      const applied = await admin.post(`${plan}/scenarios/${real.id}/apply`);
      expect(applied.json().status).toBe('applied');
      const after = (await admin.get(plan)).json();
      expect(after.tasks.find((x: { id: string }) => x.id === ids.b).owner.email).toBe('carol@acme.test');
      expect(after.forecast.findings[0].status).toBe('on_track');
      const trail = (await admin.get('/api/v1/orgs/acme/audit-log?pageSize=100'))
        .json()
        .items.map((e: { action: string }) => e.action);
      expect(trail).toEqual(
        expect.arrayContaining(['scenario.apply', 'capacity.update', 'plan_task.update']),
      );
      // Carol was told about the assignment.
      const outbox = await t.rt.database.db
        .selectFrom('mail_outbox')
        .select(['to_address', 'subject'])
        .execute();
      expect(
        outbox.some(
          (m) => m.to_address === 'carol@acme.test' && m.subject.includes('Assigned to you: Scan everything'),
        ),
      ).toBe(true);
      expect((await admin.post(`${plan}/scenarios/${real.id}/apply`)).json().code).toBe('invalid_state');
    });

    it('threads comments, mails the people mentioned and keeps unread markers per person', async () => {
      const c1 = await admin.post(`${plan}/tasks/${ids.b}/comments`, {
        body: '@bob can you look at this?',
        parentId: null,
      });
      expect(c1.statusCode).toBe(201);
      const reply = await bob.post(`${plan}/tasks/${ids.b}/comments`, {
        body: 'On it',
        parentId: c1.json().id,
      });
      expect(reply.statusCode).toBe(201);
      expect(
        (await bob.post(`${plan}/tasks/${ids.a}/comments`, { body: 'x', parentId: c1.json().id })).statusCode,
      ).toBe(400);
      const mails = await t.rt.database.db
        .selectFrom('mail_outbox')
        .select(['to_address', 'subject'])
        .where('to_address', '=', 'bob@acme.test')
        .execute();
      expect(mails.some((m) => m.subject.includes('admin@acme.test mentioned you'))).toBe(true);
      expect(
        (
          await admin.post(`/api/v1/orgs/acme/findings/${ids.finding}/transitions`, {
            action: 'start_analysis',
          })
        ).statusCode,
      ).toBe(200);
      const told = await t.rt.database.db
        .selectFrom('mail_outbox')
        .select('subject')
        .where('to_address', '=', 'bob@acme.test')
        .execute();
      expect(told.map((m) => m.subject)).toContain('[acme Ltd] NC-1: analysing');
      expect(
        (await admin.get(plan)).json().tasks.find((x: { id: string }) => x.id === ids.b).unreadComments,
      ).toBe(1);
      const thread = (await admin.get(`${plan}/tasks/${ids.b}/comments`)).json().items;
      expect(thread.map((c: { parentId: string | null; unread: boolean }) => [c.parentId, c.unread])).toEqual(
        [
          [null, false],
          [c1.json().id, true],
        ],
      );
      expect(
        (await admin.get(plan)).json().tasks.find((x: { id: string }) => x.id === ids.b).unreadComments,
      ).toBe(0);
      const file = (
        await upload(
          admin,
          `/api/v1/orgs/acme/findings/${ids.finding}/evidence`,
          'scan.txt',
          Buffer.from('scan report'),
        )
      ).json();
      const withFile = await bob.post(`${plan}/tasks/${ids.b}/comments`, {
        body: 'Scan attached',
        attachmentId: file.id,
      });
      expect(withFile.statusCode).toBe(201);
      const shown = (await bob.get(`${plan}/tasks/${ids.b}/comments`)).json().items.at(-1);
      expect(shown.attachment).toEqual({ id: file.id, fileName: 'scan.txt', findingId: ids.finding });
      const loose = await admin.post(`${plan}/tasks`, { title: 'Loose', effortDays: 1 });
      const refused = await bob.post(`${plan}/tasks/${loose.json().id}/comments`, {
        body: 'x',
        attachmentId: file.id,
      });
      expect(refused.json().errors[0].path).toBe('body/attachmentId');
    });

    it('serves a private ICS feed until it is revoked, storing only the token hash', async () => {
      const feed = (await bob.post('/api/v1/orgs/acme/calendar-feeds', { scope: 'mine' })).json();
      const path = new URL(feed.url).pathname;
      const ics = await t.app.inject({ method: 'GET', url: path });
      expect(ics.statusCode).toBe(200);
      expect(ics.headers['content-type']).toContain('text/calendar');
      expect(ics.body).toContain('SUMMARY:S2 NC-1 (major): Evidence of Correction due');
      expect(ics.body).toMatch(/UID:finding-.*-close@closeloop/);
      // #13: the day stage 2 must be repeated if its major is not verified, 6 months after its last day.
      const unfolded = ics.body.replaceAll('\r\n ', '');
      const repeat = stage2RepeatDate(day(-5)).replaceAll('-', '');
      const event = unfolded.split('BEGIN:VEVENT').find((e) => e.includes('UID:risk-S2-repeat_stage2@'));
      expect(event).toContain(`DTSTART;VALUE=DATE:${repeat}`);
      expect(event).toContain('SUMMARY:S2: stage 2 repeat date — majors NC-1 to be verified');
      const stored = await t.rt.database.db.selectFrom('calendar_feed').selectAll().execute();
      expect(JSON.stringify(stored)).not.toContain(path.split('/').pop()!.replace('.ics', ''));
      expect((await bob.delete(`/api/v1/orgs/acme/calendar-feeds/${feed.id}`)).statusCode).toBe(204);
      expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/calendar/cal_unknown-token-value.ics' }))
          .statusCode,
      ).toBe(404);
    });

    it('sends each deadline reminder, overdue notice and daily digest once', async () => {
      await admin.patch(`${plan}/tasks/${ids.a}`, { dueOn: day(1) });
      await admin.post(`${plan}/tasks`, {
        title: 'Late one',
        ownerEmail: 'bob@acme.test',
        effortDays: 1,
        dueOn: day(-2),
      });
      const deps = {
        db: t.rt.database.db,
        kind: t.rt.database.kind,
        env: t.rt.env,
        now: () => new Date(`${day(0)}T09:00:00Z`),
      };
      const first = await sendDueNotifications(deps);
      expect(first.reminders).toBeGreaterThanOrEqual(1);
      expect(first.overdue).toBe(1);
      expect(first.digests).toBeGreaterThanOrEqual(1);
      expect(await sendDueNotifications(deps)).toEqual({ reminders: 0, overdue: 0, digests: 0 });
      const subjects = (
        await t.rt.database.db
          .selectFrom('mail_outbox')
          .select('subject')
          .where('to_address', '=', 'bob@acme.test')
          .execute()
      ).map((m) => m.subject);
      expect(subjects).toEqual(
        expect.arrayContaining([
          '[acme Ltd] Overdue: Late one',
          '[acme Ltd] Due in 1 day: NC-1: Write the SLA',
        ]),
      );
      expect(subjects.some((s) => s.includes('Daily digest'))).toBe(true);
    });
  });
}
