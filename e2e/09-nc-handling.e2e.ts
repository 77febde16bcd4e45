import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { VIOLATIONS_ONLY } from './support/axe.ts';
import { remediationTeam, signedIn } from './support/people.ts';
import { pageAs } from './support/sign-in.ts';

// Issue #13 in the browser: an internal-audit nonconformity is closed by the organisation under 10.2 —
// the ISMS manager accepts the plan, the internal auditor verifies and reviews effectiveness, the
// organisation closes, and no certification body step is offered or shown; a stage 2 major is verified
// by the certification body before the certificate is recorded (refused before, accepted after).
test.describe.configure({ mode: 'serial' });

const slug = 'ncflow';
const isa = `isa@${slug}.test`;
const tom = `tom@${slug}.test`;
const ravi = `ravi@${slug}.test`;
const claire = `claire@${slug}.test`;
const today = new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function ok(api: APIRequestContext, url: string, data: object) {
  const res = await api.post(url, { data });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

/** A nonconformity of a new audit, its record and action written by its owner and the plan submitted. */
async function submittedNc(baseURL: string, audit: Record<string, string>, grade: 'major' | 'minor') {
  const manager = await signedIn(baseURL, isa);
  const owner = await signedIn(baseURL, tom);
  await ok(manager, `/api/v1/orgs/${slug}/audits`, audit);
  const f = await ok(manager, `/api/v1/orgs/${slug}/audits/${audit.ref}/findings`, {
    ref: `NC-${audit.ref}`,
    grade,
    requirements: ['A.8.8'],
    statement: 'Security updates are late on three laptops.',
    ownerEmail: tom,
  });
  const base = `/api/v1/orgs/${slug}/findings/${f.id}`;
  await ok(owner, `${base}/transitions`, { action: 'start_analysis' });
  const rec = await owner.patch(`${base}/record`, {
    data: {
      correction: { what: 'Patched the three laptops', who: 'tom', on: inDays(-3) },
      rootCause: { statement: 'Nobody is told when a device misses a deployment' },
      effectiveness: { criteria: 'Two monthly compliance reports at 100 %' },
    },
  });
  expect(rec.status(), await rec.text()).toBeLessThan(300);
  const action = await ok(owner, `${base}/actions`, {
    title: 'Weekly missed-deployment report',
    ownerEmail: tom,
    dueOn: inDays(10),
  });
  await ok(owner, `${base}/transitions`, { action: 'submit_plan' });
  await manager.dispose();
  return { id: f.id as string, base, owner, actionId: action.id as string };
}

/** The owner implements and submits evidence; the internal auditor verifies it against the criteria. */
async function implementedAndVerified(baseURL: string, nc: Awaited<ReturnType<typeof submittedNc>>) {
  const { owner, base } = nc;
  await ok(owner, `${base}/transitions`, { action: 'start_implementation' });
  expect((await owner.patch(`${base}/actions/${nc.actionId}`, { data: { status: 'done' } })).status()).toBe(
    200,
  );
  const up = await owner.post(`${base}/evidence`, {
    multipart: {
      file: { name: 'compliance.csv', mimeType: 'text/csv', buffer: Buffer.from('device,days\nLT-1,5\n') },
    },
  });
  expect(up.status(), await up.text()).toBe(201);
  await ok(owner, `${base}/transitions`, { action: 'submit_evidence' });
  const auditor = await signedIn(baseURL, ravi);
  await ok(auditor, `${base}/transitions`, {
    action: 'verify_internally',
    comment: 'Compared the export with the asset register',
    verification: { criteriaMet: true, evidenceIds: [(await up.json()).id] },
  });
  await auditor.dispose();
}

async function planReview(page: Page, dueOn: string) {
  const panel = page.getByRole('region', { name: 'Review of effectiveness (10.2 d)' });
  await panel.getByLabel('Review due on').fill(dueOn);
  await panel.getByLabel('Reviewer (email; not an implementer)').fill(ravi);
  await panel.getByRole('button', { name: 'Plan the review' }).click();
  return panel;
}

test('an internal-audit nonconformity is closed by the organisation, with no certification body step', async ({
  browser,
  baseURL,
}) => {
  await remediationTeam(baseURL!, slug, [
    { email: isa, role: 'isms_manager' },
    { email: tom, role: 'action_owner' },
    { email: ravi, role: 'internal_auditor' },
    { email: claire, role: 'external_auditor' },
  ]);
  const nc = await submittedNc(
    baseURL!,
    { ref: 'IA-E2E', type: 'internal', certificationBody: 'Internal audit team', endsOn: inDays(-5) },
    'minor',
  );
  const page = await pageAs(browser, baseURL!, isa);
  await page.goto(`/o/${slug}/findings/${nc.id}`);
  await expect(page.getByText('closed by the organisation (10.2)')).toBeVisible();
  await page.getByRole('button', { name: 'Accept plan (ISMS manager)' }).click();
  await expect(page.getByTestId('finding-status')).toHaveText('Plan accepted');

  await implementedAndVerified(baseURL!, nc);
  await page.reload();
  const actions = page.getByLabel('Lifecycle actions');
  await expect(actions.getByRole('button', { name: 'Close (organisation, 10.2)' })).toBeVisible();
  await expect(actions.getByRole('button', { name: /auditor's acceptance|certification body/i })).toHaveCount(
    0,
  );
  const panel = await planReview(page, inDays(30));
  await expect(panel.getByTestId('effectiveness-line')).toHaveText(
    `verified — effectiveness review due ${inDays(30)}`,
  );

  // The reviewer (who did not implement) records the result with the evidence reviewed.
  const reviewer = await pageAs(browser, baseURL!, ravi);
  await reviewer.goto(`/o/${slug}/findings/${nc.id}`);
  const review = reviewer.getByRole('region', { name: 'Review of effectiveness (10.2 d)' });
  await review.getByLabel('What was reviewed').fill('Two monthly compliance reports at 100 %');
  await review.getByLabel('Evidence reviewed: compliance.csv').check();
  await review.getByRole('button', { name: 'Record the result' }).click();
  await expect(review.getByTestId('effectiveness-line')).toHaveText(
    `effectiveness reviewed on ${today}: effective`,
  );

  await page.reload();
  await page.getByRole('button', { name: 'Close (organisation, 10.2)' }).click();
  await expect(page.getByTestId('finding-status')).toHaveText('Closed');
  await expect(page.getByText(/certification body/i)).toHaveCount(0);
  await expect(page.getByTestId('effectiveness-result')).toHaveText(
    `Result: effective (reviewed on ${today})`,
  );
  // color-contrast and heading-order belong to the web client as a whole and are tracked apart (as in 08).
  const axe = await new AxeBuilder({ page })
    .options(VIOLATIONS_ONLY)
    .disableRules(['color-contrast', 'heading-order'])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual(
    [],
  );
});

test('a stage 2 major is verified by the certification body before the certificate is recorded', async ({
  browser,
  baseURL,
}) => {
  const nc = await submittedNc(
    baseURL!,
    {
      ref: 'S2-E2E',
      type: 'stage2',
      certificationBody: 'Certa Assurance',
      startsOn: inDays(-12),
      endsOn: inDays(-10),
      policyKey: 'cb-90',
    },
    'major',
  );
  const page = await pageAs(browser, baseURL!, isa);
  const record = async () => {
    await page.goto(`/o/${slug}/certification`);
    await page.getByRole('button', { name: 'Record certificate' }).click();
    await page.getByRole('textbox', { name: 'Certificate number' }).fill('IS-NC-E2E');
    await page.getByRole('textbox', { name: 'Certification body' }).fill('Certa Assurance');
    await page.getByLabel('Issued on').fill(today);
    await page.getByRole('textbox', { name: 'Decided on audit' }).fill('S2-E2E');
    await page.getByRole('button', { name: 'Record and plan the cycle' }).click();
  };
  await record();
  await expect(
    page.getByText('major NC-S2-E2E is not verified by the certification body', { exact: false }).first(),
  ).toBeVisible();

  // The certification body accepts the plan and, after internal verification, the evidence.
  const cb = await signedIn(baseURL!, claire);
  await ok(cb, `${nc.base}/transitions`, { action: 'accept_plan' });
  await implementedAndVerified(baseURL!, nc);
  await ok(cb, `${nc.base}/transitions`, { action: 'record_auditor_acceptance' });
  await cb.dispose();
  await page.goto(`/o/${slug}/findings/${nc.id}`);
  await expect(page.getByText('closed by the certification body')).toBeVisible();
  await planReview(page, inDays(60));
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByTestId('finding-status')).toHaveText('Closed');
  await expect(page.getByTestId('effectiveness-line')).toHaveText(
    `closed by CB — effectiveness review due ${inDays(60)}`,
  );

  await record();
  await expect(page.getByRole('table', { name: 'Planned audits of IS-NC-E2E' })).toContainText(
    'IS-NC-E2E-S1',
  );
});
