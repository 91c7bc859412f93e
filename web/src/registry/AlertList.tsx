import { Anchor, Badge, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { RegistryAlert } from '../api/registry';
import { catalogueKey } from '../catalogue/queries';
import { plural } from '../format/plural';
import { ConfirmButton } from '../ui/ConfirmButton';
import { COLORS } from '../ui/colors';
import { DateTime } from '../ui/DateTime';
import { PagedResult } from '../ui/PagedResult';
import { ALERT_LABELS, CLOSED_BY_LABELS, describeAlert } from './labels';
import { registryKey, useAlerts } from './queries';

const PAGE_SIZE = 20;
const STATUSES = [
  { value: 'open', label: 'À traiter' },
  { value: 'applied', label: 'Appliquées' },
  { value: 'dismissed', label: 'Classées' },
];

/**
 * Differences between the registry and the catalogue, for the branches the person manages
 * (the API filters), with « Appliquer le registre » and « Classer ».
 */
export function AlertList({ certificationId }: { certificationId?: string }) {
  const [status, setStatus] = useState('open');
  const [page, setPage] = useState(1);
  const alerts = useAlerts({ status, certification: certificationId }, page, PAGE_SIZE);

  return (
    <Stack>
      <SegmentedControl
        aria-label="État des alertes"
        value={status}
        onChange={(value) => {
          setStatus(value);
          setPage(1);
        }}
        data={STATUSES}
        style={{ alignSelf: 'flex-start' }}
      />
      <PagedResult
        list={{ query: alerts, page, setPage }}
        loadingLabel="Chargement des alertes…"
        empty={
          status === 'open'
            ? 'Aucun écart à traiter : le catalogue et le registre concordent.'
            : 'Aucune alerte dans cet état.'
        }
        count={(total) => plural(total, 'alerte', 'alertes')}
      >
        {(items) =>
          items.map((alert) => (
            <AlertCard key={alert.id} alert={alert} showCertification={!certificationId} />
          ))
        }
      </PagedResult>
    </Stack>
  );
}

function AlertCard({ alert, showCertification }: { alert: RegistryAlert; showCertification: boolean }) {
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: registryKey });
    void client.invalidateQueries({ queryKey: catalogueKey });
  };
  const label = ALERT_LABELS[alert.kind];
  return (
    <Card withBorder component="article" aria-label={`${label} — ${alert.certification.title}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Badge
              variant="light"
              color={alert.kind === 'registration_ended' ? COLORS.danger : COLORS.warning}
            >
              {label}
            </Badge>
            <Anchor component={Link} to={`/verifier-une-inscription/${alert.numero}`}>
              {alert.numero}
            </Anchor>
          </Group>
          <Text size="sm" c="dimmed">
            Signalée le <DateTime value={alert.createdAt} />
          </Text>
        </Group>
        {showCertification && (
          <Anchor component={Link} to={`/gestion/certifications/${alert.certification.id}?onglet=registre`}>
            {alert.certification.code} — {alert.certification.title}
          </Anchor>
        )}
        <Text>{describeAlert(alert)}</Text>
        {alert.status !== 'open' && (
          <Text size="sm" c="dimmed">
            {alert.status === 'applied' ? 'Appliquée' : 'Classée'}
            {alert.resolvedAt && (
              <>
                {' '}
                le <DateTime value={alert.resolvedAt} />
              </>
            )}
            {alert.resolution &&
              CLOSED_BY_LABELS[alert.resolution] &&
              ` (${CLOSED_BY_LABELS[alert.resolution]})`}
          </Text>
        )}
        {alert.status === 'open' && alert.applyRefusal && (
          <Text size="sm" c="dimmed">
            Le registre ne peut pas être appliqué automatiquement : {alert.applyRefusal}
          </Text>
        )}
        {(alert.can.apply || alert.can.dismiss) && (
          <Group>
            {alert.can.apply && (
              <ConfirmButton
                color="blue"
                title="Appliquer le registre ?"
                message={applyMessage(alert)}
                confirmLabel="Appliquer"
                ariaLabel={`Appliquer le registre : ${label}, ${alert.numero}`}
                action={() => api.post(`/api/v1/registry/alerts/${alert.id}/apply`)}
                onDone={refresh}
              >
                Appliquer le registre
              </ConfirmButton>
            )}
            {alert.can.dismiss && (
              <ConfirmButton
                color="gray"
                buttonProps={{ variant: 'default' }}
                title="Classer cette alerte ?"
                message="Le catalogue ne change pas. Une alerte classée ne revient que si le registre change encore."
                confirmLabel="Classer"
                ariaLabel={`Classer l’alerte : ${label}, ${alert.numero}`}
                action={() => api.post(`/api/v1/registry/alerts/${alert.id}/dismiss`, {})}
                onDone={refresh}
              >
                Classer
              </ConfirmButton>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** What « Appliquer » will write, said for this alert: a registration the catalogue has or lacks, or a replacement. */
function applyMessage(alert: RegistryAlert): string {
  const audit = 'Le changement est tracé dans le journal d’audit.';
  if (alert.kind === 'successor') {
    return `La certification sera enregistrée comme remplacée par celle liée à la nouvelle fiche. ${audit}`;
  }
  const missing = ((alert.details as { fields?: string[] }).fields ?? []).includes('missing');
  return missing
    ? `L’inscription ${alert.numero} sera ajoutée au catalogue avec les dates et le niveau du registre. ${audit}`
    : `L’inscription ${alert.numero} du catalogue prendra les dates et le niveau du registre. ${audit}`;
}
