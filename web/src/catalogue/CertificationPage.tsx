import { Alert, Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { Certification } from '../api/catalogue';
import { CertificationEligibility } from '../eligibility/CertificationEligibility';
import { formatDateTime } from '../format/dateTime';
import { COLORS } from '../ui/colors';
import { Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { FrameworkView } from './FrameworkView';
import { IdentitySection } from './IdentitySection';
import { useCertification } from './queries';
import { RecognitionTimeline } from './RecognitionTimeline';
import { RecognitionToday } from './RecognitionToday';
import { StatusBadge } from './StatusBadge';
import { TrainingOrganisations } from './TrainingOrganisations';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} id={id} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

function Fiche({ certification: c }: { certification: Certification }) {
  return (
    <Page title={c.title}>
      <Group gap="sm">
        <Badge variant="outline" color="gray">
          {c.kind}
        </Badge>
        <Text ff="monospace">{c.code}</Text>
        {c.status !== 'active' && <StatusBadge status={c.status} />}
      </Group>
      {c.status === 'retired' && (
        <Alert color={COLORS.warning} title="Certification retirée du catalogue">
          Sa branche l’a retirée de son offre : elle n’accepte plus de nouvelle candidature. Sa fiche reste
          consultable avec son historique.
        </Alert>
      )}
      {c.status === 'draft' && (
        <Alert color={COLORS.info} title="Brouillon">
          Cette certification n’est pas encore au catalogue : seul le personnel de ses branches voit cette
          fiche.
        </Alert>
      )}
      <IdentitySection certification={c} />
      <Section id="reconnaissance" title="Reconnaissance">
        <Stack gap="md">
          <RecognitionToday recognition={c.recognition} />
          <Title order={3} size="h4">
            Historique
          </Title>
          <RecognitionTimeline periods={c.timeline} />
        </Stack>
      </Section>
      <Section id="voies-acces" title="Voies d’accès">
        <CertificationEligibility certificationId={c.id} />
      </Section>
      <Section id="referentiels" title="Référentiels">
        {c.framework ? (
          <Stack gap="md">
            <Text>{`Version ${c.framework.number}, publiée le ${formatDateTime(c.framework.publishedAt)}.`}</Text>
            <FrameworkView content={c.framework.content} level={3} />
          </Stack>
        ) : (
          <Text>Aucun référentiel n’est encore publié pour cette certification.</Text>
        )}
      </Section>
      <Section id="organismes" title="Organismes habilités">
        <TrainingOrganisations organisations={c.trainingOrganisations} />
      </Section>
    </Page>
  );
}

/** `/catalogue/:id`: the public fiche of a certification. */
export function CertificationPage() {
  const { id = '' } = useParams();
  const certification = useCertification(id);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/catalogue">
        ← Retour au catalogue
      </Anchor>
      {certification.isPending && <Loading label="Chargement de la fiche…" />}
      {certification.isError && (
        <Page title="Fiche indisponible">
          <ProblemAlert error={certification.error} />
        </Page>
      )}
      {certification.data && <Fiche certification={certification.data} />}
    </Stack>
  );
}
