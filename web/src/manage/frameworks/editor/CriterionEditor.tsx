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
export function CriterionEditor({ criterion, number, errors, path, ...item }: CriterionEditorProps) {
  const onChange = item.onChange;
  return (
    <Fieldset legend={`Critère ${number}`} variant="filled">
      <Stack gap="xs">
        <ItemHeading
          {...item}
          value={criterion}
          name={`le critère ${number}`}
          code={{ label: 'Code du critère', error: errors(`${path}.code`), width: 140 }}
          title={{
            key: 'text',
            label: 'Énoncé du critère',
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
