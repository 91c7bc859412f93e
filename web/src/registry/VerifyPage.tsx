import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../format/date';
import { plural } from '../format/plural';
import { COLORS } from '../ui/colors';
import { ListTable } from '../ui/ListTable';
import { Page } from '../ui/Page';
import { Pager } from '../ui/Pager';
import { QueryState } from '../ui/QueryState';
import { FicheSearchForm } from './FicheSearchForm';
import { useFicheSearch } from './queries';
import { RegistryStatusNote } from './RegistryStatusNote';

const PAGE_SIZE = 20;

/**
 * `/verifier-une-inscription`: anyone checks whether a certification is registered in the
 * RNCP or the Répertoire spécifique, by its number (straight to its fiche) or its title.
 */
export function VerifyPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const search = useFicheSearch(q, page, PAGE_SIZE);

  return (
    <Page title="Vérifier l’inscription d’une certification">
      <Text>
        Les fiches du Répertoire national des certifications professionnelles (RNCP) et du Répertoire
        spécifique (RS), telles que publiées par France compétences et importées dans Qualif.
      </Text>
      <FicheSearchForm value={q} />
      <RegistryStatusNote />
      {q && (
        <section aria-labelledby="resultats-registre">
          <Text id="resultats-registre" fw={600} mb="xs">
            Fiches correspondant à « {q} »
          </Text>
          <QueryState query={search} loadingLabel="Recherche dans le registre…">
            {(data) =>
              data.items.length === 0 ? (
                <Text>
                  Aucune fiche ne correspond. Vérifiez l’orthographe, ou cherchez par numéro (RNCP… ou RS…).
                </Text>
              ) : (
                <Stack aria-busy={search.isPlaceholderData}>
                  <ListTable
                    minWidth={600}
                    label={`Fiches correspondant à « ${q} »`}
                    columns={['Fiche', 'Intitulé', 'Niveau', 'Fin d’enregistrement', 'État']}
                  >
                    {data.items.map((f) => (
                      <Table.Tr key={f.numero}>
                        <Table.Td>
                          <Anchor component={Link} to={`/verifier-une-inscription/${f.numero}`}>
                            {f.numero}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{f.title}</Table.Td>
                        <Table.Td>{f.level ?? '—'}</Table.Td>
                        <Table.Td>{f.endDate ? formatDate(f.endDate) : '—'}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={f.active ? COLORS.success : COLORS.neutral}>
                            {f.active ? 'Active' : 'Inactive'}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </ListTable>
                  <Pager
                    page={data.page}
                    pageSize={data.pageSize}
                    total={data.total}
                    summary={plural(data.total, 'fiche trouvée', 'fiches trouvées')}
                    onChange={(p) => setParams(p === 1 ? { q } : { q, page: String(p) })}
                  />
                </Stack>
              )
            }
          </QueryState>
        </section>
      )}
    </Page>
  );
}
