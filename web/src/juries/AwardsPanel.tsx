import { Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { AWARD_KIND_LABELS } from '../../../src/contracts/juries';
import { AwardActions } from '../awards/AwardActions';
import { AwardStatus } from '../awards/AwardStatus';
import { awardsKey } from '../awards/awards';
import { candidateName } from '../candidacies/candidacy';
import { formatDate } from '../format/date';
import { ListTable } from '../ui/ListTable';
import { QueryState } from '../ui/QueryState';
import { type Jury, useJuryAwards } from './juries';

/**
 * A closed session's awards: number, kind, candidate, blocs, status; suspend, reinstate, revoke when
 * allowed (web/src/awards, as on « Attributions »).
 */
export function AwardsPanel({ jury, enabled }: { jury: Jury; enabled: boolean }) {
  const queryClient = useQueryClient();
  const awards = useJuryAwards(jury, enabled);
  const nameOf = (candidacyId: string) => {
    const c = jury.candidacies.find((x) => x.id === candidacyId);
    return c ? candidateName(c.candidate) : '—';
  };
  return (
    <section aria-labelledby="attestations">
      <Title order={2} size="h3" id="attestations" mb="sm">
        Attestations
      </Title>
      <QueryState query={awards} loadingLabel="Chargement des attestations…">
        {(items) =>
          items.length === 0 ? (
            <Text size="sm">Cette session n’a créé aucune attestation.</Text>
          ) : (
            <ListTable
              minWidth={760}
              columns={['Numéro', 'Candidat·e', 'Nature', 'Blocs', 'État', 'Actions']}
              label="Attestations"
            >
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td ff="monospace">{a.number}</Table.Td>
                  <Table.Td>{nameOf(a.candidacyId)}</Table.Td>
                  <Table.Td>{AWARD_KIND_LABELS[a.kind]}</Table.Td>
                  <Table.Td>
                    {a.blocs
                      .map((b) =>
                        b.validUntil ? `${b.code} (jusqu’au ${formatDate(b.validUntil)})` : b.code,
                      )
                      .join(', ')}
                  </Table.Td>
                  <Table.Td>
                    <AwardStatus award={a} />
                  </Table.Td>
                  <Table.Td>
                    <AwardActions
                      award={a}
                      onDone={() => queryClient.invalidateQueries({ queryKey: awardsKey })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )
        }
      </QueryState>
    </section>
  );
}
