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
  },
});

const gray = DEFAULT_THEME.colors.gray;
const red = DEFAULT_THEME.colors.red;

/** Dimmed text, errors and light alert text dark enough for AA contrast on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': gray[7],
    '--mantine-color-error': red[9],
    '--mantine-color-red-light-color': red[9],
    '--mantine-color-blue-light-color': DEFAULT_THEME.colors.blue[9],
    '--mantine-color-green-light-color': '#1e6b30',
    '--mantine-color-orange-light-color': '#a33d06',
    '--mantine-color-yellow-light-color': '#7a4a00',
    '--mantine-color-gray-light-color': gray[8],
    '--mantine-color-placeholder': gray[6],
  },
  dark: {},
});
