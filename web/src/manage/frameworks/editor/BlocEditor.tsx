import { Button, Fieldset, Group, Stack, TextInput } from '@mantine/core';
import { CompetencyEditor } from './CompetencyEditor';
import { type Errors, joined } from './errors';
import { ItemActions } from './ItemActions';
import { ListError } from './ListError';
import { type BlocModel, criteriaCount, move, newCompetency, removeAt, replaceAt } from './model';
import { RuleEditor } from './RuleEditor';

type BlocEditorProps = {
  bloc: BlocModel;
  index: number;
  count: number;
  onChange: (bloc: BlocModel) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  errors: Errors;
  /** Where the bloc's first competency's assessment sits in `content.assessment.competencies`. */
  firstAssessment: number;
};

/** A bloc of competencies: code, title, pass rule and its competencies. */
export function BlocEditor({
  bloc,
  index,
  count,
  onChange,
  onMove,
  onRemove,
  errors,
  firstAssessment,
}: BlocEditorProps) {
  const path = `content.competencies.blocs.${index}`;
  const rulePath = `content.assessment.blocRules.${index}`;
  const number = String(index + 1);
  const set = (patch: Partial<BlocModel>) => onChange({ ...bloc, ...patch });
  const competencies = bloc.competencies;
  return (
    <Fieldset legend={`Bloc ${number}`} styles={{ legend: { fontWeight: 700 } }}>
      <Stack gap="md">
        <Group justify="flex-end">
          <ItemActions
            name={`le bloc ${number}`}
            index={index}
            count={count}
            onMove={onMove}
            onRemove={onRemove}
            minCount={1}
          />
        </Group>
        <Group align="flex-start" wrap="nowrap">
          <TextInput
            label="Code du bloc"
            required
            maxLength={20}
            w={160}
            value={bloc.code}
            onChange={(e) => set({ code: e.currentTarget.value })}
            error={joined(errors(`${path}.code`), errors(`${rulePath}.blocCode`))}
          />
          <TextInput
            label="Intitulé du bloc"
            required
            maxLength={300}
            style={{ flex: 1 }}
            value={bloc.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={errors(`${path}.title`)}
          />
        </Group>
        <RuleEditor
          rule={bloc.rule}
          criteriaCount={criteriaCount(bloc)}
          onChange={(rule) => set({ rule })}
          error={errors(`${rulePath}.rule.n`)}
        />
        {competencies.map((competency, j) => (
          <CompetencyEditor
            key={competency.key}
            competency={competency}
            number={`${number}.${j + 1}`}
            index={j}
            count={competencies.length}
            onChange={(c) => set({ competencies: replaceAt(competencies, j, c) })}
            onMove={(delta) => set({ competencies: move(competencies, j, delta) })}
            onRemove={() => set({ competencies: removeAt(competencies, j) })}
            errors={errors}
            path={`${path}.competencies.${j}`}
            assessmentPath={`content.assessment.competencies.${firstAssessment + j}`}
          />
        ))}
        <ListError message={errors(`${path}.competencies`)} />
        <Group>
          <Button
            variant="light"
            onClick={() =>
              set({ competencies: [...competencies, newCompetency(index, competencies.length)] })
            }
            aria-label={`Ajouter une compétence au bloc ${number}`}
          >
            Ajouter une compétence
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
