import { Badge, Button, Code, Group, List, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { FrameworkChange, VersionSummary } from '../../api/catalogue';
import { COLORS } from '../../ui/colors';
import { QueryState } from '../../ui/QueryState';
import { useVersionsDiff } from './queries';

const KIND = {
  added: { label: 'Ajout', color: COLORS.success },
  removed: { label: 'Suppression', color: COLORS.danger },
  changed: { label: 'Modification', color: COLORS.info },
} as const;

/** A value of the document in a few words: a text, a list of texts, an item by its code. */
function describe(value: unknown): string {
  if (typeof value === 'string') return `« ${value} »`;
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return value.length === 0 ? '(aucun)' : value.map((v) => `« ${v} »`).join(', ');
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const code = o.code ?? o.competencyCode ?? o.blocCode;
    const text = o.title ?? o.text;
    if (typeof code === 'string') return typeof text === 'string' ? `${code} — ${text}` : code;
  }
  return JSON.stringify(value);
}

function ChangeItem({ change }: { change: FrameworkChange }) {
  const kind = KIND[change.kind];
  return (
    <List.Item>
      <Group gap="xs" wrap="nowrap" align="baseline">
        <Badge variant="light" color={kind.color} style={{ flexShrink: 0 }}>
          {kind.label}
        </Badge>
        <Stack gap={2}>
          <Code>{change.where}</Code>
          {'before' in change && <Text size="sm">{`Avant : ${describe(change.before)}`}</Text>}
          {'after' in change && <Text size="sm">{`Après : ${describe(change.after)}`}</Text>}
        </Stack>
      </Group>
    </List.Item>
  );
}

/** « Comparer »: what changed from one version to another, located by codes. */
export function CompareVersions({
  certificationId,
  versions,
}: {
  certificationId: string;
  versions: VersionSummary[];
}) {
  const numbers = versions.map((v) => v.number).sort((a, b) => a - b);
  const [from, setFrom] = useState(String(numbers[numbers.length - 2] ?? numbers[0]));
  const [to, setTo] = useState(String(numbers[numbers.length - 1]));
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const diff = useVersionsDiff(certificationId, pair);
  const options = numbers.map((n) => ({ value: String(n), label: `Version ${n}` }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPair({ from: Number(from), to: Number(to) });
  };

  return (
    <section aria-labelledby="comparer">
      <Stack>
        <Title order={3} size="h4" id="comparer">
          Comparer deux versions
        </Title>
        <form onSubmit={submit}>
          <Group align="flex-end">
            <NativeSelect
              label="De la version"
              data={options}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
            />
            <NativeSelect
              label="À la version"
              data={options}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
            />
            <Button type="submit" variant="default">
              Comparer
            </Button>
          </Group>
        </form>
        {pair && (
          <QueryState query={diff} loadingLabel="Comparaison en cours…">
            {(data) =>
              data.changes.length === 0 ? (
                <Text role="status">{`Aucune différence entre les versions ${pair.from} et ${pair.to}.`}</Text>
              ) : (
                <Stack gap="xs">
                  <Text role="status">
                    {`${data.changes.length} ${data.changes.length > 1 ? 'différences' : 'différence'} de la version ${pair.from} à la version ${pair.to} :`}
                  </Text>
                  <List spacing="xs" listStyleType="none">
                    {data.changes.map((change) => (
                      <ChangeItem key={`${change.kind}-${change.where}`} change={change} />
                    ))}
                  </List>
                </Stack>
              )
            }
          </QueryState>
        )}
      </Stack>
    </section>
  );
}
