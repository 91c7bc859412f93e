import {
  Anchor,
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  List,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import {
  AWARD_DOCUMENT_LABELS,
  AWARDS_PATH,
  type Award,
  type AwardPage,
  awardsKey,
  certificatePdfPath,
  credentialPath,
  linkedInAddUrl,
  STATUS_COLORS,
  statusLabel,
  statusReason,
  verificationUrl,
} from '../awards/awards';
import { useCertification } from '../catalogue/queries';
import { formatDate } from '../format/date';
import { plural } from '../format/plural';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/QueryState';

/** The holder's own awards (the API scopes the list to them), newest first. */
function useMyAwards() {
  return useQuery({
    queryKey: [...awardsKey, 'mine'],
    queryFn: () => api.get<AwardPage>(`${AWARDS_PATH}?pageSize=100`),
    // A revocation or suspension must show when the page is opened again.
    staleTime: 0,
  });
}

/** The share link, selectable, with a copy button. */
function ShareLink({ url }: { url: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-end">
      <TextInput
        label="Lien de vérification à partager"
        value={url}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
        style={{ flex: 1, minWidth: 0 }}
      />
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Button variant="default" onClick={copy}>
            {copied ? 'Lien copié' : 'Copier le lien'}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** One award: what it certifies, its status, its documents, how to share and verify it. */
function AwardCard({ award }: { award: Award }) {
  const certification = useCertification(award.certification.id);
  const headingId = `award-${award.id}`;
  const document = AWARD_DOCUMENT_LABELS[award.kind];
  const reason = statusReason(award);
  const url = verificationUrl(window.location.origin, award.verificationCode);
  const blocTitles = new Map(
    (certification.data?.framework?.content.competencies.blocs ?? []).map((b) => [b.code, b.title]),
  );
  const issuer = certification.data?.branches.map((b) => b.name).join(', ') || 'Qualif';
  return (
    <Card withBorder component="article" aria-labelledby={headingId} padding="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={2} size="h4" id={headingId}>
              {`${award.certification.code} — ${award.certification.title}`}
            </Title>
            <Text size="sm" c="dimmed">
              {`${document} n° ${award.number}, délivré${award.kind === 'partial' ? 'e' : ''} le ${formatDate(award.awardedOn)}`}
            </Text>
          </Stack>
          <Badge variant="light" color={STATUS_COLORS[award.status]}>
            {statusLabel(award.status, award.kind)}
          </Badge>
        </Group>
        {reason && (
          <Text size="sm">
            {award.status === 'revoked' ? 'Motif du retrait : ' : 'Motif de la suspension : '}
            {reason}
          </Text>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {award.kind === 'full'
              ? 'Blocs de compétences de la certification'
              : plural(award.blocs.length, 'bloc de compétences validé', 'blocs de compétences validés')}
          </Text>
          <List size="sm" spacing={2}>
            {award.blocs.map((b) => (
              <List.Item key={b.code}>
                {blocTitles.get(b.code) ? `${b.code} — ${blocTitles.get(b.code)}` : b.code}
                {b.validUntil ? ` (acquis jusqu’au ${formatDate(b.validUntil)})` : ''}
              </List.Item>
            ))}
          </List>
        </Stack>
        <Text size="sm">
          Code de vérification :{' '}
          <Text span ff="monospace" fw={600}>
            {award.verificationCode}
          </Text>
        </Text>
        {award.status === 'valid' && <ShareLink url={url} />}
        <Group gap="xs">
          <Button component="a" variant="default" href={certificatePdfPath(award.id)} download>
            {`Télécharger le ${award.kind === 'full' ? 'certificat' : 'l’attestation'} (PDF)`}
          </Button>
          <Button component="a" variant="default" href={credentialPath(award.id)} download>
            Télécharger l’attestation numérique (JSON)
          </Button>
          {award.status === 'valid' && (
            <Button
              component="a"
              variant="default"
              href={linkedInAddUrl({
                name: `${award.certification.title} (${award.certification.code})`,
                organizationName: issuer,
                awardedOn: award.awardedOn,
                certUrl: url,
                certId: award.number,
              })}
              target="_blank"
              rel="noopener noreferrer"
            >
              Ajouter à mon profil LinkedIn
            </Button>
          )}
        </Group>
        {award.status === 'valid' && (
          <Text size="xs" c="dimmed">
            Un employeur vérifie ce {document.toLowerCase()} avec le lien ou le code sur{' '}
            <Anchor href={url} size="xs" underline="always">
              la page « Vérifier un certificat »
            </Anchor>
            , ou en y déposant le PDF ou l’attestation numérique.
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/**
 * `/mes-certifications`: the holder's certificates and bloc attestations — what each certifies,
 * its status (valid, revoked or suspended with the reason), the sealed PDF and the signed Open
 * Badges credential to download, the verification code and share link, « Ajouter à mon profil
 * LinkedIn ».
 */
export function CertificationsPage() {
  const awards = useMyAwards();
  return (
    <Page title="Mes certifications">
      <QueryState query={awards} loadingLabel="Chargement de vos certifications…">
        {({ items }) =>
          items.length === 0 ? (
            <Text>
              Vous n’avez pas encore de certificat ni d’attestation de blocs. Quand un jury vous en délivre
              un, il apparaît ici, avec son PDF et son attestation numérique à partager.
            </Text>
          ) : (
            <Stack gap="lg">
              <Text>
                {plural(items.length, 'document délivré par un jury', 'documents délivrés par un jury')}.
              </Text>
              {items.map((a) => (
                <AwardCard key={a.id} award={a} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Page>
  );
}
