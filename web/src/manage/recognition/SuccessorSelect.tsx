import { catalogueKey, certificationOptions } from '../../catalogue/queries';
import { SearchSelect } from '../../ui/SearchSelect';

type SuccessorSelectProps = {
  /** The certification being replaced: not offered as its own successor. */
  excludeId: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error: string | undefined;
};

/** Picks the certification that replaces this one, searching the catalogue as one types. */
export function SuccessorSelect({ excludeId, value, onChange, error }: SuccessorSelectProps) {
  return (
    <SearchSelect
      label="Certification qui la remplace"
      description="Tapez un code ou un intitulé pour chercher."
      required
      clearable
      queryKey={[...catalogueKey, 'successors', excludeId]}
      search={async (q) => (await certificationOptions(q, 20)).filter((o) => o.value !== excludeId)}
      value={value}
      onChange={onChange}
      nothingFound="Aucune certification ne correspond."
      unavailable="Recherche des certifications indisponible."
      error={error}
    />
  );
}
