import { type Client, setupAdmin, type TestApp } from '../support/harness.ts';

export const stage2 = {
  ref: 'S2-2026',
  type: 'stage2',
  certificationBody: 'Certa Assurance',
  leadAuditor: 'Claire Dubois',
  reportReceivedOn: '2026-03-02',
  recommendation: 'recommended_upon_action_plan',
  policyKey: 'fast-14-30-60',
};

/** An organisation `acme` with its admin, audit S2-2026 and one major nonconformity NC-01. */
export async function acmeWithFinding(t: TestApp): Promise<{ admin: Client; findingId: string }> {
  const admin = await setupAdmin(t, 'acme', 'isa@acme.test');
  const audit = await admin.post('/api/v1/orgs/acme/audits', stage2);
  if (audit.statusCode !== 201) throw new Error(`audit: ${audit.body}`);
  const f = await admin.post('/api/v1/orgs/acme/audits/S2-2026/findings', {
    ref: 'NC-01',
    grade: 'major',
    requirements: ['A.8.8'],
    statement: 'Technical vulnerabilities are not evaluated within a defined time.',
  });
  if (f.statusCode !== 201) throw new Error(`finding: ${f.body}`);
  return { admin, findingId: f.json().id };
}
