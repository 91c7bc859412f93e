import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  PATHWAY_BLOC_PLAN_LABELS,
  PATHWAY_MODULE_KIND_LABELS,
  PATHWAY_MODULE_KINDS,
  PATHWAY_ORIGIN_LABELS,
  PATHWAY_PARTIES,
  PATHWAY_PARTY_LABELS,
  type PathwayBlocPlan,
  type PathwayModuleKind,
} from '../../../src/contracts/pathway';
import { POSITIONING_LEVEL_LABELS } from '../../../src/contracts/positioning';
import { api } from '../api/client';
import { formatDate } from '../format/date';
import { formatDayOf } from '../format/dateTime';
import { ItemActions } from '../manage/frameworks/editor/ItemActions';
import { ConfirmButton } from '../ui/ConfirmButton';
import { COLORS } from '../ui/colors';
import { fieldError, fieldErrors } from '../ui/fieldError';
import { ProblemAlert } from '../ui/ProblemAlert';
import { QueryState } from '../ui/QueryState';
import { SearchSelect } from '../ui/SearchSelect';
import { UnsavedChangesGuard } from '../ui/UnsavedChangesGuard';
import { useCandidacy } from './candidacy';
import {
  bodyOf,
  draftOf,
  type ModuleDraft,
  newDraft,
  type PathwayAnswer,
  type PathwayBloc,
  type PathwayModule,
  pathwayPath,
  pathwayPdfPath,
  type StoredPathway,
  usePathway,
  useRefreshPathway,
} from './pathway';
import { trainingOrganisations } from './Transitions';

const PLAN_COLORS: Record<PathwayBlocPlan, string> = {
  carried: COLORS.teal,
  assess_directly: COLORS.success,
  to_acquire: COLORS.warning,
};

const KIND_OPTIONS = PATHWAY_MODULE_KINDS.map((k) => ({ value: k, label: PATHWAY_MODULE_KIND_LABELS[k] }));

/** « 21 h », « 10,5 h ». */
const hoursText = (hours: number) => `${String(hours).replace('.', ',')} h`;

/** What a module is, in one line: hours, dates, organisation, tutor, due date. */
function moduleFacts(m: PathwayModule): string {
  const facts: string[] = [];
  const date = (d: string | null) => (d ? formatDate(d) : 'à préciser');
  if (m.kind === 'training') facts.push(m.hours === null ? 'heures à préciser' : hoursText(m.hours));
  if (m.kind !== 'vae') facts.push(`du ${date(m.startsOn)} au ${date(m.endsOn)}`);
  if (m.kind === 'training') facts.push(`organisme : ${m.organisation?.name ?? 'à préciser'}`);
  if (m.kind === 'work_situation') facts.push(`tuteur ou tutrice : ${m.tutor?.name ?? 'à préciser'}`);
  if (m.kind === 'vae') facts.push(`dossier à remettre le ${date(m.dueOn)}`);
  return facts.join(' · ');
}

function ModuleCard({ module: m }: { module: PathwayModule }) {
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Group gap="xs">
          <Badge variant="light" color={COLORS.info}>
            {PATHWAY_MODULE_KIND_LABELS[m.kind]}
          </Badge>
          <Text fw={600}>{m.title}</Text>
        </Group>
        {m.competencyCodes.length > 0 && <Text size="sm">Compétences : {m.competencyCodes.join(', ')}</Text>}
        <Text size="sm">{moduleFacts(m)}</Text>
        {m.description && (
          <Text size="sm" c="dimmed">
            {m.description}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** One targeted bloc: its plan, its gaps, and (read-only) its modules. */
function BlocSection({ bloc, pathway }: { bloc: PathwayBloc; pathway: StoredPathway | null }) {
  const modules = pathway?.modules.filter((m) => m.blocCode === bloc.code) ?? [];
  return (
    <Stack gap="xs" component="section" aria-labelledby={`parcours-${bloc.code}`}>
      <Group gap="sm" justify="space-between">
        <Title order={2} id={`parcours-${bloc.code}`} size="h4">
          {bloc.code} — {bloc.title}
        </Title>
        <Badge color={PLAN_COLORS[bloc.plan]} variant="light">
          {PATHWAY_BLOC_PLAN_LABELS[bloc.plan]}
        </Badge>
      </Group>
      {bloc.gaps.length > 0 && (
        <Text size="sm">
          À acquérir :{' '}
          {bloc.gaps
            .map(
              (g) =>
                `${g.code} ${g.title} (${g.level ? POSITIONING_LEVEL_LABELS[g.level] : 'non positionnée'})`,
            )
            .join(' ; ')}
        </Text>
      )}
      {pathway && bloc.plan !== 'carried' && modules.length === 0 && (
        <Text size="sm" c="dimmed">
          Aucun module : le bloc est évalué directement.
        </Text>
      )}
      {modules.map((m) => (
        <ModuleCard key={m.id} module={m} />
      ))}
    </Stack>
  );
}

/** « Module 2 : Indiquez le nombre d’heures. » for each thing left to fill in. */
function Missing({ pathway }: { pathway: StoredPathway }) {
  if (pathway.missing.length === 0) return null;
  const numbered = (field: string) => {
    const index = /^modules\.(\d+)/.exec(field)?.[1];
    return index === undefined ? '' : `Module ${Number(index) + 1} : `;
  };
  return (
    <Alert color={COLORS.warning} title="À compléter avant la prise de connaissance">
      <List size="sm">
        {pathway.missing.map((m) => (
          <List.Item key={m.pointer}>
            {numbered(m.field)}
            {m.detail}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** « Générer à partir du positionnement »: asks first when it would replace an edited pathway. */
function GenerateButton({ answer }: { answer: PathwayAnswer }) {
  const refresh = useRefreshPathway(answer.candidacyId);
  const generate = (replace: boolean) => api.post(`${pathwayPath(answer.candidacyId)}/generate`, { replace });
  const mutation = useMutation({ mutationFn: () => generate(false), onSuccess: refresh });
  const label = 'Générer à partir du positionnement';
  if (answer.pathway?.origin === 'edited')
    return (
      <ConfirmButton
        color={COLORS.info}
        buttonProps={{ variant: 'light' }}
        title="Remplacer le parcours ?"
        message="Ce parcours a été modifié à la main : la proposition issue du positionnement le remplacera, et les prises de connaissance seront à renouveler."
        confirmLabel="Remplacer"
        action={() => generate(true)}
        onDone={refresh}
      >
        {label}
      </ConfirmButton>
    );
  return (
    <Stack gap="xs">
      <Button variant="light" loading={mutation.isPending} onClick={() => mutation.mutate()}>
        {label}
      </Button>
      {mutation.error && <ProblemAlert error={mutation.error} title="Le parcours n’a pas été généré" />}
    </Stack>
  );
}

function DateInput({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  return (
    <TextInput
      label={label}
      type="date"
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

/** One module's fields, those of its kind only; the API's errors under each. */
function ModuleFields({
  draft,
  index,
  count,
  blocs,
  error,
  onChange,
  onMove,
  onRemove,
}: {
  draft: ModuleDraft;
  index: number;
  count: number;
  blocs: readonly PathwayBloc[];
  error: Error | null;
  onChange: (draft: ModuleDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const at = (field: string) => `modules.${index}.${field}`;
  const set = <K extends keyof ModuleDraft>(key: K, value: ModuleDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const bloc = blocs.find((b) => b.code === draft.blocCode);
  const name = `le module ${index + 1}`;
  const dates = (
    <>
      <DateInput
        label="Début"
        value={draft.startsOn}
        onChange={(v) => set('startsOn', v)}
        error={fieldError(error, at('startsOn'))}
      />
      <DateInput
        label="Fin"
        value={draft.endsOn}
        onChange={(v) => set('endsOn', v)}
        error={fieldError(error, at('endsOn'))}
      />
    </>
  );
  return (
    <Fieldset legend={`Module ${index + 1}`}>
      <Stack gap="sm">
        <ItemActions name={name} index={index} count={count} onMove={onMove} onRemove={onRemove} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Bloc"
            required
            allowDeselect={false}
            data={blocs.map((b) => ({ value: b.code, label: `${b.code} — ${b.title}` }))}
            value={draft.blocCode}
            onChange={(v) =>
              v &&
              onChange({
                ...draft,
                blocCode: v,
                competencyCodes: v === draft.blocCode ? draft.competencyCodes : [],
              })
            }
            error={fieldError(error, at('blocCode'))}
          />
          <Select
            label="Type de module"
            required
            allowDeselect={false}
            data={KIND_OPTIONS}
            value={draft.kind}
            onChange={(v) => v && set('kind', v as PathwayModuleKind)}
            error={fieldError(error, at('kind'))}
          />
        </SimpleGrid>
        <TextInput
          label="Intitulé"
          required
          maxLength={200}
          value={draft.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={fieldError(error, at('title'))}
        />
        {bloc && bloc.competencies.length > 0 && (
          <Checkbox.Group
            label="Compétences visées"
            value={draft.competencyCodes}
            onChange={(v) => set('competencyCodes', v)}
            error={fieldErrors(error, at('competencyCodes'))}
          >
            <Stack gap={4} mt={4}>
              {bloc.competencies.map((c) => (
                <Checkbox key={c.code} value={c.code} label={`${c.code} — ${c.title}`} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        {draft.kind === 'training' && (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NumberInput
              label="Heures"
              required
              min={0.5}
              max={9999}
              step={0.5}
              decimalScale={2}
              decimalSeparator=","
              allowNegative={false}
              value={draft.hours}
              onChange={(v) => set('hours', v)}
              error={fieldError(error, at('hours'))}
            />
            {dates}
          </SimpleGrid>
        )}
        {draft.kind === 'training' && (
          <SearchSelect
            label="Organisme de formation"
            description="Cherchez par nom ou par SIRET"
            required
            queryKey={['organisations', 'training_org']}
            search={trainingOrganisations}
            value={draft.organisationId}
            valueLabel={draft.organisationName ?? undefined}
            onChange={(v) => onChange({ ...draft, organisationId: v, organisationName: null })}
            nothingFound="Aucun organisme de formation ne correspond."
            unavailable="Liste des organismes indisponible."
            error={fieldError(error, at('organisationId'))}
          />
        )}
        {draft.kind === 'work_situation' && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {dates}
            </SimpleGrid>
            <TextInput
              label="Tuteur ou tutrice chez l’employeur"
              required
              maxLength={200}
              description={draft.tutorUserId ? 'Compte Qualif de cette personne' : 'Nom et prénom'}
              value={draft.tutorName}
              onChange={(e) => onChange({ ...draft, tutorName: e.currentTarget.value, tutorUserId: null })}
              error={fieldErrors(error, at('tutor'))}
            />
          </>
        )}
        {draft.kind === 'vae' && (
          <DateInput
            label="Date de remise du dossier"
            value={draft.dueOn}
            onChange={(v) => set('dueOn', v)}
            error={fieldError(error, at('dueOn'))}
          />
        )}
        <Textarea
          label={
            draft.kind === 'training'
              ? 'Précisions (facultatif)'
              : draft.kind === 'vae'
                ? 'Dossier attendu'
                : 'Situation de travail'
          }
          required={draft.kind !== 'training'}
          autosize
          minRows={2}
          maxLength={2000}
          value={draft.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={fieldError(error, at('description'))}
        />
      </Stack>
    </Fieldset>
  );
}

/** The module list being edited: add, remove, reorder, per-kind fields; saved as a whole. */
function PathwayEditor({ answer, onClose }: { answer: PathwayAnswer; onClose: () => void }) {
  const [initial] = useState(() => (answer.pathway?.modules ?? []).map(draftOf));
  const [drafts, setDrafts] = useState(initial);
  const editable = answer.blocs.filter((b) => b.plan !== 'carried');
  const [blocToAdd, setBlocToAdd] = useState<string | null>(
    (editable.find((b) => b.plan === 'to_acquire') ?? editable[0])?.code ?? null,
  );
  const candidacy = useCandidacy(answer.candidacyId);
  const refresh = useRefreshPathway(answer.candidacyId);
  const mutation = useMutation({
    mutationFn: () => api.put(pathwayPath(answer.candidacyId), { modules: drafts.map(bodyOf) }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const dirty = JSON.stringify(drafts) !== JSON.stringify(initial);
  const replace = (index: number, next: ModuleDraft | null) =>
    setDrafts((all) => all.flatMap((d, i) => (i === index ? (next ? [next] : []) : [d])));
  const move = (index: number, delta: -1 | 1) =>
    setDrafts((all) => {
      const next = [...all];
      const [moved] = next.splice(index, 1);
      if (moved) next.splice(index + delta, 0, moved);
      return next;
    });
  const add = () => {
    const bloc = editable.find((b) => b.code === blocToAdd);
    const organisation = candidacy.data?.trainingOrganisation ?? null;
    if (bloc) setDrafts((all) => [...all, newDraft(bloc, organisation)]);
  };
  return (
    <Stack gap="md">
      <UnsavedChangesGuard dirty={dirty && !mutation.isSuccess} />
      {drafts.length === 0 && (
        <Text size="sm" c="dimmed">
          Aucun module : chaque bloc visé sera évalué directement.
        </Text>
      )}
      {drafts.map((d, i) => (
        <ModuleFields
          key={d.key}
          draft={d}
          index={i}
          count={drafts.length}
          blocs={editable}
          error={mutation.error}
          onChange={(next) => replace(i, next)}
          onMove={(delta) => move(i, delta)}
          onRemove={() => replace(i, null)}
        />
      ))}
      {editable.length > 0 && (
        <Group gap="sm" align="end">
          <Select
            label="Bloc du module à ajouter"
            allowDeselect={false}
            data={editable.map((b) => ({ value: b.code, label: `${b.code} — ${b.title}` }))}
            value={blocToAdd}
            onChange={setBlocToAdd}
          />
          <Button variant="light" onClick={add} disabled={!blocToAdd}>
            Ajouter un module
          </Button>
        </Group>
      )}
      {mutation.error && <ProblemAlert error={mutation.error} title="Le parcours n’a pas été enregistré" />}
      <Group gap="sm">
        <Button loading={mutation.isPending} onClick={() => mutation.mutate()}>
          Enregistrer le parcours
        </Button>
        <Button variant="default" onClick={onClose} disabled={mutation.isPending}>
          Annuler
        </Button>
      </Group>
    </Stack>
  );
}

/** Who acknowledged which revision, whether it still holds, and the button for the candidate or employer. */
function Acknowledgements({ answer }: { answer: PathwayAnswer }) {
  const { pathway, can } = answer;
  const refresh = useRefreshPathway(answer.candidacyId);
  const mutation = useMutation({
    mutationFn: (revision: number) =>
      api.post(`${pathwayPath(answer.candidacyId)}/acknowledgements`, { revision }),
    onSuccess: refresh,
  });
  if (!pathway) return null;
  const mine = pathway.acknowledgements.find((a) => a.party === can.acknowledgeAs);
  return (
    <Stack gap="xs" component="section" aria-labelledby="parcours-prise-de-connaissance">
      <Title order={2} id="parcours-prise-de-connaissance" size="h4">
        Prise de connaissance
      </Title>
      <List size="sm" spacing={4}>
        {PATHWAY_PARTIES.map((party) => {
          const ack = pathway.acknowledgements.find((a) => a.party === party);
          return (
            <List.Item key={party}>
              {PATHWAY_PARTY_LABELS[party]} :{' '}
              {ack ? (
                <>
                  révision {ack.revision}, le {formatDayOf(ack.acknowledgedAt)}
                  {ack.acknowledgedByName ? ` par ${ack.acknowledgedByName}` : ''}{' '}
                  <Badge size="sm" variant="light" color={ack.current ? COLORS.success : COLORS.warning}>
                    {ack.current ? 'À jour' : 'Parcours modifié depuis : à renouveler'}
                  </Badge>
                </>
              ) : (
                'pas encore'
              )}
            </List.Item>
          );
        })}
      </List>
      {can.acknowledge && !mine?.current && (
        <Group>
          <Button
            loading={mutation.isPending}
            disabled={pathway.missing.length > 0}
            onClick={() => mutation.mutate(pathway.revision)}
          >
            {can.acknowledgeAs === 'employer'
              ? 'Prendre connaissance du parcours (employeur)'
              : 'Je prends connaissance de mon parcours'}
          </Button>
        </Group>
      )}
      {mutation.error && (
        <ProblemAlert error={mutation.error} title="La prise de connaissance n’a pas été enregistrée" />
      )}
    </Stack>
  );
}

function PathwayView({ answer }: { answer: PathwayAnswer }) {
  const [editing, setEditing] = useState(false);
  const { pathway, can } = answer;
  return (
    <Stack gap="lg">
      <Text size="sm">
        {pathway
          ? `Révision ${pathway.revision} du ${formatDayOf(pathway.updatedAt)}${pathway.updatedByName ? ` par ${pathway.updatedByName}` : ''} — ${PATHWAY_ORIGIN_LABELS[pathway.origin]}.`
          : 'Aucun parcours individualisé n’est encore établi.'}{' '}
        {can.edit
          ? 'Il se prépare aux étapes « Positionnement » et « Parcours individualisé ».'
          : answer.status === 'positioning' || answer.status === 'pathway'
            ? ''
            : 'Il ne se modifie plus à cette étape.'}
      </Text>
      {!editing && (
        <Group gap="sm">
          {can.edit && <GenerateButton answer={answer} />}
          {can.edit && (
            <Button variant="light" onClick={() => setEditing(true)}>
              {pathway ? 'Modifier les modules' : 'Composer le parcours'}
            </Button>
          )}
          {pathway && (
            <Button component="a" variant="default" href={pathwayPdfPath(answer.candidacyId)} download>
              Télécharger le PDF
            </Button>
          )}
        </Group>
      )}
      {pathway && !editing && <Missing pathway={pathway} />}
      {editing ? (
        <PathwayEditor answer={answer} onClose={() => setEditing(false)} />
      ) : (
        answer.blocs.map((bloc) => <BlocSection key={bloc.code} bloc={bloc} pathway={pathway} />)
      )}
      {!editing && <Acknowledgements answer={answer} />}
    </Stack>
  );
}

/**
 * « Parcours »: the individual pathway of a candidacy — per targeted bloc what the positioning
 * leaves to acquire and its modules (training, work situation with a tutor, VAE dossier);
 * generated from the positioning and edited by those who manage it, acknowledged by the
 * candidate and the employer, downloadable as a PDF. Also used in the candidate's own space.
 */
export function PathwayPanel({ candidacyId }: { candidacyId: string }) {
  const pathway = usePathway(candidacyId);
  return (
    <QueryState query={pathway} loadingLabel="Chargement du parcours individualisé…">
      {(answer) => <PathwayView answer={answer} />}
    </QueryState>
  );
}
