import { Anchor, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { today } from '../format/date';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';
import { type CandidateStatus, STATUS_LABELS, useEligibility } from './api';
import { EligibilityMatrix } from './EligibilityMatrix';

/** On a certification's public fiche: the routes open today, for a chosen profile. */
export function CertificationEligibility({ certificationId }: { certificationId: string }) {
  const [status, setStatus] = useState<CandidateStatus>('employee');
  const answer = useEligibility({ date: today(), certificationId, candidate: { status } });
  return (
    <Stack gap="sm">
      <Text size="sm">
        Aujourd’hui, selon le profil ; les conditions propres au candidat (âge, expérience…) restent « à
        préciser » : la page{' '}
        <Anchor component={Link} to="/simuler">
          « Simuler »
        </Anchor>{' '}
        permet de les saisir.
      </Text>
      <SegmentedControl
        aria-label="Profil du candidat"
        value={status}
        onChange={(v) => setStatus(v as CandidateStatus)}
        data={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
      />
      {answer.isPending && <Loading label="Calcul des voies d’accès…" />}
      {answer.isError && <ProblemAlert error={answer.error} />}
      {answer.data && <EligibilityMatrix results={answer.data.results} />}
    </Stack>
  );
}
