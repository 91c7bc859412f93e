import {
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { Answer } from '../api/types';
import { useCurrentUser } from '../auth/currentUser';
import { formatDate } from '../format/date';
import { plural } from '../format/plural';
import { COLORS } from '../ui/colors';
import { Dialog } from '../ui/Dialog';
import { DialogForm } from '../ui/DialogForm';
import { fieldError } from '../ui/fieldError';
import { ListTable } from '../ui/ListTable';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { QueryState } from '../ui/QueryState';
import {
  type Certifier,
  type CertifierSettings,
  cdcKey,
  certifierPath,
  DEADLINE_STATE_LABELS,
  type DeadlineItem,
  type Deposit,
  type DepositCreated,
  type DepositRequest,
  fluxPath,
  identityFixPath,
  PASSAGE_RESULT_LABELS,
  reportPath,
  useCertifiers,
  useDeadlines,
  useDeposit,
  useDeposits,
} from './cdc';

export const CDC_PAGE_PATH = '/depots-cdc';

const STATE_COLORS: Record<DeadlineItem['state'], string> = {
  due: COLORS.info,
  late: COLORS.warning,
  rejected: COLORS.danger,
};
const RESULT_COLORS: Record<Deposit['passages'][number]['result'], string> = {
  pending: COLORS.neutral,
  ok: COLORS.success,
  already: COLORS.success,
  ko: COLORS.danger,
};

/** The branches the signed-in person is staff of (admins: every branch). */
function useStaffBranches() {
  const me = useCurrentUser();
  const admin = me.roles.some((g) => g.role === 'admin');
  const all = useQuery({
    queryKey: ['/api/v1/branches'],
    enabled: admin,
    queryFn: () => api.get<Answer<'/api/v1/branches'>>('/api/v1/branches'),
  });
  if (admin) return (all.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }));
  const seen = new Map<string, string>();
  for (const g of me.roles)
    if ((g.role === 'branch_manager' || g.role === 'advisor') && g.scope.type === 'branch' && g.scope.id)
      seen.set(g.scope.id, g.scope.label ?? g.scope.id);
  return [...seen].map(([value, label]) => ({ value, label }));
}

/** « Paramètres CDC »: client id and contract id of a certifier, for its branches' managers. */
function SettingsButton({ certifier }: { certifier: Certifier }) {
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [clientId, setClientId] = useState(certifier.settings?.clientId ?? '');
  const [contractId, setContractId] = useState(certifier.settings?.contractId ?? '');
  const save = useMutation({
    mutationFn: (body: CertifierSettings) => api.put<Certifier>(certifierPath(certifier.certifierId), body),
    onSuccess: async () => {
      setOpened(false);
      await queryClient.invalidateQueries({ queryKey: cdcKey });
    },
  });
  return (
    <>
      <Button
        size="compact-sm"
        variant="outline"
        onClick={() => setOpened(true)}
        aria-label={`Paramètres CDC de ${certifier.name}`}
      >
        {certifier.settings ? 'Modifier les paramètres' : 'Renseigner les paramètres'}
      </Button>
      <Dialog opened={opened} onClose={() => setOpened(false)} title={`Paramètres CDC — ${certifier.name}`}>
        <DialogForm
          onSubmit={() =>
            save.mutate({ clientId: clientId.trim(), contractId: contractId.trim(), xsdVersion: '1.1.2' })
          }
          onCancel={() => setOpened(false)}
          error={save.error}
          shownFields={['clientId', 'contractId']}
          pending={save.isPending}
          submitLabel="Enregistrer"
          dirty={
            clientId !== (certifier.settings?.clientId ?? '') ||
            contractId !== (certifier.settings?.contractId ?? '')
          }
        >
          <Text size="sm">
            Ce que la Caisse des Dépôts a attribué au certificateur (SIRET {certifier.certifierId}).
          </Text>
          <TextInput
            label="Identifiant client CDC"
            description="8 caractères"
            required
            value={clientId}
            onChange={(e) => setClientId(e.currentTarget.value)}
            error={fieldError(save.error, 'clientId')}
          />
          <TextInput
            label="Numéro de contrat"
            description="par exemple MCFCER000999"
            required
            value={contractId}
            onChange={(e) => setContractId(e.currentTarget.value)}
            error={fieldError(save.error, 'contractId')}
          />
        </DialogForm>
      </Dialog>
    </>
  );
}

/** The certifiers of the branch's certifications: settings, and « Préparer un lot ». */
function Certifiers({
  branchId,
  onCreated,
}: {
  branchId: string;
  onCreated: (created: DepositCreated) => void;
}) {
  const queryClient = useQueryClient();
  const certifiers = useCertifiers();
  const make = useMutation({
    mutationFn: (body: DepositRequest) => api.post<DepositCreated>(`${cdcKey[0]}/deposits`, body),
    onSuccess: async (created) => {
      onCreated(created);
      await queryClient.invalidateQueries({ queryKey: cdcKey });
    },
  });
  return (
    <section aria-labelledby="certificateurs">
      <Title order={2} size="h3" id="certificateurs" mb="sm">
        Certificateurs
      </Title>
      {make.error && <ProblemAlert error={make.error} />}
      <QueryState query={certifiers} loadingLabel="Chargement des certificateurs…">
        {({ items }) =>
          items.length === 0 ? (
            <Text size="sm">Aucune certification de vos branches n’a de certificateur.</Text>
          ) : (
            <ListTable
              minWidth={640}
              columns={['Certificateur', 'Paramètres CDC', 'Actions']}
              label="Certificateurs"
            >
              {items.map((c) => (
                <Table.Tr key={c.certifierId}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {c.name}
                    </Text>
                    <Text size="xs">SIRET {c.certifierId}</Text>
                  </Table.Td>
                  <Table.Td>
                    {c.settings ? (
                      <Text size="sm">
                        Client {c.settings.clientId}, contrat {c.settings.contractId} (schéma{' '}
                        {c.settings.xsdVersion})
                      </Text>
                    ) : (
                      <Text size="sm">Non renseignés</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {c.can.configure && <SettingsButton certifier={c} />}
                      {c.can.deposit && c.settings && (
                        <Button
                          size="compact-sm"
                          loading={make.isPending}
                          onClick={() => make.mutate({ branchId, certifierId: c.certifierId })}
                          aria-label={`Préparer un lot pour ${c.name}`}
                        >
                          Préparer un lot
                        </Button>
                      )}
                    </Group>
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

/** Due, late and refused deposits of the branch, with their deadline. */
function DeadlinesSection({ branchId }: { branchId: string }) {
  const deadlines = useDeadlines(branchId);
  return (
    <section aria-labelledby="echeances">
      <Title order={2} size="h3" id="echeances" mb="sm">
        À déposer, en retard, refusés
      </Title>
      <QueryState query={deadlines} loadingLabel="Chargement des échéances…">
        {(d) => {
          const items = [...d.late, ...d.rejected, ...d.due];
          return items.length === 0 ? (
            <Text size="sm">Aucun dépôt à faire : tout est déposé.</Text>
          ) : (
            <>
              <Text size="sm">
                {plural(d.late.length, 'en retard', 'en retard')},{' '}
                {plural(d.rejected.length, 'refusé', 'refusés')},{' '}
                {plural(d.due.length, 'à déposer', 'à déposer')}.
              </Text>
              <ListTable
                minWidth={760}
                columns={['Titulaire', 'Attestation', 'Certification', 'Date limite', 'État']}
                label="Dépôts à faire"
              >
                {items.map((i) => (
                  <Table.Tr key={i.awardId}>
                    <Table.Td>
                      <Anchor component={Link} to={identityFixPath(i.candidacyId)}>
                        {i.holderName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ff="monospace">{i.awardNumber}</Table.Td>
                    <Table.Td>{i.certification.code}</Table.Td>
                    <Table.Td>{formatDate(i.deadline)}</Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        <Badge variant="light" color={STATE_COLORS[i.state]}>
                          {DEADLINE_STATE_LABELS[i.state]}
                        </Badge>
                        {i.state === 'rejected' && i.lastPassage?.message && (
                          <Text size="xs">{i.lastPassage.message}</Text>
                        )}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </ListTable>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

/** One deposit's passages and their results; « Importer l’accusé » for the branch's managers. */
function DepositDetail({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const deposit = useDeposit(id);
  const importReport = useMutation({
    mutationFn: (file: File) => api.upload<Deposit>(reportPath(id), file, { contentType: 'application/xml' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cdcKey }),
  });
  return (
    <QueryState query={deposit} loadingLabel="Chargement du lot…">
      {(d) => (
        <Stack gap="sm">
          <Group gap="xs">
            <Button
              component="a"
              href={fluxPath(d.id)}
              download={d.fileName}
              size="compact-sm"
              variant="outline"
            >
              Télécharger le flux
            </Button>
            {d.can.deposit && (
              <FileButton
                onChange={(file) => file && importReport.mutate(file)}
                accept="application/xml,text/xml,.xml"
              >
                {(props) => (
                  <Button {...props} size="compact-sm" loading={importReport.isPending}>
                    Importer l’accusé de traitement
                  </Button>
                )}
              </FileButton>
            )}
          </Group>
          {importReport.error && <ProblemAlert error={importReport.error} />}
          {d.report?.fileError && (
            <Text size="sm" c="red.9">
              {d.report.fileError}
            </Text>
          )}
          <ListTable minWidth={640} columns={['Passage', 'Attestation', 'Résultat']} label="Passages du lot">
            {d.passages.map((p) => (
              <Table.Tr key={p.idTechnique}>
                <Table.Td ff="monospace">{p.idTechnique}</Table.Td>
                <Table.Td>
                  {p.result === 'ko' ? (
                    <Anchor component={Link} to={identityFixPath(p.candidacyId)}>
                      {p.awardNumber} — corriger l’identité
                    </Anchor>
                  ) : (
                    p.awardNumber
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Badge variant="light" color={RESULT_COLORS[p.result]}>
                      {PASSAGE_RESULT_LABELS[p.result]}
                    </Badge>
                    {p.message && p.result === 'ko' && <Text size="xs">{p.message}</Text>}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        </Stack>
      )}
    </QueryState>
  );
}

/** The branch's deposits, newest first; « Voir » opens one. */
function DepositsSection({ branchId }: { branchId: string }) {
  const deposits = useDeposits(branchId);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section aria-labelledby="lots">
      <Title order={2} size="h3" id="lots" mb="sm">
        Lots déposés
      </Title>
      <QueryState query={deposits} loadingLabel="Chargement des lots…">
        {({ items }) =>
          items.length === 0 ? (
            <Text size="sm">Aucun lot pour l’instant.</Text>
          ) : (
            <Stack gap="md">
              <ListTable
                minWidth={700}
                columns={['Créé le', 'Certificateur', 'Passages', 'Accusé', 'Actions']}
                label="Lots"
              >
                {items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>{formatDate(d.createdAt)}</Table.Td>
                    <Table.Td>{d.certifierName}</Table.Td>
                    <Table.Td>
                      {d.counts.passages} — {d.counts.ok + d.counts.already} acceptés, {d.counts.ko} refusés,{' '}
                      {d.counts.pending} en attente
                    </Table.Td>
                    <Table.Td>{d.report ? formatDate(d.report.importedAt) : 'Non importé'}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant={open === d.id ? 'filled' : 'outline'}
                        aria-expanded={open === d.id}
                        onClick={() => setOpen(open === d.id ? null : d.id)}
                        aria-label={`${open === d.id ? 'Fermer' : 'Voir'} le lot du ${formatDate(d.createdAt)}`}
                      >
                        {open === d.id ? 'Fermer' : 'Voir'}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </ListTable>
              {open && <DepositDetail id={open} />}
            </Stack>
          )
        }
      </QueryState>
    </section>
  );
}

/** What a new batch left out, per holder, with the link to fix the identity. */
function CreatedNotice({ created, onClose }: { created: DepositCreated; onClose: () => void }) {
  return (
    <Dialog opened onClose={onClose} title="Lot préparé">
      <Stack gap="sm">
        <Text size="sm">
          {plural(created.passages, 'passage', 'passages')} dans le flux, contrôlé contre le schéma de la
          Caisse des Dépôts. Téléchargez-le dans « Lots déposés ».
        </Text>
        {created.excluded.length > 0 && (
          <>
            <Text size="sm" fw={500}>
              {plural(created.excluded.length, 'attestation laissée', 'attestations laissées')} hors du lot :
            </Text>
            <ul>
              {created.excluded.map((e) => (
                <li key={e.awardId}>
                  <Text size="sm">{e.reasons.join(' ')}</Text>
                </li>
              ))}
            </ul>
          </>
        )}
        <Group justify="flex-end">
          <Button onClick={onClose}>Compris</Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

/**
 * `/depots-cdc`: the branch staff's deposits to the Caisse des Dépôts (docs/cdc-deposit.md) —
 * certifiers and their settings, due / late / refused deposits, batches with their flux and the
 * CDC's processing reports, per passage.
 */
export function CdcPage() {
  const branches = useStaffBranches();
  const [chosen, setChosen] = useState<string | null>(null);
  const [created, setCreated] = useState<DepositCreated | null>(null);
  const branchId = chosen ?? branches[0]?.value ?? null;
  return (
    <Page title="Dépôts CDC">
      <Text size="sm">
        Chaque titulaire d’une certification enregistrée au RNCP ou au RS se déclare à la Caisse des Dépôts
        dans les trois mois qui suivent l’attestation.
      </Text>
      {branches.length > 1 && (
        <Select
          label="Branche"
          data={branches}
          value={branchId}
          onChange={setChosen}
          allowDeselect={false}
          w={{ base: '100%', sm: 360 }}
        />
      )}
      {branchId === null ? (
        <Text size="sm">Vous n’êtes membre d’aucune branche.</Text>
      ) : (
        <>
          <Certifiers branchId={branchId} onCreated={setCreated} />
          <DeadlinesSection branchId={branchId} />
          <DepositsSection branchId={branchId} />
        </>
      )}
      {created && <CreatedNotice created={created} onClose={() => setCreated(null)} />}
    </Page>
  );
}
