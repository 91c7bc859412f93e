import { Button, Checkbox, Fieldset, Group, MultiSelect, Stack } from '@mantine/core';
import { ASSESSMENT_METHODS, type AssessmentMethod } from '../../../api/catalogue';
import { ASSESSMENT_METHOD_LABELS } from '../../../catalogue/labels';
import { CriterionEditor } from './CriterionEditor';
import { type Errors, joined } from './errors';
import { ItemHeading, type ItemProps } from './ItemActions';
import { ListError } from './ListError';
import { type CompetencyModel, move, newCriterion, removeAt, replaceAt } from './model';
import { TextListEditor } from './TextListEditor';

const METHODS = ASSESSMENT_METHODS.map((m) => ({ value: m, label: ASSESSMENT_METHOD_LABELS[m] }));

type CompetencyEditorProps = ItemProps<CompetencyModel> & {
  competency: CompetencyModel;
  /** « 1.2 »: bloc and competency numbers. */
  number: string;
  errors: Errors;
  /** `content.competencies.blocs.I.competencies.J`. */
  path: string;
  /** `content.assessment.competencies.K`: its assessment in the document. */
  assessmentPath: string;
};

/** A competency: code, title, transversal, knowledge, then how it is assessed (methods, criteria). */
export function CompetencyEditor({
  competency,
  number,
  errors,
  path,
  assessmentPath,
  ...item
}: CompetencyEditorProps) {
  const set = (patch: Partial<CompetencyModel>) => item.onChange({ ...competency, ...patch });
  const criteria = competency.criteria;
  return (
    <Fieldset legend={`Compétence ${number}`}>
      <Stack gap="sm">
        <ItemHeading
          {...item}
          value={competency}
          name={`la compétence ${number}`}
          code={{
            label: 'Code de la compétence',
            error: joined(errors(`${path}.code`), errors(`${assessmentPath}.competencyCode`)),
          }}
          title={{
            key: 'title',
            label: 'Intitulé de la compétence',
            error: errors(`${path}.title`),
            maxLength: 500,
            multiline: true,
          }}
        />
        <Checkbox
          label="Compétence transversale"
          checked={competency.transversal}
          onChange={(e) => set({ transversal: e.currentTarget.checked })}
        />
        <TextListEditor
          label="Savoirs associés"
          itemLabel="Savoir"
          addLabel="Ajouter un savoir"
          owner={`à la compétence ${number}`}
          items={competency.knowledge}
          onChange={(knowledge) => set({ knowledge })}
          errors={errors}
          path={`${path}.knowledge`}
          maxLength={300}
        />
        <MultiSelect
          label="Modalités d’évaluation"
          placeholder="Choisir une ou plusieurs modalités"
          required
          data={METHODS}
          value={competency.methods}
          onChange={(methods) => set({ methods: methods as AssessmentMethod[] })}
          error={errors(`${assessmentPath}.methods`)}
        />
        <Stack gap="xs">
          {criteria.map((criterion, i) => (
            <CriterionEditor
              key={criterion.key}
              criterion={criterion}
              number={`${number}.${i + 1}`}
              index={i}
              count={criteria.length}
              onChange={(c) => set({ criteria: replaceAt(criteria, i, c) })}
              onMove={(delta) => set({ criteria: move(criteria, i, delta) })}
              onRemove={() => set({ criteria: removeAt(criteria, i) })}
              errors={errors}
              path={`${assessmentPath}.criteria.${i}`}
            />
          ))}
          <ListError message={errors(`${assessmentPath}.criteria`)} />
          <Group>
            <Button
              variant="light"
              size="compact-sm"
              onClick={() => set({ criteria: [...criteria, newCriterion(criteria.length)] })}
              aria-label={`Ajouter un critère à la compétence ${number}`}
            >
              Ajouter un critère
            </Button>
          </Group>
        </Stack>
      </Stack>
    </Fieldset>
  );
}
