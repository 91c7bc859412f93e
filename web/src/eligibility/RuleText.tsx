import { Badge, Group, Stack, Text } from '@mantine/core';
import { formatPeriod } from '../format/date';
import { COLORS } from '../ui/colors';
import type { RuleRef } from './api';

/** One rule as people read it: its text, source, dates, and a note when the point is disputed. */
export function RuleText({ rule, showTitle = true }: { rule: RuleRef; showTitle?: boolean }) {
  return (
    <Stack gap={2}>
      {showTitle && (
        <Group gap="xs">
          <Text fw={600}>{rule.title}</Text>
          {rule.disputed && (
            <Badge color={COLORS.warning} variant="light">
              Point discuté
            </Badge>
          )}
        </Group>
      )}
      <Text size="sm">{rule.text}</Text>
      <Text size="sm" c="dimmed">
        {`Source : ${rule.source} — en vigueur ${formatPeriod(rule.from, rule.to)}`}
      </Text>
      {rule.note && (
        <Text size="sm" c={COLORS.warning}>
          {`Note : ${rule.note}`}
        </Text>
      )}
    </Stack>
  );
}
