import { Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { catalogueKey } from '../../catalogue/queries';
import { DraftEditorForm } from './DraftEditorForm';
import { skeleton } from './editor/model';
import { versionsApi } from './queries';

/** A certification without a framework: start from a skeleton, fill it in, save the first draft. */
export function NewFramework({
  certificationId,
  onCreated,
}: {
  certificationId: string;
  onCreated: (number: number) => void;
}) {
  const queryClient = useQueryClient();
  const [started, setStarted] = useState(false);
  if (!started) {
    return (
      <Stack align="flex-start">
        <Text>Cette certification n’a pas encore de référentiel.</Text>
        <Button onClick={() => setStarted(true)}>Créer le référentiel</Button>
      </Stack>
    );
  }
  return (
    <Stack>
      <Text>
        Renseignez au moins une activité et un bloc de compétences ; chaque compétence a ses modalités et ses
        critères d’évaluation, chaque bloc sa règle de validation. Le brouillon est créé au premier
        enregistrement.
      </Text>
      <DraftEditorForm
        initial={skeleton}
        onSave={async (content) => {
          const { number } = await versionsApi.create(certificationId, { content });
          await queryClient.invalidateQueries({ queryKey: catalogueKey });
          onCreated(number);
        }}
      />
    </Stack>
  );
}
