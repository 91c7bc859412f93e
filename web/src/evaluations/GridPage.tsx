import { Alert, Badge, Button, Card, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  BLOC_PROPOSAL_LABELS,
  COMPETENCY_RESULT_LABELS,
  CRITERION_MARK_LABELS,
  RESULT_STATUS_LABELS,
} from '../../../src/contracts/assessments';
import { api } from '../api/client';
import type { RequestBody } from '../api/types';
import { formatDate } from '../format/date';
import { formatDateTime } from '../format/dateTime';
import { ConfirmButton } from '../ui/ConfirmButton';
import { COLORS } from '../ui/colors';
import { Dialog } from '../ui/Dialog';
import { DialogForm } from '../ui/DialogForm';
import { fieldError } from '../ui/fieldError';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { QueryState } from '../ui/QueryState';
import {
  type AssessmentResult,
  type AssessmentSession,
  agendaKey,
  candidateName,
  type GridBloc,
  sessionKey,
  sessionPath,
} from './evaluations';

type Mark = { met: boolean | null; comment: string | null };
type DraftBody = RequestBody<'/api/v1/assessments/{id}/results/{blocCode}', 'put'>;
const keyOf = (competencyCode: string, criterionCode: string) => `${competencyCode}/${criterionCode}`;

const proposalColor = (p: AssessmentResult['proposal']) =>
  p === 'acquired' ? COLORS.success : p === 'not_acquired' ? COLORS.danger : COLORS.neutral;

function CorrectButton({ sessionId, bloc, onDone }: { sessionId: string; bloc: string; onDone: () => void }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const correct = useMutation({
    mutationFn: () =>
      api.post(`${sessionPath(sessionId)}/results/${encodeURIComponent(bloc)}/corrections`, { reason }),
    onSuccess: () => {
      close();
      setReason('');
      onDone();
    },
  });
  return (
    <>
      <Button variant="default" onClick={open}>
        Corriger
      </Button>
      <Dialog opened={opened} onClose={close} title={`Corriger le résultat du bloc ${bloc}`}>
        <DialogForm
          onSubmit={() => correct.mutate()}
          onCancel={close}
          error={correct.error}
          shownFields={['reason']}
          pending={correct.isPending}
          submitLabel="Ouvrir la correction"
          dirty={reason !== ''}
        >
          <Text size="sm">
            La correction est une nouvelle version de la grille ; la version signée reste en vigueur jusqu’à
            la signature de la correction.
          </Text>
          <Textarea
            label="Raison de la correction"
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError(correct.error, 'reason')}
            autosize
            minRows={2}
          />
        </DialogForm>
      </Dialog>
    </>
  );
}

function BlocGrid({ session, bloc }: { session: AssessmentSession; bloc: GridBloc }) {
  const queryClient = useQueryClient();
  const current = bloc.draft ?? bloc.signed;
  const editable = session.can.grade && (bloc.draft !== null || bloc.signed === null);
  const [marks, setMarks] = useState<Record<string, Mark>>(() =>
    Object.fromEntries(
      (current?.marks ?? []).map((m) => [
        keyOf(m.competencyCode, m.criterionCode),
        { met: m.met, comment: m.comment },
      ]),
    ),
  );
  const [result, setResult] = useState<AssessmentResult | null>(current);
  const base = `${sessionPath(session.id)}/results/${encodeURIComponent(bloc.code)}`;
  const save = useMutation({
    mutationFn: (body: DraftBody) => api.put<AssessmentResult>(base, body),
    onSuccess: setResult,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: sessionKey(session.id) });
    void queryClient.invalidateQueries({ queryKey: agendaKey });
  };
  const change = (competencyCode: string, criterionCode: string, next: Mark, send: boolean) => {
    setMarks((m) => ({ ...m, [keyOf(competencyCode, criterionCode)]: next }));
    if (send)
      save.mutate({ marks: [{ competencyCode, criterionCode, met: next.met, comment: next.comment }] });
  };
  const competencyResult = (code: string) =>
    result?.competencies.find((c) => c.code === code)?.result ?? 'pending';
  const proposal = result?.proposal ?? 'pending';
  return (
    <Card withBorder component="section" aria-labelledby={`bloc-${bloc.code}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h3" id={`bloc-${bloc.code}`}>
            {bloc.code} — {bloc.title}
          </Title>
          <Badge color={proposalColor(proposal)} variant="light">
            {BLOC_PROPOSAL_LABELS[proposal]}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Règle de validation : {bloc.ruleLabel}
          {result ? ` — ${result.met} critère(s) atteint(s) sur ${result.total}` : ''}
          {current ? ` — ${RESULT_STATUS_LABELS[current.status]}, version ${current.version}` : ''}
        </Text>
        {current?.correctionReason && <Text size="sm">Correction : {current.correctionReason}</Text>}
        {bloc.competencies.map((c) => (
          <Stack key={c.code} gap="xs">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Title order={3} size="h5">
                {c.code} — {c.title}
              </Title>
              <Text size="sm">{COMPETENCY_RESULT_LABELS[competencyResult(c.code)]}</Text>
            </Group>
            {c.criteria.map((k) => {
              const mark = marks[keyOf(c.code, k.code)] ?? { met: null, comment: null };
              const label = `${k.code} — ${k.text}`;
              return editable ? (
                <Stack key={k.code} gap={4} pl="sm">
                  <Radio.Group
                    label={label}
                    value={mark.met === null ? null : mark.met ? 'met' : 'not_met'}
                    onChange={(v) => change(c.code, k.code, { ...mark, met: v === 'met' }, true)}
                  >
                    <Group gap="md" mt={4}>
                      <Radio value="met" label={CRITERION_MARK_LABELS.met} />
                      <Radio value="not_met" label={CRITERION_MARK_LABELS.not_met} />
                    </Group>
                  </Radio.Group>
                  <Textarea
                    label={`Commentaire (${k.code})`}
                    value={mark.comment ?? ''}
                    onChange={(e) =>
                      change(c.code, k.code, { ...mark, comment: e.currentTarget.value }, false)
                    }
                    onBlur={() => change(c.code, k.code, mark, true)}
                    autosize
                    minRows={1}
                  />
                </Stack>
              ) : (
                <Text key={k.code} size="sm" pl="sm">
                  {label} :{' '}
                  <strong>
                    {mark.met === null ? 'sans réponse' : CRITERION_MARK_LABELS[mark.met ? 'met' : 'not_met']}
                  </strong>
                  {mark.comment ? ` — ${mark.comment}` : ''}
                </Text>
              );
            })}
          </Stack>
        ))}
        <Text size="sm" aria-live="polite">
          {save.isPending
            ? 'Enregistrement…'
            : editable && result
              ? `Brouillon enregistré (${formatDateTime(result.updatedAt)}).`
              : ''}
          {bloc.signed && !editable
            ? `Signé par ${bloc.signed.signedBy?.name ?? 'un évaluateur'} le ${formatDateTime(bloc.signed.signedAt ?? '')}.`
            : ''}
        </Text>
        {save.error && <ProblemAlert error={save.error} title="La saisie n’a pas été enregistrée" />}
        <Group gap="sm">
          {editable && (
            <ConfirmButton
              title={`Signer le résultat du bloc ${bloc.code} ?`}
              message="Une fois signé, le résultat ne change plus : seule une correction motivée pourra le remplacer."
              confirmLabel="Signer"
              color="blue"
              buttonProps={{ disabled: save.isPending }}
              action={() => api.post(`${base}/sign`)}
              onDone={refresh}
            >
              Signer
            </ConfirmButton>
          )}
          {session.can.grade && !editable && bloc.signed && (
            <CorrectButton sessionId={session.id} bloc={bloc.code} onDone={refresh} />
          )}
        </Group>
        {bloc.superseded.length > 0 && (
          <Text size="sm" c="dimmed">
            Versions remplacées :{' '}
            {bloc.superseded
              .map(
                (v) =>
                  `version ${v.version} (${BLOC_PROPOSAL_LABELS[v.proposal]}, signée le ${formatDateTime(v.signedAt ?? '')})`,
              )
              .join(' ; ')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** « Grille d’évaluation »: one session's grid, filled, signed and corrected by its evaluators, read by the others. */
export function GridPage() {
  const { assessmentId = '' } = useParams();
  const session = useQuery({
    queryKey: sessionKey(assessmentId),
    queryFn: () => api.get<AssessmentSession>(sessionPath(assessmentId)),
  });
  return (
    <Page title="Grille d’évaluation">
      <QueryState query={session} loadingLabel="Chargement de la grille…">
        {(s) => (
          <Stack gap="md">
            <Text>
              {candidateName(s.candidate)} — {s.certification.code} {s.certification.title} (version{' '}
              {s.frameworkVersion} du référentiel) — le {formatDate(s.date)}, évaluation par{' '}
              {s.evaluators.map((e) => e.name ?? 'compte désactivé').join(', ')}
              {s.secondAssessor ? `, avec ${s.secondAssessor.name} (${s.secondAssessor.trade})` : ''}.
            </Text>
            {s.cancelled && (
              <Alert color="gray" title="Évaluation annulée">
                Annulée le {formatDateTime(s.cancelled.at)} : {s.cancelled.reason}
              </Alert>
            )}
            {s.blocs.map((b) => (
              <BlocGrid key={`${b.code}-${b.draft?.id ?? ''}-${b.signed?.id ?? ''}`} session={s} bloc={b} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}
