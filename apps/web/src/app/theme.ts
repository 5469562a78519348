// A calm clinical look: one blue primary, system fonts, visible focus rings for keyboard users.
import { createTheme, type MantineColorsTuple } from '@mantine/core';

const trialBlue: MantineColorsTuple = [
  '#e8f3fb',
  '#d2e4f2',
  '#a3c7e4',
  '#70a8d6',
  '#478eca',
  '#2e7ec3',
  '#1f75c1',
  '#1163ab',
  '#00589a',
  '#004c89',
];

export const theme = createTheme({
  primaryColor: 'trialBlue',
  colors: { trialBlue },
  primaryShade: 8,
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
  headings: { fontWeight: '650' },
});
