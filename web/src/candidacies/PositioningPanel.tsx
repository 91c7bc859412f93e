import { Badge, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  BLOC_POSITIONING_STATE_LABELS,
  type BlocPositioningState,
  POSITIONING_LEVEL_LABELS,
  POSITIONING_LEVELS,
  type PositioningLevel,
} from '../../../src/contracts/positioning';
import { api } from '../api/client';
import { formatDayOf } from '../format/dateTime';
import { COLORS } from '../ui/colors';
import { ProblemAlert } from '../ui/ProblemAlert';
import { QueryState } from '../ui/QueryState';
import { CarriedBloc } from './CarriedBloc';
import { EvidenceFiles } from './EvidenceFiles';
import {
  type Positioning,
  type PositioningBloc,
  type PositioningCompetency,
  positioningPath,
  usePositioning,
  useRefreshPositioning,
} from './positioning';

/**
 * `organisation`: the training organisation (or staff) decides, the candidate's own positioning
 * beside; `self`: the candidate positions themself (their space, /mon-parcours).
 */
export type PositioningMode = 'organisation' | 'self';

type Decision = NonNullable<PositioningCompetency['organisation']>;

const STATE_COLORS: Record<BlocPositioningState, string> = {
  carried: COLORS.teal,
  acquired: COLORS.success,
  to_acquire: COLORS.warning,
  pending: COLORS.neutral,
};

function DecisionText({ who, decision, none }: { who: string; decision: Decision | null; none: string }) {
  return (
    <Text size="sm">
      <Text span fw={600}>
        {who} :
      </Text>{' '}
      {decision ? (
        <>
          {POSITIONING_LEVEL_LABELS[decision.level]}{' '}
          <Text span size="xs" c="dimmed">
            (le {formatDayOf(decision.decidedAt)}
            {decision.decidedByName ? `, par ${decision.decidedByName}` : ''})
          </Text>
          {decision.comment && <Text span fs="italic">{` — « ${decision.comment} »`}</Text>}
        </>
      ) : (
        <Text span c="dimmed">
          {none}
        </Text>
      )}
    </Text>
  );
}

/** Choosing a level (and a comment) for one competency, on one side, sent with « Enregistrer ». */
function LevelForm({
  candidacyId,
  competency,
  mode,
}: {
  candidacyId: string;
  competency: PositioningCompetency;
  mode: PositioningMode;
}) {
  const current = mode === 'self' ? competency.self : competency.organisation;
  const [level, setLevel] = useState<PositioningLevel | null>(current?.level ?? null);
  const [comment, setComment] = useState(current?.comment ?? '');
  const refresh = useRefreshPositioning(candidacyId);
  const path = `${positioningPath(candidacyId)}/${mode === 'self' ? 'self' : 'competencies'}/${encodeURIComponent(competency.code)}`;
  const mutation = useMutation({
    mutationFn: (body: { level: PositioningLevel; comment?: string }) => api.put(path, body),
    onSuccess: refresh,
  });
  const send = (chosen: PositioningLevel) =>
    mutation.mutate({ level: chosen, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  const changed = level !== null && (level !== current?.level || comment.trim() !== (current?.comment ?? ''));
  const self = competency.self;
  const confirmable = mode === 'organisation' && self !== null && current?.level !== self.level;
  return (
    <Stack gap="xs">
      <Radio.Group
        label={
          mode === 'self'
            ? `Mon positionnement (${competency.code})`
            : `Décision de l’organisme (${competency.code})`
        }
        value={level}
        onChange={(value) => setLevel(value as PositioningLevel)}
      >
        <Group gap="md" mt={4}>
          {POSITIONING_LEVELS.map((l) => (
            <Radio key={l} value={l} label={POSITIONING_LEVEL_LABELS[l]} />
          ))}
        </Group>
      </Radio.Group>
      <Textarea
        label="Commentaire (facultatif)"
        autosize
        minRows={1}
        maxLength={2000}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
      <Group gap="xs">
        <Button
          size="xs"
          disabled={!changed}
          loading={mutation.isPending}
          onClick={() => level && send(level)}
        >
          Enregistrer
        </Button>
        {confirmable && (
          <Button
            size="xs"
            variant="light"
            loading={mutation.isPending}
            onClick={() => {
              setLevel(self.level);
              send(self.level);
            }}
          >
            Confirmer l’auto-positionnement ({POSITIONING_LEVEL_LABELS[self.level]})
          </Button>
        )}
      </Group>
      {mutation.isSuccess && !changed && (
        <Text size="sm" role="status">
          Enregistré.
        </Text>
      )}
      {mutation.error && (
        <ProblemAlert error={mutation.error} title="Le positionnement n’a pas été enregistré" />
      )}
    </Stack>
  );
}

function CompetencyRow({
  positioning,
  competency,
  mode,
  carried,
}: {
  positioning: Positioning;
  competency: PositioningCompetency;
  mode: PositioningMode;
  carried: boolean;
}) {
  const canDecide = !carried && (mode === 'self' ? positioning.can.selfPosition : positioning.can.position);
  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={`competence-${competency.code}`}>
      <Stack gap={6}>
        <Text fw={600} id={`competence-${competency.code}`}>
          {competency.code} — {competency.title}
        </Text>
        <DecisionText
          who={mode === 'self' ? 'Moi' : 'Candidat·e'}
          decision={competency.self}
          none="pas d’auto-positionnement"
        />
        <DecisionText
          who="Organisme de formation"
          decision={competency.organisation}
          none={carried ? 'bloc acquis antérieurement' : 'à décider'}
        />
        {canDecide && <LevelForm candidacyId={positioning.candidacyId} competency={competency} mode={mode} />}
        <EvidenceFiles
          candidacyId={positioning.candidacyId}
          competencyCode={competency.code}
          subject={`pour ${competency.code}`}
          evidence={competency.evidence}
          canUpload={positioning.can.position || positioning.can.selfPosition}
        />
      </Stack>
    </Paper>
  );
}

function BlocSection({
  positioning,
  bloc,
  mode,
}: {
  positioning: Positioning;
  bloc: PositioningBloc;
  mode: PositioningMode;
}) {
  const { counts, state } = bloc.summary;
  return (
    <Stack gap="sm" component="section" aria-labelledby={`bloc-${bloc.code}`}>
      <Group gap="sm" justify="space-between">
        <Title order={2} id={`bloc-${bloc.code}`} size="h4">
          {bloc.code} — {bloc.title}
        </Title>
        <Group gap="xs">
          {!bloc.targeted && (
            <Badge color={COLORS.neutral} variant="outline">
              Non visé
            </Badge>
          )}
          <Badge color={STATE_COLORS[state]} variant="light">
            {BLOC_POSITIONING_STATE_LABELS[state]}
          </Badge>
        </Group>
      </Group>
      {state !== 'carried' && (
        <Text size="sm" c="dimmed">
          Acquises : {counts.held} · partiellement : {counts.partly} · à acquérir : {counts.toAcquire} · à
          décider : {counts.pending}
          {bloc.summary.selfPositioned > 0 ? ` · auto-positionnées : ${bloc.summary.selfPositioned}` : ''}
        </Text>
      )}
      <CarriedBloc
        candidacyId={positioning.candidacyId}
        bloc={bloc}
        correspondences={positioning.correspondences}
        canEdit={mode === 'organisation' && positioning.can.position}
      />
      {bloc.competencies.map((c) => (
        <CompetencyRow
          key={c.code}
          positioning={positioning}
          competency={c}
          mode={mode}
          carried={bloc.carried !== null}
        />
      ))}
    </Stack>
  );
}

function PositioningView({ positioning, mode }: { positioning: Positioning; mode: PositioningMode }) {
  const writable = positioning.can.position || positioning.can.selfPosition;
  return (
    <Stack gap="xl">
      <Text size="sm">
        {positioning.status === 'positioning'
          ? mode === 'self'
            ? 'Indiquez pour chaque compétence où vous en êtes : l’organisme de formation confirme ensuite.'
            : 'La décision de l’organisme de formation est celle qui compte ; l’auto-positionnement du candidat est indiqué à côté.'
          : 'Le positionnement se modifie à l’étape « Positionnement » seulement : il est affiché tel qu’il a été décidé.'}{' '}
        Référentiel version {positioning.frameworkVersion}.
      </Text>
      {positioning.blocs.map((bloc) => (
        <BlocSection key={bloc.code} positioning={positioning} bloc={bloc} mode={mode} />
      ))}
      {(positioning.evidence.length > 0 || writable) && (
        <Stack gap="sm" component="section" aria-labelledby="pieces-generales">
          <Title order={2} id="pieces-generales" size="h4">
            Autres pièces justificatives
          </Title>
          <EvidenceFiles
            candidacyId={positioning.candidacyId}
            competencyCode={null}
            subject="pour l’ensemble du positionnement"
            evidence={positioning.evidence}
            canUpload={writable}
          />
        </Stack>
      )}
    </Stack>
  );
}

/**
 * « Positionnement »: per bloc and competency of the pinned framework version, held / partly /
 * to acquire, the candidate's self-positioning beside the organisation's decision, evidence
 * files, blocs carried in. `mode="self"`: the candidate's own variant (their space).
 */
export function PositioningPanel({
  candidacyId,
  mode = 'organisation',
}: {
  candidacyId: string;
  mode?: PositioningMode;
}) {
  const positioning = usePositioning(candidacyId);
  return (
    <QueryState query={positioning} loadingLabel="Chargement du positionnement…">
      {(p) => <PositioningView positioning={p} mode={mode} />}
    </QueryState>
  );
}
