import { Badge, Card, Group, List, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import type { Framework } from '../api/catalogue';
import { ASSESSMENT_METHOD_LABELS, ruleLabel } from './labels';

type Level = 2 | 3 | 4;
type Content = Framework;
type Bloc = Content['competencies']['blocs'][number];
type Competency = Bloc['competencies'][number];
type Assessment = Content['assessment']['competencies'][number];

const next = (level: number) => Math.min(level + 1, 6) as TitleOrder;

function Activities({ activities, level }: { activities: Content['activities']; level: Level }) {
  return (
    <Stack gap="sm">
      <Title order={level}>Référentiel d’activités</Title>
      {activities.jobs.length > 0 && (
        <div>
          <Text fw={600}>Métiers visés</Text>
          <List>
            {activities.jobs.map((job) => (
              <List.Item key={`${job.title}-${job.romeCode ?? ''}`}>
                {job.title}
                {job.romeCode ? ` (ROME ${job.romeCode})` : ''}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {activities.activities.map((activity) => (
        <div key={activity.code}>
          <Title order={next(level)} size="h5">{`${activity.code} — ${activity.title}`}</Title>
          {activity.workSituations.length > 0 && (
            <>
              <Text size="sm" mt={4}>
                Situations de travail :
              </Text>
              <List size="sm">
                {activity.workSituations.map((situation) => (
                  <List.Item key={situation}>{situation}</List.Item>
                ))}
              </List>
            </>
          )}
        </div>
      ))}
    </Stack>
  );
}

function CompetencyView({
  competency,
  assessment,
  level,
}: {
  competency: Competency;
  assessment: Assessment | undefined;
  level: TitleOrder;
}) {
  return (
    <Stack gap={6}>
      <Group gap="xs" align="baseline">
        <Title order={level} size="h5">{`${competency.code} — ${competency.title}`}</Title>
        {competency.transversal && (
          <Badge variant="light" color="grape">
            Transversale
          </Badge>
        )}
      </Group>
      {competency.knowledge.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            Savoirs associés
          </Text>
          <List size="sm">
            {competency.knowledge.map((k) => (
              <List.Item key={k}>{k}</List.Item>
            ))}
          </List>
        </div>
      )}
      {assessment && (
        <>
          <Text size="sm">
            <Text span fw={600}>
              Modalités d’évaluation :
            </Text>{' '}
            {assessment.methods.map((m) => ASSESSMENT_METHOD_LABELS[m]).join(', ')}
          </Text>
          <div>
            <Text size="sm" fw={600}>
              Critères d’évaluation
            </Text>
            <List size="sm">
              {assessment.criteria.map((criterion) => (
                <List.Item key={criterion.code}>
                  {`${criterion.code} — ${criterion.text}`}
                  {criterion.indicators.length > 0 && (
                    <List size="sm" withPadding listStyleType="circle">
                      {criterion.indicators.map((indicator) => (
                        <List.Item key={indicator}>{indicator}</List.Item>
                      ))}
                    </List>
                  )}
                </List.Item>
              ))}
            </List>
          </div>
        </>
      )}
    </Stack>
  );
}

function BlocView({ bloc, content, level }: { bloc: Bloc; content: Content; level: TitleOrder }) {
  const assessments = bloc.competencies.map((c) =>
    content.assessment.competencies.find((a) => a.competencyCode === c.code),
  );
  const criteriaCount = assessments.reduce((n, a) => n + (a?.criteria.length ?? 0), 0);
  const rule = content.assessment.blocRules.find((r) => r.blocCode === bloc.code)?.rule;
  return (
    <Card withBorder component="section">
      <Stack gap="md">
        <div>
          <Title order={level} size="h4">{`${bloc.code} — ${bloc.title}`}</Title>
          {rule && (
            <Text size="sm" mt={4}>
              <Text span fw={600}>
                Règle de validation du bloc :
              </Text>{' '}
              {ruleLabel(rule, criteriaCount)}
            </Text>
          )}
        </div>
        {bloc.competencies.map((competency, i) => (
          <CompetencyView
            key={competency.code}
            competency={competency}
            assessment={assessments[i]}
            level={next(level)}
          />
        ))}
      </Stack>
    </Card>
  );
}

/** A framework version, read only: activities, then each bloc with its competencies and their assessment. */
export function FrameworkView({ content, level = 3 }: { content: Framework; level?: Level }) {
  return (
    <Stack gap="lg">
      <Activities activities={content.activities} level={level} />
      <Stack gap="sm">
        <Title order={level}>Blocs de compétences et modalités d’évaluation</Title>
        {content.competencies.blocs.map((bloc) => (
          <BlocView key={bloc.code} bloc={bloc} content={content} level={next(level)} />
        ))}
      </Stack>
    </Stack>
  );
}
