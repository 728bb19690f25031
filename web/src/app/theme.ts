import { createTheme, DEFAULT_THEME, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// Calm public-sector look: teal, medium radius, the system font. Mantine's default teal is too light for white text
// (2.5:1 at shade 6), so the darker shades move up: every filled button and link reaches WCAG AA (≥ 4.5:1).
const teal: MantineColorsTuple = [
  '#e6fcf5',
  '#c3fae8',
  '#96f2d7',
  '#63e6be',
  '#38d9a9',
  '#12b886',
  '#087f5b', // 5.0:1 on white
  '#066c4d',
  '#055a40',
  '#044a35',
];

const font = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 6, dark: 5 },
  colors: { teal },
  defaultRadius: 'md',
  fontFamily: font,
  headings: { fontFamily: font, fontWeight: '650' },
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Tooltip: { defaultProps: { withArrow: true, openDelay: 300 } },
    // A link inside running text must not be told apart by colour alone (WCAG 1.4.1).
    Anchor: { defaultProps: { underline: 'always' } },
  },
});

const gray = DEFAULT_THEME.colors.gray;
const red = DEFAULT_THEME.colors.red;

/**
 * Text in each colour that reads at WCAG AA (≥ 4.5:1) on white, on the colour's own light background (badges,
 * light buttons, the active menu item) and on the grey of striped rows and the page. Mantine's defaults for text,
 * light and outline variants use shade 6, which is 2–4:1 for most colours (red "Menunggak" 3.1:1, green 2.4:1).
 */
const READABLE: Readonly<Record<string, string>> = {
  gray: gray[7],
  red: '#bf2828',
  pink: '#a61e4d',
  grape: '#862e9c',
  violet: '#6741d9',
  indigo: '#364fc7',
  blue: '#1864ab',
  cyan: '#0a6c7e',
  teal: teal[7],
  green: '#1e6b30',
  lime: '#47730a',
  yellow: '#7a4a00',
  orange: '#a33d06',
};

const readableVariables = Object.fromEntries(
  Object.entries(READABLE).flatMap(([color, value]) => [
    [`--mantine-color-${color}-text`, value],
    [`--mantine-color-${color}-light-color`, value],
    [`--mantine-color-${color}-outline`, value],
  ]),
);

/** Dimmed text, errors and coloured text, badges and light buttons dark enough for AA contrast. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    ...readableVariables,
    '--mantine-color-dimmed': gray[7],
    // Links sit on white, on striped rows and on the grey page: shade 7 reads at AA on all three (6 is 4.49:1 on grey).
    '--mantine-color-anchor': teal[7],
    '--mantine-color-error': red[9],
    '--mantine-color-red-light-color': red[9],
    // Placeholders stay lighter than typed text but readable (4.7:1): a file input shows its placeholder as text.
    '--mantine-color-placeholder': '#6c757d',
  },
  dark: {},
});
