import { Anchor, Button, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api } from '../api/client';
import { DateTime } from '../ui/DateTime';
import { ProblemAlert } from '../ui/ProblemAlert';
import {
  type Evidence,
  evidencePath,
  formatSize,
  positioningPath,
  useRefreshPositioning,
} from './positioning';

/** What the API accepts (it reads the type in the file's bytes and refuses anything else in French). */
const ACCEPT = [
  'application/pdf',
  '.pdf',
  'image/png',
  'image/jpeg',
  '.png',
  '.jpg',
  '.jpeg',
  '.docx',
  '.xlsx',
  '.pptx',
  '.odt',
  '.ods',
  '.odp',
].join(',');

type EvidenceFilesProps = {
  candidacyId: string;
  /** The competency the files support; null: the positioning as a whole. */
  competencyCode: string | null;
  /** Said to screen readers on the upload button: « pour C1.1 ». */
  subject: string;
  evidence: readonly Evidence[];
  canUpload: boolean;
};

/** Evidence files: each downloadable, and a button to add one (PDF, image, office document). */
export function EvidenceFiles({
  candidacyId,
  competencyCode,
  subject,
  evidence,
  canUpload,
}: EvidenceFilesProps) {
  const refresh = useRefreshPositioning(candidacyId);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const query = competencyCode ? `?competencyCode=${encodeURIComponent(competencyCode)}` : '';
      return api.upload(`${positioningPath(candidacyId)}/evidence${query}`, file);
    },
    onSuccess: refresh,
  });
  if (evidence.length === 0 && !canUpload) return null;
  return (
    <Stack gap={4}>
      {evidence.length > 0 && (
        <List size="sm" spacing={2}>
          {evidence.map((e) => (
            <List.Item key={e.id}>
              <Anchor
                href={evidencePath(candidacyId, e.id)}
                download={e.fileName}
                style={{ overflowWrap: 'anywhere' }}
              >
                {e.fileName}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                ({formatSize(e.size)}, ajoutée le <DateTime value={e.uploadedAt} />
                {e.uploadedByName ? ` par ${e.uploadedByName}` : ''})
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {canUpload && (
        <Group gap="xs">
          <FileButton onChange={(file) => file && upload.mutate(file)} accept={ACCEPT}>
            {(props) => (
              <Button
                {...props}
                variant="light"
                size="xs"
                loading={upload.isPending}
                aria-label={`Ajouter une pièce justificative ${subject}`}
              >
                Ajouter une pièce
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            PDF, image (PNG, JPEG) ou document bureautique
          </Text>
        </Group>
      )}
      {upload.isSuccess && (
        <Text size="sm" role="status">
          Pièce ajoutée.
        </Text>
      )}
      {upload.error && <ProblemAlert error={upload.error} title="La pièce n’a pas été ajoutée" />}
    </Stack>
  );
}
