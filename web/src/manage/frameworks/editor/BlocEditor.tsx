import { Button, Fieldset, Group, Stack } from '@mantine/core';
import { CompetencyEditor } from './CompetencyEditor';
import { type Errors, joined } from './errors';
import { ItemHeading, type ItemProps } from './ItemActions';
import { ListError } from './ListError';
import { type BlocModel, criteriaCount, move, newCompetency, removeAt, replaceAt } from './model';
import { RuleEditor } from './RuleEditor';

type BlocEditorProps = ItemProps<BlocModel> & {
  bloc: BlocModel;
  errors: Errors;
  /** Where the bloc's first competency's assessment sits in `content.assessment.competencies`. */
  firstAssessment: number;
};

/** A bloc of competencies: code, title, pass rule and its competencies. */
export function BlocEditor({ bloc, errors, firstAssessment, ...item }: BlocEditorProps) {
  const { index, onChange } = item;
  const path = `content.competencies.blocs.${index}`;
  const rulePath = `content.assessment.blocRules.${index}`;
  const number = String(index + 1);
  const set = (patch: Partial<BlocModel>) => onChange({ ...bloc, ...patch });
  const competencies = bloc.competencies;
  return (
    <Fieldset legend={`Bloc ${number}`} styles={{ legend: { fontWeight: 700 } }}>
      <Stack gap="md">
        <ItemHeading
          {...item}
          value={bloc}
          name={`le bloc ${number}`}
          code={{
            label: 'Code du bloc',
            error: joined(errors(`${path}.code`), errors(`${rulePath}.blocCode`)),
          }}
          title={{ key: 'title', label: 'Intitulé du bloc', error: errors(`${path}.title`), maxLength: 300 }}
        />
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
