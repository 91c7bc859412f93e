import { Divider, Stack } from '@mantine/core';
import { QueryState } from '../../ui/QueryState';
import { AddHabilitationForm } from './AddHabilitationForm';
import { HabilitationsTable } from './HabilitationsTable';
import { useHabilitations } from './queries';

/** « Habilitations »: who may train, assess or sit on juries for this certification. */
export function HabilitationsTab({ certificationId }: { certificationId: string }) {
  return (
    <Stack gap="lg">
      <QueryState query={useHabilitations(certificationId)} loadingLabel="Chargement des habilitations…">
        {(data) => <HabilitationsTable certificationId={certificationId} habilitations={data.items} />}
      </QueryState>
      <Divider />
      <AddHabilitationForm certificationId={certificationId} />
    </Stack>
  );
}
