/**
 * Colours for badges and alerts whose light variant must stay readable: Mantine's green,
 * teal and yellow (even shade 9) fall below 4.5:1 on their own 10 % tint.
 */
export const COLORS = {
  success: '#1e6b31',
  teal: '#066649',
  warning: '#8a5300',
  info: 'blue',
  danger: 'red',
  neutral: 'gray',
} as const;
