import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { accessiblePalette, contrast } from '../../web/src/theme.ts';

// WCAG 2.2 1.4.3: the `light` variant's text (shade 9) on its background at rest (shade 1, and the tint
// of shade 6) and under the pointer (shade 2). e2e/14 found the hovered current navigation link at
// 4.4:1 (teal-9 on teal-2).
describe('accessible palette', () => {
  for (const [name, tuple] of Object.entries(DEFAULT_THEME.colors)) {
    it(`${name}: shade 9 reads at 4.5:1 on shades 1 and 2, shade 8 carries white text`, () => {
      const p = accessiblePalette(tuple);
      expect(contrast(p[9], p[1])).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p[9], p[2])).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p[8], '#ffffff')).toBeGreaterThanOrEqual(4.5);
    });
  }
});
