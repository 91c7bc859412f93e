import { Divider, Stack, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import type { VersionSummary } from '../../api/catalogue';
import { QueryState } from '../../ui/QueryState';
import { CompareVersions } from './CompareVersions';
import { NewFramework } from './NewFramework';
import { useVersions } from './queries';
import { VersionPanel } from './VersionPanel';
import { VersionsTable } from './VersionsTable';

/** The version shown: the one in the address, else the draft in progress, else the newest. */
function shownVersion(versions: VersionSummary[], asked: number): number | undefined {
  if (versions.some((v) => v.number === asked)) return asked;
  return (versions.find((v) => v.status === 'draft') ?? versions[0])?.number;
}

/** « Référentiels »: the versions of the framework, one open for reading or editing, and comparison. */
export function FrameworksTab({ certificationId }: { certificationId: string }) {
  const [params, setParams] = useSearchParams();
  const open = (number: number) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('version', String(number));
        return next;
      },
      { replace: true },
    );

  return (
    <QueryState query={useVersions(certificationId)} loadingLabel="Chargement des versions…">
      {({ items }) => {
        const shown = shownVersion(items, Number(params.get('version')));
        if (shown === undefined) return <NewFramework certificationId={certificationId} onCreated={open} />;
        const draft = items.find((v) => v.status === 'draft');
        return (
          <Stack gap="lg">
            <Title order={2} size="h3">
              Versions
            </Title>
            <VersionsTable versions={items} selected={shown} onOpen={open} />
            {items.length > 1 && <CompareVersions certificationId={certificationId} versions={items} />}
            <Divider />
            <Title order={2} size="h3">{`Version ${shown}`}</Title>
            <VersionPanel
              key={shown}
              certificationId={certificationId}
              number={shown}
              draftNumber={draft?.number}
              onOpen={open}
            />
          </Stack>
        );
      }}
    </QueryState>
  );
}
