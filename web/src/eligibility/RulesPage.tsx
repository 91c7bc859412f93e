import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatPeriod } from '../format/date';
import { Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useEligibilityRules } from './api';
import { RuleText } from './RuleText';

/** `/regles-d-acces`: every rule, generated from the rule files themselves. */
export function RulesPage() {
  const rules = useEligibilityRules();
  return (
    <Page title="Voies d’accès : les règles">
      <Text>
        Les règles qu’applique Qualif pour dire si une voie d’accès mène à une certification, à une date
        donnée, et qui peut la financer. Chaque règle porte son texte, sa source juridique et ses dates
        d’effet ; les règles abrogées restent, avec leur date de fin, pour répondre sur le passé.{' '}
        <Anchor component={Link} to="/simuler">
          Simuler une situation
        </Anchor>
      </Text>
      {rules.isPending && <Loading label="Chargement des règles…" />}
      {rules.isError && <ProblemAlert error={rules.error} />}
      {rules.data && (
        <Stack gap="lg">
          <section aria-labelledby="communes">
            <Title order={2} id="communes" mb="sm">
              Conditions communes
            </Title>
            <Stack gap="sm">
              {rules.data.common.map((r) => (
                <RuleText key={r.rule} rule={r} />
              ))}
            </Stack>
          </section>
          {rules.data.routes.map((route) => (
            <Card key={route.id} withBorder component="section" aria-labelledby={`voie-${route.id}`}>
              <Stack gap="sm">
                <Title order={2} id={`voie-${route.id}`}>
                  {route.title}
                </Title>
                {route.titles.length > 0 && (
                  <Text size="sm">
                    {`Intitulés : ${route.titles.map((t) => `« ${t.title} » ${formatPeriod(t.from, t.to)}`).join(' ; ')}.`}
                  </Text>
                )}
                <RuleText rule={route} showTitle={false} />
                <Title order={3} size="h4">
                  Conditions
                </Title>
                {route.conditions.map((r) => (
                  <RuleText key={r.rule} rule={r} />
                ))}
                {route.funders.length > 0 && (
                  <>
                    <Title order={3} size="h4">
                      Financeurs
                    </Title>
                    {route.funders.map((r) => (
                      <RuleText key={r.rule} rule={r} />
                    ))}
                  </>
                )}
                {route.limits.length > 0 && (
                  <>
                    <Title order={3} size="h4">
                      Durées et plafonds
                    </Title>
                    {route.limits.map((r) => (
                      <RuleText key={r.rule} rule={r} />
                    ))}
                  </>
                )}
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
    </Page>
  );
}
