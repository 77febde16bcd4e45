import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ensureDemo } from './support/demo.ts';
import { signInThroughForm } from './support/sign-in.ts';
import {
  defaultStates,
  PASSWORD,
  pages,
  people,
  statePath,
  type Who,
  walkPages,
} from './support/wcag-walk.ts';

// Issue #19, the second half of the WCAG walk (e2e/support/wcag-walk.ts): the demo organisation's ISMS,
// certification and administration pages, each opened by the role whose work it is. It runs in the lane of
// the files with organisations of their own, beside 10-accessibility in the demo lane (#15); it only reads.
test.describe.configure({ mode: 'serial' });

const states = path.join(path.dirname(defaultStates), 'states-isms');
const walked = pages.filter((p) => p.lane === 'isms');

test.beforeAll(ensureDemo);

test('every ISMS, certification and administration page passes WCAG 2.2 AA and keeps its labels whole', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(walked.length * 20_000 + 60_000);
  fs.mkdirSync(states, { recursive: true });
  for (const who of new Set(walked.map((p) => p.who).filter((w): w is Who => w !== null))) {
    const context = await browser.newContext({ baseURL });
    await signInThroughForm(await context.newPage(), people[who].email, PASSWORD);
    await context.storageState({ path: statePath(who, states) });
    await context.close();
  }
  expect(await walkPages(browser, baseURL!, walked, states)).toEqual([]);
});
