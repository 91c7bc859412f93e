import { Stack, Text } from '@mantine/core';
import { CandidateDataActions } from '../candidacies/CandidateDataActions';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/QueryState';
import { CandidacyCard } from './CandidacyCard';
import { useMyCandidacies } from './candidateSpace';

/**
 * `/mon-parcours`: the candidate's own space — one card per candidacy, with its steps (0–4),
 * what is expected of them now, their documents and results as they come; the export of all their
 * personal data.
 */
export function CandidateSpacePage() {
  const candidacies = useMyCandidacies();
  return (
    <Page title="Mon parcours">
      <QueryState query={candidacies} loadingLabel="Chargement de vos parcours…">
        {({ items }) =>
          items.length === 0 ? (
            <Text>
              Vous n’avez pas encore de parcours de certification. Votre organisme de formation ou votre
              employeur vous inscrit : il apparaîtra ici.
            </Text>
          ) : (
            <Stack gap="lg">
              <Text>
                {items.length > 1
                  ? `Vous suivez ${items.length} parcours de certification.`
                  : 'Vous suivez un parcours de certification.'}
              </Text>
              {items.map((c) => (
                <CandidacyCard key={c.id} summary={c} />
              ))}
              {/* Every candidacy listed here is the person's own: one candidate, whose data they may export. */}
              {items[0] && <CandidateDataActions candidateId={items[0].candidateId} />}
            </Stack>
          )
        }
      </QueryState>
    </Page>
  );
}
