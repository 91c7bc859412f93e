import type { Version } from '../../api/catalogue';
import { QueryState } from '../../ui/QueryState';
import { DraftVersion } from './DraftVersion';
import { PublishedVersion } from './PublishedVersion';
import { useVersion } from './queries';

type VersionPanelProps = {
  certificationId: string;
  number: number;
  draftNumber: number | undefined;
  onOpen: (number: number) => void;
};

/** One version, opened: the editor for a draft, a read-only view for a published one. */
export function VersionPanel({ certificationId, number, draftNumber, onOpen }: VersionPanelProps) {
  return (
    <QueryState
      query={useVersion(certificationId, number)}
      loadingLabel={`Chargement de la version ${number}…`}
    >
      {(version: Version) =>
        version.status === 'draft' ? (
          <DraftVersion key={version.id} certificationId={certificationId} version={version} />
        ) : (
          <PublishedVersion
            certificationId={certificationId}
            version={version}
            draftNumber={draftNumber}
            onOpen={onOpen}
          />
        )
      }
    </QueryState>
  );
}
