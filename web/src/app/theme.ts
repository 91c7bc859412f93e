import { type CSSVariablesResolver, createTheme } from '@mantine/core';

/**
 * Mantine's default theme, with the darkest shade of each colour for filled, light and text
 * variants: white on blue-9 and blue-9 on its light tint both pass WCAG AA (4.5:1).
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 9,
});

/** Mantine's grey-6 (dimmed) and red-6 (error) text fall below 4.5:1 on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
  },
  dark: {},
});
