import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { BLOC_PROPOSAL_LABELS } from '../../../src/contracts/assessments';
import { candidateStepOf } from '../../../src/contracts/candidate-steps';
import { BLOC_POSITIONING_STATE_LABELS } from '../../../src/contracts/positioning';
import { CandidacyStatusBadge } from '../candidacies/CandidacyPage';
import { statusLabel, useCandidacy } from '../candidacies/candidacy';
import { EvidenceFiles } from '../candidacies/EvidenceFiles';
import { JuryOutcome } from '../candidacies/JuryOutcome';
import { PathwayPanel } from '../candidacies/PathwayPanel';
import { PositioningPanel } from '../candidacies/PositioningPanel';
import { type PathwayAnswer, pathwayPdfPath, usePathway } from '../candidacies/pathway';
import { type Positioning, usePositioning } from '../candidacies/positioning';
import { formatDate, today } from '../format/date';
import { plural } from '../format/plural';
import { Dialog } from '../ui/Dialog';
import { type Assessment, type CandidacySummary, useAssessments } from './candidateSpace';
import { StepTrack } from './StepTrack';

/** The competencies the candidate has not positioned themself on yet. */
function notSelfPositioned(p: Positioning): number {
  return p.blocs
    .filter((b) => b.targeted && b.carried === null)
    .flatMap((b) => b.competencies)
    .filter((c) => c.self === null).length;
}

/**
 * A part of a candidacy's card. Its region is named by its heading and the card's (`of`): the
 * candidate may have several cards, and two regions named « Vos documents » alone would be
 * indistinguishable landmarks (axe landmark-unique).
 */
function Section({
  id,
  of,
  title,
  children,
}: {
  id: string;
  of: string;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <Stack gap={6} component="section" aria-labelledby={`${id} ${of}`}>
      <Title order={3} size="h5" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function sessionLine(a: Assessment): string {
  return `Le ${formatDate(a.date)} — ${plural(a.blocCodes.length, 'bloc', 'blocs')} : ${a.blocCodes.join(', ')}`;
}

/** The pathway step: read the pathway, then acknowledge it (in the dialog), or wait for it. */
function PathwayNext({ answer, onOpen }: { answer: PathwayAnswer | undefined; onOpen: () => void }) {
  const pathway = answer?.pathway;
  if (!answer || !pathway)
    return (
      <Text size="sm">
        Votre organisme de formation prépare votre parcours individuel (formations, mises en situation de
        travail…) à partir de votre positionnement : vous le lirez et le confirmerez ici.
      </Text>
    );
  const mine = pathway.acknowledgements.find((a) => a.party === 'candidate');
  const toDo = answer.can.acknowledge && !mine?.current;
  return (
    <Stack gap="xs" align="flex-start">
      <Text size="sm">
        {toDo
          ? pathway.missing.length > 0
            ? 'Votre parcours individuel est en préparation : votre organisme de formation le complète (heures, dates). Vous pouvez déjà le lire.'
            : 'À faire : lisez votre parcours individuel, puis indiquez que vous en avez pris connaissance.'
          : mine?.current
            ? `Vous avez pris connaissance de votre parcours individuel (révision ${mine.revision}).`
            : 'Votre parcours individuel est établi.'}
      </Text>
      <Button size="sm" variant={toDo ? 'filled' : 'light'} onClick={onOpen}>
        Voir mon parcours individuel
      </Button>
    </Stack>
  );
}

/** What the candidate does, or waits for, now: by the candidacy's state. */
function WhatNext({
  candidacy,
  positioning,
  pathway,
  upcoming,
  onPosition,
  onPathway,
}: {
  candidacy: CandidacySummary;
  positioning: Positioning | undefined;
  pathway: PathwayAnswer | undefined;
  upcoming: Assessment[];
  onPosition: () => void;
  onPathway: () => void;
}) {
  switch (candidacy.status) {
    case 'enrolled':
      return (
        <Text size="sm">
          Votre inscription est enregistrée. Votre organisme de formation ouvrira bientôt votre
          positionnement.
        </Text>
      );
    case 'positioning': {
      if (!positioning) return null;
      const left = notSelfPositioned(positioning);
      return (
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            {positioning.can.selfPosition && left > 0
              ? `À faire : indiquez où vous en êtes sur chaque compétence du référentiel (${plural(left, 'compétence reste', 'compétences restent')} à positionner). Votre organisme de formation confirme ensuite.`
              : 'Votre auto-positionnement est fait : votre organisme de formation le confirme.'}
          </Text>
          {positioning.can.selfPosition && (
            <Button size="sm" onClick={onPosition}>
              {left > 0 ? 'Me positionner' : 'Revoir mon positionnement'}
            </Button>
          )}
        </Stack>
      );
    }
    case 'pathway':
      return <PathwayNext answer={pathway} onOpen={onPathway} />;
    case 'assessment':
      return upcoming.length > 0 ? (
        <Stack gap={4}>
          <Text size="sm">
            {upcoming.length > 1 ? 'Vos évaluations sont prévues :' : 'Votre évaluation est prévue :'}
          </Text>
          <List size="sm">
            {upcoming.map((a) => (
              <List.Item key={a.id}>{sessionLine(a)}</List.Item>
            ))}
          </List>
        </Stack>
      ) : (
        <Text size="sm">
          Votre organisme de formation programme votre évaluation : sa date s’affichera ici.
        </Text>
      );
    case 'ready_for_jury':
      return (
        <Text size="sm">
          Vos évaluations sont terminées : votre dossier sera présenté au prochain jury de la certification.
        </Text>
      );
    case 'on_hold':
      return (
        <Text size="sm">
          Votre parcours est en pause
          {candidacy.heldFrom ? ` à l’étape « ${statusLabel(candidacy.heldFrom)} »` : ''}. Votre organisme de
          formation vous dira quand il reprend.
        </Text>
      );
    case 'withdrawn':
      return <Text size="sm">Ce parcours a pris fin (abandon).</Text>;
    case 'transferred':
      return (
        <Text size="sm">
          Ce parcours continue dans un autre organisme de formation : voyez le parcours qui le poursuit.
        </Text>
      );
    case 'awarded':
      return <Text size="sm">Le jury vous a délivré la certification : félicitations !</Text>;
    case 'partially_awarded':
      return (
        <Text size="sm">
          Le jury a validé une partie des blocs : ils restent acquis et seront reportés si vous vous présentez
          à nouveau pour les blocs restants.
        </Text>
      );
    case 'refused':
      return (
        <Text size="sm">
          Le jury n’a pas délivré la certification cette fois : lisez ses recommandations ci-dessous.
        </Text>
      );
  }
}

/** One candidacy in the candidate's space: its steps, what to do now, documents and results. */
export function CandidacyCard({ summary }: { summary: CandidacySummary }) {
  const detail = useCandidacy(summary.id);
  const positioning = usePositioning(summary.id);
  const assessments = useAssessments(summary.id);
  const pathway = usePathway(summary.id);
  const [open, setOpen] = useState<'positioning' | 'pathway' | null>(null);
  const step = candidateStepOf({ ...summary, history: detail.data?.history });
  const stopped = ['on_hold', 'withdrawn', 'transferred'].includes(summary.status);
  const sessions = (assessments.data?.items ?? []).filter((a) => a.status !== 'cancelled');
  // To come: not past, and not every bloc signed yet.
  const upcoming = sessions.filter((a) => a.date >= today() && a.results.length < a.blocCodes.length);
  const signed = sessions.flatMap((a) => a.results.map((r) => ({ ...r, date: a.date })));
  const blocTitle = (code: string) => positioning.data?.blocs.find((b) => b.code === code)?.title;
  const evidence = positioning.data
    ? [
        ...positioning.data.blocs.flatMap((b) => b.competencies.flatMap((c) => c.evidence)),
        ...positioning.data.evidence,
      ]
    : [];
  // The positioning's outcome per targeted bloc, once it is decided (from the pathway on).
  const positioned = positioning.data && step >= 2 ? positioning.data.blocs.filter((b) => b.targeted) : [];
  const headingId = `parcours-${summary.id}`;
  const title = `${summary.certification.code} — ${summary.certification.title}`;
  return (
    <Card withBorder component="article" aria-labelledby={headingId} padding="md">
      <Stack gap="md">
        <Stack gap={4}>
          <Group gap="sm" justify="space-between" align="flex-start">
            <Title order={2} size="h3" id={headingId} style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Title>
            <CandidacyStatusBadge status={summary.status} />
          </Group>
          <Text size="sm" c="dimmed">
            {summary.trainingOrganisation.name} · inscription le {formatDate(summary.enrolledOn)}
            {summary.wholeCertification
              ? ''
              : ` · ${plural(summary.blocCodes.length, 'bloc visé', 'blocs visés')} : ${summary.blocCodes.join(', ')}`}
          </Text>
        </Stack>
        <StepTrack
          current={step}
          stopped={stopped}
          label={`Étapes du parcours ${summary.certification.code}`}
        />
        <Section id={`${headingId}-suite`} of={headingId} title="Où vous en êtes">
          <WhatNext
            candidacy={summary}
            positioning={positioning.data}
            pathway={pathway.data}
            upcoming={upcoming}
            onPosition={() => setOpen('positioning')}
            onPathway={() => setOpen('pathway')}
          />
          {summary.transferredFromId && (
            <Text size="sm" c="dimmed">
              Repris d’un autre organisme de formation : votre parcours continue à la même étape.
            </Text>
          )}
        </Section>
        <Section id={`${headingId}-documents`} of={headingId} title="Vos documents">
          {pathway.data?.pathway && (
            <Group gap="sm">
              <Anchor href={pathwayPdfPath(summary.id)} download size="sm">
                Mon parcours individuel (PDF)
              </Anchor>
              {summary.status !== 'pathway' && (
                <Button size="compact-sm" variant="light" onClick={() => setOpen('pathway')}>
                  Voir mon parcours individuel
                </Button>
              )}
            </Group>
          )}
          {evidence.length > 0 ? (
            <EvidenceFiles
              candidacyId={summary.id}
              competencyCode={null}
              subject=""
              evidence={evidence}
              canUpload={false}
            />
          ) : (
            !pathway.data?.pathway && (
              <Text size="sm" c="dimmed">
                Aucun document pour l’instant.
              </Text>
            )
          )}
        </Section>
        {detail.data?.jury && (
          <Section id={`${headingId}-jury`} of={headingId} title="Décision du jury">
            <JuryOutcome jury={detail.data.jury} blocTitle={blocTitle} />
          </Section>
        )}
        {(positioned.length > 0 || signed.length > 0) && (
          <Section id={`${headingId}-resultats`} of={headingId} title="Vos résultats">
            {signed.length > 0 && (
              <>
                <Text size="sm">Évaluations, par bloc (proposition de l’évaluateur : le jury décide) :</Text>
                <List size="sm" spacing={2}>
                  {signed.map((r) => (
                    <List.Item key={`${r.date}:${r.blocCode}`}>
                      {r.blocCode}
                      {blocTitle(r.blocCode) ? ` — ${blocTitle(r.blocCode)}` : ''} :{' '}
                      {BLOC_PROPOSAL_LABELS[r.proposal]}{' '}
                      <Text span size="xs" c="dimmed">
                        (évaluation du {formatDate(r.date)})
                      </Text>
                    </List.Item>
                  ))}
                </List>
              </>
            )}
            {positioned.length > 0 && (
              <>
                <Text size="sm">Positionnement, par bloc visé :</Text>
                <List size="sm" spacing={2}>
                  {positioned.map((b) => (
                    <List.Item key={b.code}>
                      {b.code} — {b.title} : {BLOC_POSITIONING_STATE_LABELS[b.summary.state]}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Section>
        )}
        {(positioning.isError || assessments.isError || detail.isError || pathway.isError) && (
          <Alert color="red" variant="light" title="Une partie de ce parcours n’a pas pu être chargée">
            Rechargez la page dans un instant.
          </Alert>
        )}
      </Stack>
      <Dialog
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={`${open === 'pathway' ? 'Mon parcours individuel' : 'Mon positionnement'} — ${summary.certification.code}`}
        size="xl"
      >
        {open === 'pathway' ? (
          <PathwayPanel candidacyId={summary.id} />
        ) : (
          <PositioningPanel candidacyId={summary.id} mode="self" />
        )}
      </Dialog>
    </Card>
  );
}
