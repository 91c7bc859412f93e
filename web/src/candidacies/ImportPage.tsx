import { Alert, Anchor, Button, FileInput, Group, List, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api, type FieldError } from '../api/client';
import { plural } from '../format/plural';
import { COLORS } from '../ui/colors';
import { ListTable } from '../ui/ListTable';
import { Page } from '../ui/Page';
import { Pager } from '../ui/Pager';
import { ProblemAlert } from '../ui/ProblemAlert';
import { CANDIDACIES_PATH, type ImportResult, refreshCandidacies } from './enrolment';

const IMPORTS_PATH = `${CANDIDACIES_PATH}/imports`;
const TEMPLATE_PATH = `${IMPORTS_PATH}/template`;
/** Problems shown per page: a 1,000-row file may have many. */
const PROBLEMS_PER_PAGE = 50;

type Problem = Pick<FieldError, 'detail'> & { row?: number | undefined; column?: string | undefined };

/** The file's problems (or warnings) as a table: row, column, problem; paginated when long. */
function ProblemTable({ problems, caption }: { problems: readonly Problem[]; caption: string }) {
  const [page, setPage] = useState(1);
  const shown = problems.slice((page - 1) * PROBLEMS_PER_PAGE, page * PROBLEMS_PER_PAGE);
  return (
    <Stack gap="xs">
      <ListTable minWidth={560} caption={caption} columns={['Ligne', 'Colonne', 'Problème']}>
        {shown.map((p) => (
          // One item per cell: the API joins several problems of one cell.
          <Table.Tr key={`${p.row}-${p.column}-${p.detail}`}>
            <Table.Td>{p.row ?? '—'}</Table.Td>
            <Table.Td>{p.column ?? '—'}</Table.Td>
            <Table.Td>{p.detail}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      <Pager
        page={page}
        pageSize={PROBLEMS_PER_PAGE}
        total={problems.length}
        summary={plural(problems.length, 'ligne', 'lignes')}
        onChange={setPage}
      />
    </Stack>
  );
}

/** The file's refusal: the table of its problems (422), or the problem as the API said it. */
function Refusal({ error }: { error: Error }) {
  const rows = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  if (!(error instanceof ApiError) || error.status !== 422 || rows.length === 0)
    return <ProblemAlert error={error} />;
  return (
    <Stack gap="sm">
      <Alert color="red" title="Le fichier n’est pas importé">
        {error.problem.detail ?? 'Le fichier contient des erreurs.'} Rien n’a été inscrit : corrigez ces
        lignes puis vérifiez le fichier à nouveau.
      </Alert>
      <ProblemTable
        problems={rows}
        caption={`${plural(rows.length, 'problème', 'problèmes')} dans le fichier`}
      />
    </Stack>
  );
}

function Success({ result }: { result: ImportResult }) {
  return (
    <Stack gap="sm">
      {result.dryRun ? (
        <Alert color={COLORS.success} title="Le fichier est prêt" role="status">
          {plural(result.created, 'parcours serait créé', 'parcours seraient créés')} ; rien n’est encore
          inscrit. Cliquez sur « Importer » pour les créer.
        </Alert>
      ) : (
        <Alert color={COLORS.success} title="Import terminé" role="status">
          {plural(result.created, 'parcours créé', 'parcours créés')}.{' '}
          <Anchor component={Link} to="/candidatures">
            Voir les candidatures
          </Anchor>
        </Alert>
      )}
      {result.warnings.length > 0 && (
        <ProblemTable
          problems={result.warnings}
          caption={`${plural(result.warnings.length, 'point', 'points')} à vérifier (accepté)`}
        />
      )}
    </Stack>
  );
}

/**
 * `/candidatures/import`: bulk enrolment from the template (xlsx or CSV). « Vérifier » checks
 * the whole file without enrolling anyone; « Importer » enrols every row or none. Every problem
 * is listed with its row and column.
 */
export function ImportPage() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const send = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) =>
      api.upload<ImportResult>(`${IMPORTS_PATH}?dryRun=${dryRun}`, file as File),
    onSuccess: async (result) => {
      if (!result.dryRun) {
        setFile(null);
        await refreshCandidacies(queryClient);
      }
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate({ dryRun: false });
  };
  return (
    <Page title="Importer des inscriptions">
      <Stack gap="sm" maw={820}>
        <Text>Pour inscrire plusieurs candidats d’un coup :</Text>
        <List type="ordered" spacing={4}>
          <List.Item>
            téléchargez le{' '}
            <Anchor href={TEMPLATE_PATH} download>
              modèle (xlsx)
            </Anchor>{' '}
            et remplissez une ligne par candidat (CSV accepté aussi, séparé par « ; » ou « , ») ; un employeur
            absent de Qualif est enregistré avec l’import si vous indiquez sa raison sociale (colonne
            employeur_raison_sociale) à côté de son SIRET ;
          </List.Item>
          <List.Item>« Vérifier » contrôle tout le fichier sans rien inscrire ;</List.Item>
          <List.Item>« Importer » inscrit toutes les lignes, ou aucune s’il y a une erreur.</List.Item>
        </List>
        <form onSubmit={submit} aria-label="Import d’inscriptions">
          <Group align="flex-end" wrap="wrap">
            <FileInput
              label="Fichier d’inscriptions"
              description="xlsx ou CSV, 5 Mio et 10 000 lignes au plus"
              placeholder="Choisir un fichier"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={(next) => {
                setFile(next);
                send.reset();
              }}
              clearable
              clearButtonProps={{ 'aria-label': 'Retirer le fichier' }}
              style={{ flex: 1, minWidth: 240 }}
            />
            <Button
              variant="default"
              disabled={!file}
              loading={send.isPending && send.variables?.dryRun === true}
              onClick={() => send.mutate({ dryRun: true })}
            >
              Vérifier
            </Button>
            <Button
              type="submit"
              disabled={!file}
              loading={send.isPending && send.variables?.dryRun === false}
            >
              Importer
            </Button>
          </Group>
        </form>
        {send.error && <Refusal error={send.error} />}
        {send.data && <Success result={send.data} />}
      </Stack>
    </Page>
  );
}
