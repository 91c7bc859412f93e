import { Badge, Button, FileInput, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import type { ImportRun } from '../api/registry';
import type { Answer } from '../api/types';
import { COLORS } from '../ui/colors';
import { DateTime } from '../ui/DateTime';
import { ListTable } from '../ui/ListTable';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { QueryState } from '../ui/QueryState';
import { FILE_TYPE_LABELS, registryKindLabel } from './labels';
import { registryKey, useImportRuns } from './queries';

const STATUS = {
  running: { label: 'En cours', color: COLORS.info },
  succeeded: { label: 'Terminé', color: COLORS.success },
  failed: { label: 'Échoué', color: COLORS.danger },
} as const;

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1).replace('.', ',')} Mo`;

/** `/admin/registre`: an admin imports France compétences' export and follows each run. */
export function ImportsPage() {
  const [file, setFile] = useState<File | null>(null);
  const client = useQueryClient();
  const runs = useImportRuns();
  const upload = useMutation({
    mutationFn: (f: File) =>
      api.upload<Answer<'/api/v1/registry/imports', 'post', 202>>('/api/v1/registry/imports', f),
    onSuccess: () => {
      setFile(null);
      void client.invalidateQueries({ queryKey: registryKey });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (file) upload.mutate(file);
  }

  return (
    <Page title="Registre RNCP / RS : imports">
      <Text>
        Téléchargez l’export du jour sur data.gouv.fr (« Répertoire national des certifications
        professionnelles et répertoire spécifique » : zip XML RNCP ou RS, ou zip CSV), puis importez-le ici.
        Un import qui échoue ne change rien aux fiches déjà importées.
      </Text>
      <form onSubmit={submit}>
        <Group align="flex-end">
          <FileInput
            label="Fichier d’export"
            description="XML, zip XML ou zip CSV de France compétences"
            placeholder="Choisir un fichier"
            accept=".xml,.zip"
            value={file}
            onChange={setFile}
            clearable
            clearButtonProps={{ 'aria-label': 'Retirer le fichier choisi' }}
            style={{ flex: 1, minWidth: 260 }}
          />
          <Button type="submit" disabled={!file} loading={upload.isPending}>
            Importer
          </Button>
        </Group>
      </form>
      {upload.isError && <ProblemAlert error={upload.error} title="L’import n’a pas pu démarrer" />}
      <QueryState query={runs} loadingLabel="Chargement des imports…">
        {(data) =>
          data.items.length === 0 ? (
            <Text>Aucun import pour l’instant.</Text>
          ) : (
            <ListTable
              minWidth={640}
              caption="Les 50 derniers imports, du plus récent au plus ancien"
              columns={['Fichier', 'Début', 'État', 'Résultat']}
            >
              {data.items.map((run) => (
                <Table.Tr key={run.id}>
                  <Table.Td>
                    <Text size="sm">{run.fileName}</Text>
                    <Text size="xs" c="dimmed">
                      {[
                        run.kind && registryKindLabel(run.kind),
                        run.fileType && FILE_TYPE_LABELS[run.fileType],
                        run.version && `version ${run.version}`,
                        `par ${run.actor}`,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <DateTime value={run.startedAt} />
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS[run.status].color}>
                      {STATUS[run.status].label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <RunOutcome run={run} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )
        }
      </QueryState>
    </Page>
  );
}

function RunOutcome({ run }: { run: ImportRun }) {
  if (run.status === 'running') {
    const percent = run.bytesTotal > 0 ? Math.min(100, (run.bytesRead / run.bytesTotal) * 100) : 0;
    return (
      <Stack gap={4} role="status">
        <Progress value={percent} aria-label={`Avancement de l’import de ${run.fileName}`} />
        <Text size="sm">
          {megabytes(run.bytesRead)} sur {megabytes(run.bytesTotal)} ·{' '}
          {run.fichesRead.toLocaleString('fr-FR')} fiches lues
        </Text>
      </Stack>
    );
  }
  if (run.status === 'failed') {
    const where = [
      run.error?.line && `ligne ${run.error.line}`,
      run.error?.column && `colonne ${run.error.column}`,
    ]
      .filter(Boolean)
      .join(', ');
    return (
      <Text size="sm" c="red.8">
        {run.error?.message ?? 'Échec sans message.'}
        {where && !run.error?.message.includes('ligne') ? ` (${where})` : ''} Les fiches déjà importées sont
        inchangées.
      </Text>
    );
  }
  const c = run.counts;
  return (
    <Text size="sm">
      {c.new} nouvelles · {c.changed} modifiées · {c.unchanged} inchangées · {c.removed} absentes du fichier
      {c.rejected > 0 && ` · ${c.rejected} doublons ignorés`}
      {c.alerts > 0 && ` · ${c.alerts} alertes ouvertes`}
    </Text>
  );
}
