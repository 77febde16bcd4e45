import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page } from '@playwright/test';
import { VIOLATIONS_ONLY } from './axe.ts';

// The WCAG walk of the demo organisation (issue #19): every page of the navigation, opened by the role
// whose work it is, passes axe-core's WCAG 2.2 A/AA rules (no critical or serious violation, no rule
// disabled) and cuts no badge, chip or button label at 1280 and 390 px. Two files walk it, half each, one
// in each browser-test lane (#15): 10-accessibility and 16-accessibility-isms.
export const PASSWORD = 'closeloop-demo-2026';
const root = path.resolve(import.meta.dirname, '..');
const screens = path.join(root, 'test-results', 'screens');
export const defaultStates = path.join(root, 'test-results', 'states');
const guideShots = process.env.UPDATE_GUIDE_SCREENSHOTS === '1';
const everyShot = guideShots || process.env.E2E_SCREENSHOTS === '1';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export type Who = 'admin' | 'isms_manager' | 'action_owner' | 'external_auditor' | 'viewer';
export const people: Record<Who, { email: string; lands: string; heading: string }> = {
  admin: { email: 'priya.shah@demo.example', lands: 'dashboard', heading: 'Dashboard' },
  isms_manager: { email: 'isabel.martin@demo.example', lands: 'dashboard', heading: 'Dashboard' },
  action_owner: { email: 'tom.becker@demo.example', lands: 'my-tasks', heading: 'My tasks' },
  external_auditor: {
    email: 'claire.dubois@certbody.example',
    lands: 'decisions',
    heading: 'Awaiting your decision',
  },
  viewer: { email: 'marcus.lee@demo.example', lands: 'summary', heading: 'Executive summary' },
};

// Every page of the navigation, once, as the role whose work it is; `path` under /o/demo/ unless it
// starts with "/". Detail pages are reached from their lists. `guide`: the user guide shows it.
// `lane: 'isms'`: walked by 16-accessibility-isms in the other browser-test lane, the rest by 10.
export const pages: { name: string; who: Who | null; path: string; guide?: boolean; lane?: 'isms' }[] = [
  { name: 'sign-in', who: null, path: '/sign-in' },
  { name: 'trust-public', who: null, path: '/trust/demo', guide: true },
  { name: 'dashboard', who: 'isms_manager', path: 'dashboard', guide: true },
  { name: 'summary', who: 'viewer', path: 'summary', guide: true },
  { name: 'score-model', who: 'isms_manager', path: 'posture/model' },
  { name: 'my-tasks', who: 'action_owner', path: 'my-tasks', guide: true },
  { name: 'decisions', who: 'external_auditor', path: 'decisions', guide: true },
  { name: 'audits', who: 'isms_manager', path: 'audits' },
  { name: 'audit', who: 'isms_manager', path: 'audits/S2-2026' },
  { name: 'findings', who: 'isms_manager', path: 'findings', guide: true },
  { name: 'finding', who: 'isms_manager', path: 'finding:NC-01', guide: true },
  // The external auditor reads the corrective action record as text, with her own decisions (#19 item 6).
  { name: 'finding-auditor', who: 'external_auditor', path: 'finding:NC-07' },
  { name: 'plan', who: 'isms_manager', path: 'plan', guide: true },
  { name: 'context', who: 'isms_manager', path: 'context', lane: 'isms' },
  { name: 'objectives', who: 'isms_manager', path: 'objectives', lane: 'isms' },
  { name: 'soa', who: 'isms_manager', path: 'soa', lane: 'isms' },
  { name: 'risks', who: 'isms_manager', path: 'risks', lane: 'isms' },
  { name: 'documents', who: 'isms_manager', path: 'documents', lane: 'isms' },
  { name: 'crosswalks', who: 'isms_manager', path: 'crosswalks', lane: 'isms' },
  { name: 'certification', who: 'isms_manager', path: 'certification', guide: true, lane: 'isms' },
  { name: 'internal-audits', who: 'isms_manager', path: 'internal-audits', lane: 'isms' },
  { name: 'internal-audit', who: 'isms_manager', path: 'internal-audits/IA-2026-01', lane: 'isms' },
  { name: 'management-reviews', who: 'isms_manager', path: 'management-reviews', lane: 'isms' },
  { name: 'members', who: 'admin', path: 'members', lane: 'isms' },
  { name: 'audit-trail', who: 'admin', path: 'audit-trail', lane: 'isms' },
  { name: 'settings', who: 'isms_manager', path: 'settings', lane: 'isms' },
  { name: 'api-tokens', who: 'isms_manager', path: 'api-tokens', lane: 'isms' },
  { name: 'mail-outbox', who: 'admin', path: 'mail-outbox', lane: 'isms' },
  { name: 'failed-jobs', who: 'admin', path: 'jobs', lane: 'isms' },
  { name: 'trust-admin', who: 'isms_manager', path: 'trust', lane: 'isms' },
  { name: 'api-reference', who: 'isms_manager', path: '/docs/api', lane: 'isms' },
];

/** Where a role's signed-in browser state is kept (each walking file has its own folder). */
export const statePath = (who: Who, states = defaultStates) => path.join(states, `${who}.json`);

export async function pageOf(
  browser: Browser,
  baseURL: string,
  who: Who | null,
  states = defaultStates,
): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 900 },
    ...(who ? { storageState: statePath(who, states) } : {}),
  });
  return context.newPage();
}

/** The page's content is in: its main heading shows and nothing is loading any more. */
export async function settled(page: Page) {
  await expect(page.locator('h1').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByLabel('Loading')).toHaveCount(0, { timeout: 15_000 });
  // Charts draw with an animation; contrast is measured on the final colours.
  await page.waitForTimeout(600);
}

/** Badges, chips and button labels whose text does not fit their box (cut or ellipsed). */
const cutLabels = (page: Page) =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        '.mantine-Badge-root, .mantine-Badge-label, .mantine-Chip-label, .mantine-Pill-root, .mantine-Button-label',
      ),
    ]
      .filter((e) => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
      .map((e) => `${e.className.split(' ')[0]}: "${e.textContent}" ${e.scrollWidth}>${e.clientWidth}`),
  );

async function findingPath(page: Page, ref: string) {
  const res = await page.request.get(`/api/v1/orgs/demo/findings?q=${ref}&audit=S2-2026`);
  const found = (await res.json()).items.find((f: { ref: string }) => f.ref === ref);
  return `findings/${found.id}`;
}

/**
 * Walks `walked` (a part of `pages`), with each role's browser state from `states`; returns the failures,
 * each naming its page (a failing page is screenshotted, every page with E2E_SCREENSHOTS=1).
 */
export async function walkPages(
  browser: Browser,
  baseURL: string,
  walked: typeof pages,
  states = defaultStates,
): Promise<string[]> {
  for (const width of [1280, 390]) fs.mkdirSync(path.join(screens, String(width)), { recursive: true });
  const open = new Map<Who | null, Page>();
  const failures: string[] = [];
  for (const p of walked) {
    if (!open.has(p.who)) open.set(p.who, await pageOf(browser, baseURL, p.who, states));
    const page = open.get(p.who)!;
    await page.setViewportSize({ width: 1280, height: 900 });
    const target = p.path.startsWith('finding:') ? await findingPath(page, p.path.slice(8)) : p.path;
    await page.goto(target.startsWith('/') ? target : `/o/demo/${target}`);
    await settled(page);
    const pageFailures = failures.length;
    const axe = await new AxeBuilder({ page }).options(VIOLATIONS_ONLY).withTags(WCAG).analyze();
    for (const v of axe.violations.filter((x) => x.impact === 'critical' || x.impact === 'serious'))
      failures.push(
        `${p.name}: ${v.id} (${v.impact}) ${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(' '))
          .join(' | ')}${v.nodes.length > 5 ? ` … ${v.nodes.length} in all` : ''}`,
      );
    for (const width of [1280, 390]) {
      if (width === 390) {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.waitForTimeout(300);
      }
      for (const cut of await cutLabels(page)) failures.push(`${p.name} at ${width} px: ${cut}`);
      if (!everyShot && failures.length === pageFailures) continue;
      const shot = path.join(screens, String(width), `${p.name}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      if (width === 1280 && p.guide && guideShots)
        fs.copyFileSync(shot, path.join(root, 'docs', 'guide', 'img', `${p.name}.png`));
    }
  }
  for (const page of open.values()) await page.context().close();
  return failures;
}
