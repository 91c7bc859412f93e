import { Fieldset, Group, Stack, Textarea, TextInput } from '@mantine/core';
import type { Errors } from './errors';
import { ItemActions } from './ItemActions';
import type { CriterionModel } from './model';
import { TextListEditor } from './TextListEditor';

type CriterionEditorProps = {
  criterion: CriterionModel;
  /** « 1.2.3 »: bloc, competency, criterion numbers. */
  number: string;
  index: number;
  count: number;
  onChange: (criterion: CriterionModel) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
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
  const name = `le critère ${number}`;
  return (
    <Fieldset legend={`Critère ${number}`} variant="filled">
      <Stack gap="xs">
        <Group justify="flex-end">
          <ItemActions
            name={name}
            index={index}
            count={count}
            onMove={onMove}
            onRemove={onRemove}
            minCount={1}
          />
        </Group>
        <Group align="flex-start" wrap="nowrap">
          <TextInput
            label="Code du critère"
            required
            maxLength={20}
            w={140}
            value={criterion.code}
            onChange={(e) => onChange({ ...criterion, code: e.currentTarget.value })}
            error={errors(`${path}.code`)}
          />
          <Textarea
            label="Énoncé du critère"
            required
            autosize
            minRows={1}
            maxLength={500}
            style={{ flex: 1 }}
            value={criterion.text}
            onChange={(e) => onChange({ ...criterion, text: e.currentTarget.value })}
            error={errors(`${path}.text`)}
          />
        </Group>
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
