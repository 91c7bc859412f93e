import { Anchor, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { AWARD_STATUSES } from '../../../src/contracts/juries';
import { candidateName } from '../candidacies/candidacy';
import { certificationOptions } from '../catalogue/queries';
import { formatDate } from '../format/date';
import { plural } from '../format/plural';
import { FilteredList, useAddressFilters } from '../ui/AddressFilters';
import { ListTable } from '../ui/ListTable';
import { Page } from '../ui/Page';
import { PagedResult } from '../ui/PagedResult';
import { SearchSelect } from '../ui/SearchSelect';
import { usePagedList } from '../ui/usePagedList';
import { AwardActions } from './AwardActions';
import { AwardStatus } from './AwardStatus';
import {
  AWARD_DOCUMENT_LABELS,
  AWARDS_PATH,
  type Award,
  type AwardPage,
  awardsKey,
  certificatePdfPath,
  credentialPath,
} from './awards';

const PAGE_SIZE = 20;
const FILTERS = ['certificationId', 'year', 'status'] as const;

/** The list's status filter, said of awards in general (« attestations »: feminine). */
const STATUS_FILTER_LABELS = { valid: 'Valides', suspended: 'Suspendues', revoked: 'Révoquées' } as const;

/**
 * `/attributions`: the certificates and bloc attestations the signed-in staff may read (the API
 * scopes them to their branches' certifications; admins all), filtered by certification, year and
 * status, paginated; each with its status, its documents (sealed PDF, signed credential), its
 * candidacy, and — for the certification's branch managers — suspend, reinstate, revoke.
 */
export function AwardsPage() {
  const queryClient = useQueryClient();
  const address = useAddressFilters(FILTERS);
  const { filters } = address;
  const list = usePagedList<Award, AwardPage>(AWARDS_PATH, PAGE_SIZE, filters);
  const first = list.query.data?.items[0];
  const certificationLabel =
    first && filters.certificationId === first.certification.id
      ? `${first.certification.code} — ${first.certification.title}`
      : undefined;
  const refresh = () => queryClient.invalidateQueries({ queryKey: awardsKey });
  return (
    <Page title="Attributions">
      <Text>
        Les certificats et attestations de blocs délivrés par les jurys de vos branches : leur statut, leurs
        documents, et leur suspension ou leur retrait.
      </Text>
      <FilteredList
        label="Filtrer les attributions"
        address={address}
        fields={(draft, set) => (
          <>
            <SearchSelect
              label="Certification"
              placeholder="Toutes"
              description="Code ou intitulé"
              clearable
              queryKey={['awards', 'filter', 'certifications']}
              search={(q) => certificationOptions(q, 20)}
              value={draft.certificationId ?? null}
              valueLabel={certificationLabel}
              onChange={set('certificationId')}
              nothingFound="Aucune certification ne correspond."
              unavailable="Liste des certifications indisponible."
              w={280}
            />
            <TextInput
              label="Année"
              inputMode="numeric"
              placeholder="Toutes"
              value={draft.year ?? ''}
              onChange={(e) => set('year')(e.currentTarget.value.replace(/\D/g, '').slice(0, 4))}
              w={120}
            />
            <Select
              label="Statut"
              placeholder="Tous"
              clearable
              data={AWARD_STATUSES.map((s) => ({ value: s, label: STATUS_FILTER_LABELS[s] }))}
              value={draft.status ?? null}
              onChange={set('status')}
              w={180}
            />
          </>
        )}
      >
        <PagedResult
          list={list}
          loadingLabel="Chargement des attributions…"
          empty={
            address.active > 0
              ? 'Aucune attribution ne correspond.'
              : 'Aucune attribution pour l’instant : elles sont créées à la clôture d’une session de jury.'
          }
          count={(total) => plural(total, 'attribution', 'attributions')}
        >
          {(items) => (
            <ListTable
              minWidth={1120}
              label="Attributions"
              columns={[
                'Numéro',
                'Titulaire',
                'Certification',
                'Nature',
                'Délivrée le',
                'Statut',
                'Documents',
                'Actions',
              ]}
            >
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text size="sm" ff="monospace">
                        {a.number}
                      </Text>
                      <Anchor component={Link} to={`/candidatures/${a.candidacyId}`} size="xs">
                        {`Parcours de ${a.number}`}
                      </Anchor>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.candidate ? candidateName(a.candidate) : '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <Text span fw={500} size="sm">
                        {a.certification.code}
                      </Text>{' '}
                      {a.certification.title}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{AWARD_DOCUMENT_LABELS[a.kind]}</Text>
                    <Text size="xs" c="dimmed">
                      {a.blocs.map((b) => b.code).join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDate(a.awardedOn)}</Table.Td>
                  <Table.Td>
                    <AwardStatus award={a} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={8} wrap="nowrap">
                      <Anchor
                        href={certificatePdfPath(a.id)}
                        download
                        size="sm"
                        aria-label={`PDF de ${a.number}`}
                      >
                        PDF
                      </Anchor>
                      <Anchor
                        href={credentialPath(a.id)}
                        download
                        size="sm"
                        aria-label={`Attestation numérique (JSON) de ${a.number}`}
                      >
                        JSON
                      </Anchor>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <AwardActions award={a} onDone={refresh} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </PagedResult>
      </FilteredList>
    </Page>
  );
}
