import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Version } from '../../api/catalogue';
import { FrameworkView } from '../../catalogue/FrameworkView';
import { catalogueKey } from '../../catalogue/queries';
import { formatDateTime } from '../../format/dateTime';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { FrameworkExport } from './FrameworkFiles';
import { versionsApi } from './queries';

type PublishedVersionProps = {
  certificationId: string;
  version: Version;
  /** The number of the draft in progress, if any: only one draft at a time. */
  draftNumber: number | undefined;
  onOpen: (number: number) => void;
};

/** A published version, read only, and the way to start the next one from it. */
export function PublishedVersion({ certificationId, version, draftNumber, onOpen }: PublishedVersionProps) {
  const queryClient = useQueryClient();
  const derive = useMutation({
    mutationFn: () => versionsApi.create(certificationId, { basedOn: version.number }),
    onSuccess: async ({ number }) => {
      await queryClient.invalidateQueries({ queryKey: catalogueKey });
      onOpen(number);
    },
  });
  const publishedAt = version.publishedAt ? ` le ${formatDateTime(version.publishedAt)}` : '';
  return (
    <Stack>
      <Alert color="blue" title={`Version ${version.number} publiée${publishedAt}`}>
        Une version publiée ne peut plus être modifiée. Pour faire évoluer le référentiel, créez une nouvelle
        version à partir de celle-ci : ce sera un brouillon, à publier à son tour.
      </Alert>
      {derive.error && <ProblemAlert error={derive.error} />}
      <Group>
        {draftNumber === undefined ? (
          <Button onClick={() => derive.mutate()} loading={derive.isPending}>
            {`Nouvelle version à partir de la version ${version.number}`}
          </Button>
        ) : (
          <>
            <Text size="sm">{`Un brouillon est déjà en cours (version ${draftNumber}).`}</Text>
            <Button variant="default" onClick={() => onOpen(draftNumber)}>
              {`Ouvrir le brouillon (version ${draftNumber})`}
            </Button>
          </>
        )}
      </Group>
      <FrameworkExport certificationId={certificationId} number={version.number} />
      <FrameworkView content={version.content} level={3} />
    </Stack>
  );
}
