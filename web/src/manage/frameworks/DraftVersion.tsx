import { Alert, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Version } from '../../api/catalogue';
import { catalogueKey } from '../../catalogue/queries';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { COLORS } from '../../ui/colors';
import { DraftEditorForm } from './DraftEditorForm';
import { toModel } from './editor/model';
import { FrameworkExport, FrameworkImport } from './FrameworkFiles';
import { versionsApi } from './queries';

/** A draft version: edited, saved, then published once and for all. */
export function DraftVersion({ certificationId, version }: { certificationId: string; version: Version }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: catalogueKey });
  // Bumped after an import, so the editor starts again from the imported content.
  const [imports, setImports] = useState(0);
  return (
    <Stack>
      <Alert color={COLORS.warning} title={`Brouillon — version ${version.number}`}>
        Ce brouillon n’est visible que des gestionnaires de la branche. Enregistrez vos modifications, puis
        publiez la version : elle deviendra le référentiel affiché dans le catalogue.
      </Alert>
      <FrameworkImport
        certificationId={certificationId}
        number={version.number}
        onImported={async () => {
          await refresh();
          setImports((n) => n + 1);
        }}
      />
      <FrameworkExport certificationId={certificationId} number={version.number} />
      <DraftEditorForm
        key={imports}
        initial={() => toModel(version.content)}
        onSave={async (content) => {
          await versionsApi.save(certificationId, version.number, content);
          await refresh();
        }}
        actions={({ dirty }) => (
          <ConfirmButton
            color="blue"
            buttonProps={{ variant: 'outline', disabled: dirty }}
            title={`Publier la version ${version.number} ?`}
            message="Une version publiée ne peut plus être modifiée. Elle devient le référentiel de la certification, affiché dans le catalogue public."
            confirmLabel="Publier"
            action={() => versionsApi.publish(certificationId, version.number)}
            onDone={refresh}
          >
            Publier
          </ConfirmButton>
        )}
      />
    </Stack>
  );
}
