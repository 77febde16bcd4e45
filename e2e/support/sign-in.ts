import { type Browser, expect, type Page } from '@playwright/test';
import { PASSWORD } from './people.ts';

/** Signs in through the sign-in form, as a person would, and waits for the organisation pages. */
export async function signInThroughForm(page: Page, email: string, password = PASSWORD) {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/o\//);
}

/** A fresh browser context (its own cookies) signed in as `email`. */
export async function pageAs(
  browser: Browser,
  baseURL: string,
  email: string,
  password = PASSWORD,
): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInThroughForm(page, email, password);
  return page;
}
