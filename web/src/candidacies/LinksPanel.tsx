import { Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  CANDIDACY_LINK_KIND_LABELS,
  CANDIDACY_LINK_KINDS,
  type CandidacyLinkKind,
} from '../../../src/contracts/assessments';
import { api } from '../api/client';
import type { Answer, RequestBody, Schemas } from '../api/types';
import { formatDayOf } from '../format/dateTime';
import { ListTable } from '../ui/ListTable';
import { ProblemAlert } from '../ui/ProblemAlert';
import { QueryState } from '../ui/QueryState';
import { SearchSelect } from '../ui/SearchSelect';
import { candidacyKey, candidacyPath, hiddenAsNull } from './candidacy';

type Links = Schemas['CandidacyLinks'];
type LinksBody = RequestBody<'/api/v1/candidacies/{id}/links', 'put'>;

const linksKey = (candidacyId: string) => [...candidacyKey(candidacyId), 'links'] as const;
const KIND_OPTIONS = CANDIDACY_LINK_KINDS.map((k) => ({ value: k, label: CANDIDACY_LINK_KIND_LABELS[k] }));

/** The people the API offers to link (evaluators, the training organisation's and employer's accounts). */
function linkablePeople(candidacyId: string) {
  return async (q: string) => {
    const query = q ? `?q=${encodeURIComponent(q)}` : '';
    const found = await api.get<Answer<'/api/v1/candidacies/{id}/linkable-people'>>(
      `${candidacyPath(candidacyId)}/linkable-people${query}`,
    );
    return found.items.map((p) => ({ value: p.id, label: p.displayName }));
  };
}

function LinksView({ candidacyId, links }: { candidacyId: string; links: Links }) {
  const queryClient = useQueryClient();
  const [userId, setUserId] = useState<string | null>(null);
  const [kind, setKind] = useState<CandidacyLinkKind | null>(null);
  const save = useMutation({
    mutationFn: (body: LinksBody) => api.put<Links>(`${candidacyPath(candidacyId)}/links`, body),
    onSuccess: (answer) => {
      queryClient.setQueryData(linksKey(candidacyId), answer);
      setUserId(null);
      setKind(null);
    },
  });
  const current = links.links.map((l) => ({ kind: l.kind, userId: l.userId }));
  const add = () => {
    if (userId && kind) save.mutate({ links: [...current, { kind, userId }] });
  };
  const remove = (index: number) => save.mutate({ links: current.filter((_, i) => i !== index) });
  const { can } = links;
  return (
    <Stack gap="md">
      <Text size="sm">
        Les personnes liées au candidat dans ce parcours (formateur, tuteur, employeur…) ne peuvent pas
        l’évaluer.
      </Text>
      {links.links.length === 0 ? (
        <Text c="dimmed">Aucune personne liée au candidat n’est enregistrée.</Text>
      ) : (
        <ListTable
          label="Personnes liées au candidat"
          columns={
            can.edit ? ['Personne', 'Lien', 'Enregistré le', 'Action'] : ['Personne', 'Lien', 'Enregistré le']
          }
          minWidth={can.edit ? 520 : 400}
        >
          {links.links.map((l, index) => (
            <Table.Tr key={`${l.kind}-${l.userId}`}>
              <Table.Td>{l.name ?? 'Compte désactivé'}</Table.Td>
              <Table.Td>{CANDIDACY_LINK_KIND_LABELS[l.kind]}</Table.Td>
              <Table.Td>{formatDayOf(l.recordedAt)}</Table.Td>
              {can.edit && (
                <Table.Td>
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    disabled={save.isPending}
                    onClick={() => remove(index)}
                    aria-label={`Retirer le lien avec ${l.name ?? 'ce compte'} (${CANDIDACY_LINK_KIND_LABELS[l.kind]})`}
                  >
                    Retirer
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </ListTable>
      )}
      {can.edit && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
          noValidate
        >
          <Stack gap="sm">
            <Group gap="sm" align="flex-end" grow preventGrowOverflow={false} wrap="wrap">
              <SearchSelect
                label="Personne"
                placeholder="Nom ou adresse"
                queryKey={[...candidacyKey(candidacyId), 'linkable-people']}
                search={linkablePeople(candidacyId)}
                value={userId}
                onChange={setUserId}
                nothingFound="Aucune personne ne correspond."
                unavailable="Liste des personnes indisponible."
                miw={220}
              />
              <Select
                label="Lien avec le candidat"
                data={KIND_OPTIONS}
                value={kind}
                onChange={(value) => setKind(value as CandidacyLinkKind | null)}
                miw={200}
              />
            </Group>
            <Group>
              <Button type="submit" disabled={!userId || !kind} loading={save.isPending}>
                Ajouter le lien
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {save.error && <ProblemAlert error={save.error} title="Les liens n’ont pas été enregistrés" />}
    </Stack>
  );
}

/** « Liens »: the people linked to the candidate in this candidacy (conflicts of interest), added and removed as the API allows. */
export function LinksPanel({ candidacyId }: { candidacyId: string }) {
  const links = useQuery({
    queryKey: linksKey(candidacyId),
    // null: the API does not show this candidacy's links to the signed-in person.
    queryFn: () => api.get<Links>(`${candidacyPath(candidacyId)}/links`).catch(hiddenAsNull),
  });
  return (
    <QueryState query={links} loadingLabel="Chargement des liens…">
      {(data) =>
        data ? (
          <LinksView candidacyId={candidacyId} links={data} />
        ) : (
          <Text c="dimmed">
            Les personnes liées au candidat ne sont visibles que de l’organisme de formation et de la branche.
          </Text>
        )
      }
    </QueryState>
  );
}
