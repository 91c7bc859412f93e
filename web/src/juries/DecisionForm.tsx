import { Button, Group, NumberInput, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { JURY_OUTCOME_LABELS, JURY_OUTCOMES, type JuryOutcome } from '../../../src/contracts/juries';
import { api } from '../api/client';
import { candidateName } from '../candidacies/candidacy';
import { fieldError, fieldErrors } from '../ui/fieldError';
import { ProblemAlert } from '../ui/ProblemAlert';
import { type DecisionRequest, type JuryCandidacy, type JuryDecision, juryKey, juryPath } from './juries';

type Choice = 'yes' | 'no' | null;
type Draft = {
  blocs: Record<string, Choice>;
  outcome: JuryOutcome | null;
  reasons: string;
  recommendations: string;
  votes: { for: number | ''; against: number | ''; abstain: number | '' };
  correctionReason: string;
};

/** The outcome the blocs decided call for (carried ones count as validated), if all are decided. */
function outcomeOf(toDecide: readonly string[], blocs: Record<string, Choice>): JuryOutcome | null {
  const choices = toDecide.map((code) => blocs[code] ?? null);
  if (choices.some((c) => c === null)) return null;
  if (choices.every((c) => c === 'yes')) return 'full';
  return choices.some((c) => c === 'yes') ? 'partial' : 'refused';
}

function initialDraft(toDecide: readonly string[], from: JuryDecision | null): Draft {
  const blocs = Object.fromEntries(
    toDecide.map((code) => {
      const v = from?.blocs.find((b) => b.code === code)?.validated;
      return [code, v === true ? 'yes' : v === false ? 'no' : null];
    }),
  ) as Record<string, Choice>;
  return {
    blocs,
    outcome: from?.outcome ?? null,
    reasons: from?.reasons ?? '',
    recommendations: from?.recommendations ?? '',
    votes: {
      for: from?.votes?.for ?? '',
      against: from?.votes?.against ?? '',
      abstain: from?.votes?.abstain ?? '',
    },
    correctionReason: '',
  };
}

const NO_BLOC: readonly JuryOutcome[] = ['absent', 'deferred'];

/**
 * The jury's decision on one candidacy: validated or not per bloc (carried blocs are validated
 * already), the outcome (set from the blocs, or absent / deferred), reasons, recommendations,
 * votes. As a correction (`replaces`), the current decision's values to start from and the
 * reason, required. The API checks that the outcome agrees with the blocs.
 */
export function DecisionForm({
  juryId,
  candidacy,
  votesRequired,
  replaces,
  onDone,
}: {
  juryId: string;
  candidacy: JuryCandidacy;
  /** The session's rules require the votes with each decision. */
  votesRequired: boolean;
  replaces?: JuryDecision;
  onDone?: () => void;
}) {
  const queryClient = useQueryClient();
  const toDecide = candidacy.blocs.filter((b) => !b.carried).map((b) => b.code);
  const [draft, setDraft] = useState<Draft>(() => initialDraft(toDecide, replaces ?? null));
  const post = useMutation({
    mutationFn: (body: DecisionRequest) => api.post(`${juryPath(juryId)}/decisions`, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: juryKey(juryId) });
      onDone?.();
    },
  });
  const error = post.error;
  const noBloc = draft.outcome !== null && NO_BLOC.includes(draft.outcome);
  const setBloc = (code: string, choice: Choice) =>
    setDraft((d) => {
      const blocs = { ...d.blocs, [code]: choice };
      const outcome = outcomeOf(toDecide, blocs);
      return {
        ...d,
        blocs,
        outcome: outcome ?? (d.outcome && NO_BLOC.includes(d.outcome) ? null : d.outcome),
      };
    });
  /** A text field of the draft: its value, its setter and the API's error for it. */
  const text = (key: 'reasons' | 'recommendations' | 'correctionReason') => ({
    value: draft[key],
    onChange: (e: ChangeEvent<HTMLTextAreaElement>) => {
      const value = e.currentTarget.value;
      setDraft((d) => ({ ...d, [key]: value }));
    },
    error: fieldError(error, key),
  });
  const votesGiven = Object.values(draft.votes).some((v) => v !== '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: DecisionRequest = {
      candidacyId: candidacy.id,
      blocs: noBloc
        ? []
        : toDecide.flatMap((code) => {
            const c = draft.blocs[code];
            return c ? [{ code, validated: c === 'yes' }] : [];
          }),
      outcome: draft.outcome as JuryOutcome,
      ...(draft.reasons.trim() ? { reasons: draft.reasons.trim() } : {}),
      ...(draft.recommendations.trim() ? { recommendations: draft.recommendations.trim() } : {}),
      ...(votesGiven
        ? {
            votes: {
              for: Number(draft.votes.for || 0),
              against: Number(draft.votes.against || 0),
              abstain: Number(draft.votes.abstain || 0),
            },
          }
        : {}),
      ...(replaces ? { replaces: replaces.id, correctionReason: draft.correctionReason.trim() } : {}),
    };
    post.mutate(body);
  };
  const who = candidateName(candidacy.candidate);
  const name = replaces ? `Corriger la décision sur ${who}` : `Décision du jury sur ${who}`;
  const blocError = (code: string) => {
    const index = noBloc ? -1 : toDecide.filter((c) => draft.blocs[c]).indexOf(code);
    return index < 0 ? undefined : fieldErrors(error, `blocs.${index}`);
  };
  return (
    <form onSubmit={submit} aria-label={name} noValidate>
      <Stack gap="md">
        {replaces && (
          <Textarea
            label="Raison de la correction"
            required
            autosize
            minRows={2}
            {...text('correctionReason')}
            error={fieldError(error, 'correctionReason') ?? fieldError(error, 'replaces')}
          />
        )}
        {candidacy.blocs.map((b) =>
          b.carried ? (
            <Text key={b.code} size="sm">
              <Text span fw={500} size="sm">
                {b.code}
              </Text>{' '}
              {b.title} : validé (reporté d’une validation antérieure)
            </Text>
          ) : (
            <Radio.Group
              key={b.code}
              label={`${b.code} — ${b.title}`}
              value={draft.blocs[b.code] ?? null}
              onChange={(value) => setBloc(b.code, value as Choice)}
              error={blocError(b.code)}
            >
              <Group gap="md" mt={4}>
                <Radio value="yes" label="Validé" disabled={noBloc} />
                <Radio value="no" label="Non validé" disabled={noBloc} />
              </Group>
            </Radio.Group>
          ),
        )}
        {fieldError(error, 'blocs') && (
          <Text c="red" size="sm">
            {fieldError(error, 'blocs')}
          </Text>
        )}
        <Radio.Group
          label="Résultat"
          description="Déduit des blocs ; « Absent·e » ou « Décision ajournée » ne décident aucun bloc"
          required
          value={draft.outcome}
          onChange={(value) => setDraft((d) => ({ ...d, outcome: value as JuryOutcome }))}
          error={fieldError(error, 'outcome')}
        >
          <Stack gap={6} mt={4}>
            {JURY_OUTCOMES.map((o) => (
              <Radio key={o} value={o} label={JURY_OUTCOME_LABELS[o]} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea label="Motifs" autosize minRows={2} {...text('reasons')} />
        <Textarea
          label="Recommandations au candidat ou à la candidate"
          autosize
          minRows={2}
          {...text('recommendations')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`votes-${candidacy.id}`}>
            {votesRequired ? 'Votes (demandés par les règles de la branche)' : 'Votes (facultatifs)'}
          </Text>
          <Group gap="sm" role="group" aria-labelledby={`votes-${candidacy.id}`}>
            {(['for', 'against', 'abstain'] as const).map((k) => (
              <NumberInput
                key={k}
                label={{ for: 'Pour', against: 'Contre', abstain: 'Abstention' }[k]}
                min={0}
                max={1000}
                allowDecimal={false}
                w={100}
                required={votesRequired}
                value={draft.votes[k]}
                onChange={(value) =>
                  setDraft((d) => ({
                    ...d,
                    votes: { ...d.votes, [k]: typeof value === 'number' ? value : '' },
                  }))
                }
              />
            ))}
          </Group>
          {fieldErrors(error, 'votes') && (
            <Text c="red" size="sm">
              {fieldErrors(error, 'votes')}
            </Text>
          )}
        </Stack>
        {error && (
          <ProblemAlert
            error={error}
            shownFields={[
              'blocs',
              'outcome',
              'reasons',
              'recommendations',
              'votes',
              'correctionReason',
              'replaces',
            ]}
          />
        )}
        <Group>
          <Button type="submit" loading={post.isPending}>
            {replaces ? 'Enregistrer la correction' : 'Enregistrer la décision'}
          </Button>
          {onDone && (
            <Button variant="default" onClick={onDone}>
              Annuler
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
