import { Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Certification } from '../api/catalogue';
import { KIND_DESCRIPTIONS } from './labels';

function Codes({ label, codes }: { label: string; codes: string[] }) {
  return (
    <div>
      <Text fw={600} size="sm">
        {label}
      </Text>
      {codes.length === 0 ? (
        <Text size="sm">—</Text>
      ) : (
        <Group gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {codes.map((code) => (
            <Badge component="li" key={code} variant="outline" color="gray" ff="monospace">
              {code}
            </Badge>
          ))}
        </Group>
      )}
    </div>
  );
}

/** Who owns the certification, for which branches and jobs, and its ROME, NSF and Formacode codes. */
export function IdentitySection({ certification: c }: { certification: Certification }) {
  return (
    <section aria-labelledby="identite">
      <Title order={2} id="identite" mb="sm">
        Identité
      </Title>
      <Stack gap="sm">
        <Text>{`${c.kind} · ${KIND_DESCRIPTIONS[c.kind]}`}</Text>
        {c.description && <Text style={{ whiteSpace: 'pre-line' }}>{c.description}</Text>}
        {c.jobsTargeted && (
          <Text>
            <Text span fw={600}>
              Métiers visés :
            </Text>{' '}
            {c.jobsTargeted}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <div>
            <Text fw={600} size="sm">
              {c.branches.length > 1 ? 'Branches professionnelles' : 'Branche professionnelle'}
            </Text>
            <Text size="sm">{c.branches.map((b) => b.name).join(', ')}</Text>
          </div>
          <div>
            <Text fw={600} size="sm">
              Propriétaire légal
            </Text>
            <Text size="sm">{c.legalOwner.name}</Text>
            <Text size="sm">{`SIRET ${c.legalOwner.siret}`}</Text>
          </div>
          <Codes label="Codes ROME" codes={c.romeCodes} />
          <Codes label="Codes NSF" codes={c.nsfCodes} />
          <Codes label="Formacodes" codes={c.formacodeCodes} />
        </SimpleGrid>
      </Stack>
    </section>
  );
}
