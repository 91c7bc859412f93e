import { Box, SimpleGrid, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { CANDIDATE_STEP_LABELS, CANDIDATE_STEPS } from '../../../src/contracts/candidate-steps';

type StepTrackProps = {
  /** The step reached, 0–4. */
  current: number;
  /** Ended or paused: the current step is where it stopped, not where it goes on. */
  stopped: boolean;
  /** The list's name for screen readers: « Étapes du parcours CQP-APS ». */
  label: string;
};

/**
 * The five steps of a candidacy (Inscription … Jury) as an ordered list: done, current
 * (`aria-current="step"`), to come. One column on a phone, one row on a wider screen.
 */
export function StepTrack({ current, stopped, label }: StepTrackProps) {
  return (
    <SimpleGrid
      component="ol"
      aria-label={label}
      cols={{ base: 1, xs: CANDIDATE_STEPS.length }}
      spacing="xs"
      verticalSpacing={6}
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {CANDIDATE_STEPS.map((step, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'next';
        const said = {
          done: 'terminée',
          current: stopped ? 'arrêtée à cette étape' : 'en cours',
          next: 'à venir',
        }[state];
        return (
          <Box
            component="li"
            key={step}
            aria-current={state === 'current' ? 'step' : undefined}
            style={{ display: 'flex', gap: 8, alignItems: 'center' }}
          >
            <ThemeIcon
              radius="xl"
              size="md"
              variant={state === 'next' ? 'outline' : 'filled'}
              color={
                state === 'done'
                  ? '#1e6b31'
                  : state === 'current'
                    ? stopped
                      ? 'gray.7'
                      : 'blue.8'
                    : 'gray.7'
              }
              aria-hidden
            >
              <Text span size="sm" fw={700}>
                {state === 'done' ? '✓' : i}
              </Text>
            </ThemeIcon>
            <Text size="sm" fw={state === 'current' ? 700 : 400} c={state === 'next' ? 'dimmed' : undefined}>
              {CANDIDATE_STEP_LABELS[step]}
              <VisuallyHidden> : {said}</VisuallyHidden>
            </Text>
          </Box>
        );
      })}
    </SimpleGrid>
  );
}
