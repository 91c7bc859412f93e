import { Alert, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import {
  VERIFICATION_CHECK_LABELS,
  VERIFICATION_VERDICT_LABELS,
  type VerificationVerdict,
  verificationVerdict,
} from '../../../src/contracts/verification';
import { formatDate } from '../format/date';
import { COLORS } from '../ui/colors';
import type { Verification } from './api';

const VERDICT_COLORS: Record<VerificationVerdict, string> = {
  valid: COLORS.success,
  revoked: COLORS.danger,
  suspended: COLORS.warning,
  falsified: COLORS.danger,
};

const VERDICT_TEXT: Record<VerificationVerdict, string> = {
  valid: 'Ce certificat a été délivré par Qualif, n’a pas été modifié et est en vigueur.',
  revoked: 'Ce certificat a été révoqué par la branche : il n’atteste plus de la certification.',
  suspended:
    'Ce certificat est suspendu par la branche : il n’atteste pas de la certification tant que dure la suspension.',
  falsified:
    'Ce document ne peut pas être tenu pour un certificat délivré par Qualif : voyez le détail des vérifications ci-dessous.',
};

const KIND_LABELS = { CQP: 'CQP', CQPI: 'CQPI' } as const;

/**
 * The answer of a verification as a person reads it: the verdict first (valide, révoqué,
 * suspendu, falsifié), then what Qualif certifies — holder, certification, blocs, date — when
 * the document is authentic, then each check in words.
 */
export function VerificationResult({ answer, heading }: { answer: Verification; heading: string }) {
  const verdict = verificationVerdict(answer);
  return (
    <Stack component="section" aria-labelledby="verification-resultat" gap="md">
      <Title order={2} id="verification-resultat" size="h3">
        {heading}
      </Title>
      <Alert
        color={VERDICT_COLORS[verdict]}
        title={VERIFICATION_VERDICT_LABELS[verdict]}
        data-verdict={verdict}
        role="status"
      >
        {VERDICT_TEXT[verdict]}
      </Alert>
      {answer.holder && answer.certification && (
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            Ce que Qualif atteste
          </Text>
          <Text>
            <Text span fw={600}>
              {answer.holder.name}
            </Text>{' '}
            — {KIND_LABELS[answer.certification.kind]} « {answer.certification.title} » (
            {answer.certification.code})
          </Text>
          {answer.awardedOn && <Text>Délivré le {formatDate(answer.awardedOn)}</Text>}
          {answer.blocs && answer.blocs.length > 0 && (
            <>
              <Text>Blocs de compétences :</Text>
              <List size="sm" spacing={2}>
                {answer.blocs.map((b) => (
                  <List.Item key={b.code}>
                    {b.code} — {b.title}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      )}
      <Stack gap="xs">
        <Text fw={600}>Vérifications</Text>
        <List spacing="xs" listStyleType="none" ml={0} pl={0}>
          {answer.checks.map((c) => (
            <List.Item key={c.check}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge
                  variant="light"
                  color={c.ok ? COLORS.success : COLORS.danger}
                  style={{ flexShrink: 0 }}
                  aria-label={c.ok ? 'Réussie' : 'Échouée'}
                >
                  {c.ok ? 'OK' : 'Échec'}
                </Badge>
                <Text size="sm">
                  <Text span fw={600}>
                    {VERIFICATION_CHECK_LABELS[c.check]}
                  </Text>{' '}
                  : {c.detail}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Stack>
  );
}
