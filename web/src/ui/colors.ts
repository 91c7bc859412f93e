/**
 * Colours for badges and alerts whose light variant must stay readable: Mantine's green,
 * teal and yellow (even shade 9) fall below 4.5:1 on their own 10 % tint, and so does its red
 * (a « Refusé par la CDC » badge, found by axe): a dark red, 6.3:1 on its tint.
 */
export const COLORS = {
  success: '#1e6b31',
  teal: '#066649',
  warning: '#8a5300',
  info: 'blue',
  danger: '#a61b1b',
  neutral: 'gray',
} as const;
