import { expect, type Page } from '@playwright/test';

/**
 * Waits until the page is still enough for axe-core to measure contrast on final colours: no finite CSS
 * transition or animation runs (a loader's endless spin is not waited for; a notification fading in once
 * failed a clean-clone run), and no toast is on screen. A toast closes by itself after a few seconds, and
 * one that began fading out during a scan was measured half transparent (two clean-clone runs failed so):
 * scans wait for it to go. The toasts' colours are the theme's, checked by test/hardening/palette.test.ts.
 */
export async function quietForScan(page: Page) {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every(
          (a) =>
            a.playState !== 'running' ||
            a.effect?.getComputedTiming().iterations === Number.POSITIVE_INFINITY,
        ),
    null,
    { timeout: 5_000 },
  );
}

/**
 * axe-core's run options for every scan: details of violations only. By default axe also returns every
 * node that passed or was not applicable, with its HTML; on the SoA or the audit trail that is megabytes
 * through the DevTools protocol per scan, and the browser process and the test runner spent a third of a
 * WCAG walk's CPU passing it on. The checks run are the same; a test reads only `violations`.
 */
export const VIOLATIONS_ONLY = { resultTypes: ['violations' as const] };
