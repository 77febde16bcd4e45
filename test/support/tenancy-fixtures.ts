import { expect } from 'vitest';
import { Client, type TestApp } from './harness.ts';
import { upload } from './multipart.ts';
import { webhookFixture } from './webhook-receiver.ts';

// Fixtures of the policy and tenancy walk (test/foundation/tenancy-and-policy.test.ts): records whose ids
// the walk probes across organisations.

/** A published trust page with a document, a pending request, a grant and a share link. */
export async function trustFixture(t: TestApp, c: Client, slug: string) {
  const doc = (
    await upload(c, `/api/v1/orgs/${slug}/trust/documents`, 'p.txt', Buffer.from('policy'), {
      title: 'Policy',
      accessLevel: 'public',
    })
  ).json();
  await c.post(`/api/v1/orgs/${slug}/trust/publish`, { published: true });
  const visitor = new Client(t.app);
  const asked = await visitor.post(`/api/v1/trust/${slug}/requests`, {
    name: 'V',
    email: `v@${slug}-visitor.test`,
    company: 'V',
  });
  expect(asked.statusCode).toBe(202);
  const request = (await c.get(`/api/v1/orgs/${slug}/trust/requests`)).json().items[0];
  const grant = (
    await c.post(`/api/v1/orgs/${slug}/trust/grants`, { subjectKind: 'domain', subject: 'customer.test' })
  ).json();
  const link = (await c.post(`/api/v1/orgs/${slug}/trust/links`, { label: 'probe' })).json();
  for (const [name, value] of Object.entries({ doc, request, grant, link }))
    expect(value.id, name).toBeTruthy();
  return { documentId: doc.id, requestId: request.id, grantId: grant.id, linkId: link.id };
}

/** One audit with a finding, an action, an amendment and an evidence file, for ids to probe with. */
export async function findingFixture(c: Client, slug: string) {
  await c.post(`/api/v1/orgs/${slug}/audits`, {
    ref: 'S2',
    type: 'stage2',
    certificationBody: 'CB',
    reportReceivedOn: '2026-03-02',
  });
  const finding = (
    await c.post(`/api/v1/orgs/${slug}/audits/S2/findings`, {
      ref: 'NC-1',
      grade: 'major',
      requirements: ['A.8.8'],
      statement: 's',
    })
  ).json();
  const base = `/api/v1/orgs/${slug}/findings/${finding.id}`;
  const action = (await c.post(`${base}/actions`, { title: 'a' })).json();
  const amendment = (
    await c.post(`${base}/amendments`, { kind: 'risk', reference: 'R-1', description: 'd' })
  ).json();
  const evidence = (await upload(c, `${base}/evidence`, 'e.txt', Buffer.from('evidence text'))).json();
  const plan = `/api/v1/orgs/${slug}/plan`;
  const task = (await c.post(`${plan}/tasks`, { title: 't', effortDays: 1, findingId: finding.id })).json();
  const dependency = (
    await c.post(`${plan}/dependencies`, { predecessorId: action.id, successorId: task.id })
  ).json();
  const userId = (await c.get('/api/v1/me')).json().user.id;
  const timeOff = (
    await c.post(`${plan}/people/${userId}/time-off`, { from: '2026-12-01', to: '2026-12-02' })
  ).json();
  const scenario = (await c.post(`${plan}/scenarios`, { name: 's', changes: [] })).json();
  const feed = (await c.post(`/api/v1/orgs/${slug}/calendar-feeds`, { scope: 'mine' })).json();
  const team = (await c.post(`${plan}/teams`, { name: 'Ops', memberIds: [userId] })).json();
  for (const [name, value] of Object.entries({ task, dependency, timeOff, scenario, feed, team }))
    expect(value.id, name).toBeTruthy();
  return {
    taskId: task.id,
    dependencyId: dependency.id,
    userId,
    timeOffId: timeOff.id,
    scenarioId: scenario.id,
    feedId: feed.id,
    teamId: team.id,
    findingId: finding.id,
    actionId: action.id,
    amendmentId: amendment.id,
    evidenceId: evidence.id,
    auditRef: 'S2',
    key: 'fast-14-30-60',
    kind: 'cap',
    ...(await webhookFixture(c, slug)),
    providerId: await oidcConnection(c, slug),
  };
}

/** An OpenID Connect connection (nothing reaches an IdP: discovery is read at sign-in). */
async function oidcConnection(c: Client, slug: string): Promise<string> {
  const res = await c.post(`/api/v1/orgs/${slug}/sso/oidc`, {
    issuer: 'https://login.example.org/',
    clientId: 'closeloop',
    clientSecret: 'a-client-secret-value',
    domain: `${slug}.example`,
    jitRole: 'viewer',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().providerId;
}

/** A certificate with its planned cycle and a management review, for ids to probe with. */
export async function certificationFixture(c: Client, slug: string) {
  const cert = (
    await c.post(`/api/v1/orgs/${slug}/certificates`, {
      number: 'C-1',
      certificationBody: 'CB',
      issuedOn: '2027-01-31',
    })
  ).json();
  const review = (
    await c.post(`/api/v1/orgs/${slug}/management-reviews`, { ref: 'MR-1', heldOn: '2027-06-01', chair: 'x' })
  ).json();
  return {
    certificateId: cert.id,
    plannedAuditId: cert.audits[0].id,
    taskId: cert.audits[0].tasks[0].id,
    reviewId: review.id,
  };
}
