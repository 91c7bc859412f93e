import { Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { auditActionLabel, auditEntityLabel } from '../../../src/contracts/audit';
import { api } from '../api/client';
import type { Answer } from '../api/types';
import { DateTime } from '../ui/DateTime';
import { Dialog } from '../ui/Dialog';
import { ListTable } from '../ui/ListTable';
import { QueryState } from '../ui/QueryState';

type AuditEntry = Answer<'/api/v1/audit/{id}'>;
type Change = AuditEntry['diff'][string];

/** What the journal keeps in place of a personal value nested in a field. */
const PERSONAL_VALUE = '[donnée personnelle]';

/** Field names of recorded changes, in words (others are shown as recorded). */
const FIELD_LABELS: Record<string, string> = {
  email: 'Adresse e-mail',
  displayName: 'Nom affiché',
  grants: 'Rôles et périmètres',
  isActive: 'Compte actif',
  invitationValidDays: 'Validité de l’invitation (jours)',
  passwordChanged: 'Mot de passe changé',
  method: 'Méthode de connexion',
  revoked: 'Session fermée',
  name: 'Nom',
  idcc: 'IDCC',
  opco: 'OPCO',
  cpneMembers: 'Membres de la CPNE',
  kind: 'Type',
  siret: 'SIRET',
  ndaNumber: 'NDA',
  qualiopiIssuedOn: 'Qualiopi délivré le',
  qualiopiExpiresOn: 'Qualiopi valable jusqu’au',
  status: 'Statut',
  title: 'Intitulé',
  code: 'Code',
};

/** A recorded value, readable: personal values are never shown, only that they changed. */
function show(value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return 'vide';
  if (value === PERSONAL_VALUE) return 'modifié';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
    return value.length === 0 ? 'aucun' : value.map((v) => (v === PERSONAL_VALUE ? 'modifié' : v)).join(', ');
  return JSON.stringify(value, (_, v) => (v === PERSONAL_VALUE ? 'modifié' : v), 1);
}

function ChangeRow({ field, change }: { field: string; change: Change }) {
  const personal = change.changed === true;
  return (
    <Table.Tr>
      <Table.Th scope="row">{FIELD_LABELS[field] ?? field}</Table.Th>
      {personal ? (
        <Table.Td colSpan={2}>« modifié » (donnée personnelle, non conservée dans le journal)</Table.Td>
      ) : (
        <>
          <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {show(change.before)}
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {show(change.after)}
          </Table.Td>
        </>
      )}
    </Table.Tr>
  );
}

/** One journal entry and what it changed, field by field. */
export function AuditDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const entry = useQuery({
    queryKey: ['/api/v1/audit', id],
    queryFn: () => api.get<AuditEntry>(`/api/v1/audit/${id}`),
  });
  return (
    <Dialog opened onClose={onClose} title={`Entrée n° ${id} du journal`} size="xl">
      <QueryState query={entry} loadingLabel="Chargement de l’entrée…">
        {(e) => {
          const fields = Object.entries(e.diff);
          return (
            <Stack>
              <Text>
                <strong>{auditActionLabel(e.action)}</strong> par {e.actorLabel}, le <DateTime value={e.at} />
              </Text>
              <Text size="sm">
                {auditEntityLabel(e.entityType)} : {e.entityId}
              </Text>
              {fields.length === 0 ? (
                <Text>Aucun champ enregistré pour cette action.</Text>
              ) : (
                <ListTable minWidth={560} label="Champs modifiés" columns={['Champ', 'Avant', 'Après']}>
                  {fields.map(([field, change]) => (
                    <ChangeRow key={field} field={field} change={change} />
                  ))}
                </ListTable>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Dialog>
  );
}
