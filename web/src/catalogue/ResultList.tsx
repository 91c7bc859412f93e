import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { SearchItem } from '../api/catalogue';
import { KIND_LABELS } from './labels';
import { RecognitionBadge } from './RecognitionBadge';
import { StatusBadge } from './StatusBadge';

/** The certifications found, each leading to its fiche. */
export function ResultList({ items }: { items: SearchItem[] }) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((item) => (
        <Card component="li" withBorder key={item.id}>
          <Group justify="space-between" align="flex-start" gap="xs">
            <Stack gap={4}>
              <Title order={3} size="h4">
                <Anchor component={Link} to={`/catalogue/${item.id}`}>
                  {item.title}
                </Anchor>
              </Title>
              <Group gap="xs">
                <Badge variant="outline" color="gray">
                  {KIND_LABELS[item.kind]}
                </Badge>
                <Text size="sm" ff="monospace">
                  {item.code}
                </Text>
                {item.status !== 'active' && <StatusBadge status={item.status} />}
              </Group>
              <Text size="sm" c="dimmed">
                {item.branches.length > 1 ? 'Branches : ' : 'Branche : '}
                {item.branches.map((b) => b.name).join(', ') || '—'}
              </Text>
            </Stack>
            <RecognitionBadge recognition={item.recognition} />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
