import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  type MantineColorsTuple,
} from '@mantine/core';

// WCAG 2.2 AA (1.4.3 text 4.5:1, 1.4.11 non-text 3:1) in every colour the components use. Mantine's
// default shades are too light for that: white on teal-6 is 2.55:1, teal-7 on white 3.11:1, the dimmed
// grey #868e96 3.32:1. Every palette keeps its light shades (0-6: tints, borders, chart fills) and has
// its dark shades darkened just enough that
// - shade 7 reaches 3:1 on white (borders, icons, focus rings: 1.4.11),
// - shade 8 carries white text and reads on white at 4.5:1 (filled buttons and badges, `c="red"` text),
// - shade 9 reads at 4.5:1 on the shade-6 tint of the `light` variant (light badges, alerts) and on
//   shade 2, the `light` variant under the pointer (a light button, the current navigation link, hovered).
// The primary shade is 8, so `filled` is shade 8 for every colour.

const channel = (hex: string, i: number) => Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
const hex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

function luminance(colour: string): number {
  const [r, g, b] = [0, 1, 2].map((i) => {
    const v = channel(colour, i) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** `colour` at `alpha` over white, as the `light` variant paints its background. */
const overWhite = (colour: string, alpha: number) =>
  hex([0, 1, 2].map((i) => channel(colour, i) * alpha + 255 * (1 - alpha)));

/** The colour darkened (towards black) in small steps until it reaches `ratio` against `on`. */
function darkenUntil(colour: string, on: string, ratio: number): string {
  let rgb = [0, 1, 2].map((i) => channel(colour, i));
  // 0.97 per step: at most ~100 steps from white to black, usually a handful.
  while (contrast(hex(rgb), on) < ratio) rgb = rgb.map((c) => c * 0.97);
  return hex(rgb);
}

const WHITE = '#ffffff';
/** A little above the thresholds: rounding in the browser never tips a colour under them. */
const TEXT = 4.6;
const UI = 3.1;

export function accessiblePalette(tuple: readonly string[]): MantineColorsTuple {
  const shades = [...tuple];
  const tint = overWhite(shades[6]!, 0.1);
  shades[7] = darkenUntil(shades[7]!, WHITE, UI);
  shades[8] = darkenUntil(shades[8]!, WHITE, TEXT);
  shades[9] = darkenUntil(
    darkenUntil(darkenUntil(shades[9]!, WHITE, TEXT + 0.9), tint, TEXT),
    shades[2]!,
    TEXT,
  );
  return shades as unknown as MantineColorsTuple;
}

const colors = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors).map(([name, tuple]) => [name, accessiblePalette(tuple)]),
);

/** Secondary text (`c="dimmed"`): #5c636a is 6.1:1 on white and 5.6:1 on the grey page background. */
export const DIMMED = '#5c636a';

export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 8,
  colors,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  // Links are told apart from the text around them by more than colour (1.4.1): always underlined.
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
    // A badge never cuts its label to an ellipsis (a grade "MI…", a state "VERIF…"): in a narrow cell it
    // wraps onto a second line instead, and the table scrolls when even that does not fit.
    Badge: {
      styles: {
        root: { height: 'auto', minHeight: 'var(--badge-height)', overflow: 'visible', maxWidth: '100%' },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.25 },
      },
    },
    // A button never cuts its label either ("Sign in with your company account" at 390 px): a label that
    // does not fit wraps, and the button grows to hold it (1.4.10 reflow).
    Button: {
      styles: {
        root: { height: 'auto', minHeight: 'var(--button-height)', maxWidth: '100%' },
        label: { whiteSpace: 'normal', overflow: 'visible', textAlign: 'center', lineHeight: 1.25 },
      },
    },
    // Every × is a button with a name (4.1.2): "Close" on drawers, dialogs and messages, "Clear" in fields.
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    // A message under a title ("Not saved" + why) is painted gray-6 by Mantine, 3.3:1 on white: dimmed
    // instead, 6.1:1 (1.4.3).
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Close' } },
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    },
    FileInput: { defaultProps: { clearButtonProps: { 'aria-label': 'Clear the file' } } },
    Select: { defaultProps: { clearButtonProps: { 'aria-label': 'Clear' } } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': DIMMED,
    // Placeholders are hints, but still text (1.4.3).
    '--mantine-color-placeholder': DIMMED,
    '--mantine-color-anchor': 'var(--mantine-color-teal-9)',
    // Field messages and invalid borders: red-6 is 3.6:1 on white, red-8 reads at 4.5:1 (1.4.3).
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  },
  dark: {},
});
