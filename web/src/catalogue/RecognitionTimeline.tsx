import { Badge, Text, Timeline } from '@mantine/core';
import type { RecognitionPeriod } from '../api/catalogue';
import { formatPeriod, today } from '../format/date';
import { recognitionTitle } from './recognitionText';

function isCurrent(period: RecognitionPeriod, date: string): boolean {
  return period.from <= date && (period.to === null || date <= period.to);
}

/** The recognition history, as consecutive periods; the current one is marked. */
export function RecognitionTimeline({ periods }: { periods: RecognitionPeriod[] }) {
  if (periods.length === 0) {
    return <Text>Aucun événement de reconnaissance n’est enregistré pour cette certification.</Text>;
  }
  const date = today();
  const current = periods.findIndex((p) => isCurrent(p, date));
  const active = current >= 0 ? current : periods.filter((p) => p.from <= date).length - 1;
  return (
    <Timeline
      active={active}
      bulletSize={16}
      lineWidth={2}
      role="list"
      aria-label="Historique de la reconnaissance"
    >
      {periods.map((period, index) => (
        <Timeline.Item
          key={period.from}
          role="listitem"
          title={recognitionTitle(period.recognition)}
          lineVariant={index >= active ? 'dashed' : 'solid'}
        >
          <Text size="sm" c="dimmed">
            {formatPeriod(period.from, period.to).replace(/^./, (c) => c.toUpperCase())}
          </Text>
          {index === current && (
            <Badge variant="light" mt={4}>
              Période en cours
            </Badge>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
