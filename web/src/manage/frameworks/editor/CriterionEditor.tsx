import { Fieldset, Stack } from '@mantine/core';
import type { Errors } from './errors';
import { ItemHeading, type ItemProps } from './ItemActions';
import type { CriterionModel } from './model';
import { TextListEditor } from './TextListEditor';

type CriterionEditorProps = ItemProps<CriterionModel> & {
  criterion: CriterionModel;
  /** « 1.2.3 »: bloc, competency, criterion numbers. */
  number: string;
  errors: Errors;
  /** `content.assessment.competencies.K.criteria.I`. */
  path: string;
};

/** One assessment criterion: its code, its wording and its observable indicators. */
export function CriterionEditor({
  criterion,
  number,
  index,
  count,
  onChange,
  onMove,
  onRemove,
  errors,
  path,
}: CriterionEditorProps) {
  return (
    <Fieldset legend={`Critère ${number}`} variant="filled">
      <Stack gap="xs">
        <ItemHeading
          {...{ index, count, onMove, onRemove }}
          name={`le critère ${number}`}
          code={{
            label: 'Code du critère',
            value: criterion.code,
            onChange: (code) => onChange({ ...criterion, code }),
            error: errors(`${path}.code`),
            width: 140,
          }}
          title={{
            label: 'Énoncé du critère',
            value: criterion.text,
            onChange: (text) => onChange({ ...criterion, text }),
            error: errors(`${path}.text`),
            maxLength: 500,
            multiline: true,
          }}
        />
        <TextListEditor
          label="Indicateurs"
          itemLabel="Indicateur"
          addLabel="Ajouter un indicateur"
          owner={`au critère ${number}`}
          items={criterion.indicators}
          onChange={(indicators) => onChange({ ...criterion, indicators })}
          errors={errors}
          path={`${path}.indicators`}
          maxLength={500}
        />
      </Stack>
    </Fieldset>
  );
}
