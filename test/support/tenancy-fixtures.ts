import { expect } from 'vitest';
import { Client, type TestApp } from './harness.ts';
import { upload } from './multipart.ts';

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
