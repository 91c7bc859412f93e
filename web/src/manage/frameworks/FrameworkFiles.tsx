import { Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { versionsApi } from './queries';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const exportPath = (certificationId: string, number: number, format: 'json' | 'xlsx') =>
  `/api/v1/certifications/${certificationId}/versions/${number}/export?format=${format}`;

const EXPORT_FORMATS = [
  { format: 'xlsx', label: 'Excel' },
  { format: 'json', label: 'JSON' },
] as const;

/** Download a version as an Excel workbook or a JSON document. */
export function FrameworkExport({ certificationId, number }: { certificationId: string; number: number }) {
  return (
    <Group gap="xs" wrap="wrap">
      {EXPORT_FORMATS.map(({ format, label }) => (
        <Button
          key={format}
          component="a"
          variant="default"
          size="xs"
          href={exportPath(certificationId, number, format)}
          download
        >
          {`Exporter la version ${number} (${label})`}
        </Button>
      ))}
    </Group>
  );
}

async function importFile(certificationId: string, number: number, file: File) {
  if (file.name.toLowerCase().endsWith('.json')) {
    let content: unknown;
    try {
      content = JSON.parse(await file.text());
    } catch {
      throw new ApiError({
        type: 'about:blank',
        title: 'Fichier illisible',
        status: 0,
        detail: `« ${file.name} » n’est pas un document JSON valide.`,
      });
    }
    // An exported file holds the content itself; an API answer wraps it in `content`.
    const body = (content as { content?: unknown })?.content ?? content;
    return versionsApi.save(certificationId, number, body);
  }
  return api.upload(`/api/v1/certifications/${certificationId}/versions/${number}/xlsx`, file, {
    method: 'PUT',
    contentType: XLSX_TYPE,
  });
}

/**
 * Replace a draft's content with a workbook (.xlsx) or a JSON document, all or nothing: the
 * server checks the whole framework and refuses it with every problem named.
 */
export function FrameworkImport({
  certificationId,
  number,
  onImported,
}: {
  certificationId: string;
  number: number;
  onImported: () => Promise<void> | void;
}) {
  const upload = useMutation({
    mutationFn: (file: File) => importFile(certificationId, number, file),
    onSuccess: onImported,
  });
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap">
        <FileButton
          onChange={(file) => file && upload.mutate(file)}
          accept={`${XLSX_TYPE},.xlsx,application/json,.json`}
        >
          {(props) => (
            <Button {...props} variant="light" size="xs" loading={upload.isPending}>
              Importer un fichier (Excel ou JSON)
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          Le fichier remplace tout le contenu du brouillon.
        </Text>
      </Group>
      {upload.isSuccess && (
        <Text size="sm" role="status">
          Fichier importé : le brouillon a été remplacé.
        </Text>
      )}
      {upload.error && <ProblemAlert error={upload.error} title="Le fichier n’a pas été importé" />}
    </Stack>
  );
}
