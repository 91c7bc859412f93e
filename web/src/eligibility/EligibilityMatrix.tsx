import { Accordion, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { COLORS } from '../ui/colors';
import type { Reason, RouteResult } from './api';
import { RuleText } from './RuleText';

/** Mantine's red.9: readable as outline text on white (≥ 4.5:1), unlike red on its tint. */
const DARK_RED = '#c92a2a';

function statusOf(r: RouteResult): { label: string; color: string } {
  if (r.status === 'open') return { label: 'Ouverte', color: COLORS.success };
  return r.status === 'closed'
    ? { label: 'Fermée', color: DARK_RED }
    : { label: 'À préciser', color: COLORS.warning };
}

function mark(reason: Reason) {
  if (reason.satisfied === true) return { symbol: '✓', label: 'remplie', color: COLORS.success };
  if (reason.satisfied === false) return { symbol: '✗', label: 'non remplie', color: 'red.8' };
  return { symbol: '?', label: 'information manquante', color: COLORS.warning };
}

/** One line per access route: open, closed or to be specified; reasons, funders and caps inside. */
export function EligibilityMatrix({ results }: { results: RouteResult[] }) {
  return (
    <Accordion multiple variant="separated" chevronPosition="left">
      {results.map((r) => {
        const status = statusOf(r);
        return (
          <Accordion.Item key={r.route} value={r.route} data-route={r.route}>
            <Accordion.Control>
              <Group justify="space-between" gap="xs">
                <Text fw={600}>{r.title}</Text>
                <Group gap="xs">
                  {r.disputed && (
                    <Badge color={COLORS.warning} variant="light">
                      Point discuté
                    </Badge>
                  )}
                  <Badge color={status.color} variant="outline" miw={100}>
                    {status.label}
                  </Badge>
                </Group>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="md">
                <Stack gap="xs">
                  <Title order={4} size="h5">
                    Conditions en vigueur à la date
                  </Title>
                  <List spacing="sm" listStyleType="none">
                    {r.reasons.map((reason) => {
                      const m = mark(reason);
                      return (
                        <List.Item key={reason.rule}>
                          <Group gap="sm" align="flex-start" wrap="nowrap">
                            <Text c={m.color} fw={700} aria-label={m.label} role="img">
                              {m.symbol}
                            </Text>
                            <RuleText rule={reason} />
                          </Group>
                        </List.Item>
                      );
                    })}
                  </List>
                  {r.missing.length > 0 && (
                    <Text size="sm" c={COLORS.warning}>
                      {`À préciser : ${r.missing.map((m) => m.label).join(', ')}.`}
                    </Text>
                  )}
                </Stack>
                {r.funders.length > 0 && (
                  <Stack gap="xs">
                    <Title order={4} size="h5">
                      Financeurs possibles
                    </Title>
                    <List spacing="sm">
                      {r.funders.map((f) => (
                        <List.Item key={f.rule}>
                          <RuleText rule={{ ...f, title: f.body ? `${f.title} : ${f.body}` : f.title }} />
                          {!f.certain && (
                            <Text size="sm" c="dimmed">
                              Selon l’effectif de l’entreprise ou d’autres informations non saisies.
                            </Text>
                          )}
                        </List.Item>
                      ))}
                    </List>
                  </Stack>
                )}
                {r.limits.length > 0 && (
                  <Stack gap="xs">
                    <Title order={4} size="h5">
                      Durées et plafonds légaux
                    </Title>
                    <List spacing="sm">
                      {r.limits.map((l) => (
                        <List.Item key={l.rule}>
                          <RuleText rule={l} />
                        </List.Item>
                      ))}
                    </List>
                  </Stack>
                )}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}
