import { Button, Drawer, Grid, Stack, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

/** Wide enough for the filters beside the results (Mantine's md breakpoint). */
const WIDE = '(min-width: 62em)';

type FilteredResultsProps = {
  /** The filters' heading: « Filtrer ». */
  title?: string;
  /** How many filters are set, shown on the phone's button: « Filtrer (2) ». */
  active: number;
  /** The filter fields. */
  filters: ReactNode;
  /** The results. */
  children: ReactNode;
  /**
   * Where the filters go on a wide screen: in a column `beside` the results (a search page's
   * facets), or `above` them (a form of a few fields in a row, e.g. the audit journal's).
   */
  placement?: 'beside' | 'above';
};

/**
 * A search page's filters and results. On a wide screen, the filters in a column beside the
 * results; on a phone, the results come first and the filters open in a drawer from a button
 * that says how many are set — they no longer fill the first screen.
 */
export function FilteredResults({
  title = 'Filtrer',
  active,
  filters,
  children,
  placement = 'beside',
}: FilteredResultsProps) {
  const wide = useMediaQuery(WIDE, typeof window === 'undefined' ? true : window.matchMedia(WIDE).matches, {
    getInitialValueInEffect: false,
  });
  const [opened, { open, close }] = useDisclosure(false);

  if (wide && placement === 'above') {
    return (
      <Stack gap="md">
        {filters}
        {children}
      </Stack>
    );
  }
  if (wide) {
    return (
      <Grid gutter="xl">
        <Grid.Col span={4}>
          <section aria-labelledby="filtres">
            <Title order={2} size="h3" id="filtres" mb="sm">
              {title}
            </Title>
            {filters}
          </section>
        </Grid.Col>
        <Grid.Col span={8}>{children}</Grid.Col>
      </Grid>
    );
  }
  return (
    <Stack gap="md">
      <Button variant="default" onClick={open} aria-haspopup="dialog" style={{ alignSelf: 'flex-start' }}>
        {active > 0 ? `${title} (${active})` : title}
      </Button>
      <Drawer
        opened={opened}
        onClose={close}
        title={title}
        position="bottom"
        size="85%"
        closeButtonProps={{ 'aria-label': 'Fermer les filtres' }}
      >
        <Stack gap="md">
          {filters}
          <Button onClick={close}>Voir les résultats</Button>
        </Stack>
      </Drawer>
      {children}
    </Stack>
  );
}
