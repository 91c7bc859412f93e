import { Alert, Anchor, Badge, Group, Stack, Tabs, Text } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Certification } from '../api/catalogue';
import { useCertification } from '../catalogue/queries';
import { RecognitionBadge } from '../catalogue/RecognitionBadge';
import { StatusBadge } from '../catalogue/StatusBadge';
import { RegistryTab } from '../registry/RegistryTab';
import { COLORS } from '../ui/colors';
import { Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { FrameworksTab } from './frameworks/FrameworksTab';
import { HabilitationsTab } from './habilitations/HabilitationsTab';
import { IdentityTab } from './identity/IdentityTab';
import { LifecycleActions } from './LifecycleActions';
import { ManagerOnly } from './ManagerOnly';
import { RecognitionTab } from './recognition/RecognitionTab';

const TABS = {
  identite: 'Identité',
  reconnaissance: 'Reconnaissance',
  referentiels: 'Référentiels',
  habilitations: 'Habilitations',
  registre: 'Registre RNCP / RS',
} as const;
type Tab = keyof typeof TABS;

const isTab = (value: string | null): value is Tab => value !== null && value in TABS;

function Manage({ certification: c }: { certification: Certification }) {
  const [params, setParams] = useSearchParams();
  const asked = params.get('onglet');
  const tab: Tab = isTab(asked) ? asked : 'identite';
  // Changing tab keeps the address shareable, without a history entry per click.
  const select = (value: string | null) => {
    if (isTab(value)) setParams({ onglet: value }, { replace: true });
  };

  return (
    <Page title={c.title} documentTitle={`${c.title} — gestion`}>
      <Group gap="sm">
        <Badge variant="outline" color="gray">
          {c.kind}
        </Badge>
        <Text ff="monospace">{c.code}</Text>
        <StatusBadge status={c.status} />
        <RecognitionBadge recognition={c.recognition} />
        <Anchor component={Link} to={`/catalogue/${c.id}`}>
          {c.status === 'draft' ? 'Voir la fiche (brouillon)' : 'Voir la fiche publique'}
        </Anchor>
      </Group>
      <LifecycleActions certification={c} />
      {c.invitedBranches && c.invitedBranches.length > 0 && (
        <Alert color={COLORS.info} title="Co-portage en attente">
          Invitation envoyée à {c.invitedBranches.map((b) => b.name).join(', ')} : ces branches ne co-portent
          ce CQPI qu’après avoir accepté.
        </Alert>
      )}
      {!c.can?.update && (
        <Alert color={COLORS.warning} title="Consultation seule">
          Cette certification ne relève d’aucune de vos branches : vos modifications seront refusées.
        </Alert>
      )}
      <Tabs value={tab} onChange={select} keepMounted={false}>
        <Tabs.List aria-label="Sections de la certification" mb="md">
          {Object.entries(TABS).map(([value, label]) => (
            <Tabs.Tab key={value} value={value}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="identite">
          <IdentityTab certification={c} />
        </Tabs.Panel>
        <Tabs.Panel value="reconnaissance">
          <RecognitionTab certification={c} />
        </Tabs.Panel>
        <Tabs.Panel value="referentiels">
          <FrameworksTab certificationId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="habilitations">
          <HabilitationsTab certificationId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="registre">
          <RegistryTab certificationId={c.id} />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}

function ManageCertification() {
  const { id = '' } = useParams();
  const certification = useCertification(id);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/gestion/certifications">
        ← Mes certifications
      </Anchor>
      {certification.isPending && <Loading label="Chargement de la certification…" />}
      {certification.isError && (
        <Page title="Certification indisponible">
          <ProblemAlert error={certification.error} />
        </Page>
      )}
      {certification.data && <Manage certification={certification.data} />}
    </Stack>
  );
}

/** `/gestion/certifications/:id?onglet=…`: everything a branch manages about one certification. */
export function ManageCertificationPage() {
  return (
    <ManagerOnly>
      <ManageCertification />
    </ManagerOnly>
  );
}
