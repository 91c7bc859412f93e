import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { RECOGNITION_EVENT_LABELS } from '../catalogue/labels';
import { certificationOptions } from '../catalogue/queries';
import { formatDate, today } from '../format/date';
import { fieldErrors, isUnder } from '../ui/fieldError';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { SearchSelect } from '../ui/SearchSelect';
import {
  type CandidateStatus,
  type EligibilityEvent,
  type EligibilityRequest,
  type EventType,
  type RouteId,
  STATUS_LABELS,
  simulate,
  useEligibilityRules,
} from './api';
import { askedFields, CandidateFacts, type Facts, factsRequest, NO_FACTS } from './CandidateFacts';
import { EligibilityMatrix } from './EligibilityMatrix';
import { neededFields, routeTitleOn } from './needed';

const num = (v: string | number) => (typeof v === 'number' ? v : undefined);

/** The request's fields the form shows next to their input (the candidate facts: those asked). */
const FIELDS = [
  'date',
  'route',
  'certificationId',
  'certification.events',
  'candidate.status',
  'candidate.age',
  'candidate.experienceMonths',
  'candidate.highestLevel',
  'candidate.benefits',
  'candidate.employer.idcc',
  'candidate.employer.headcount',
];
const shownFields = (field: string, asked: Set<string>) =>
  [...FIELDS, ...asked].some((shown) => isUnder(field, shown));
const REGISTRATIONS: EventType[] = ['rncp_registered', 'rs_registered'];

function EventRow({
  index,
  event,
  onChange,
  onRemove,
  errorOf,
}: {
  index: number;
  event: EligibilityEvent;
  onChange: (e: EligibilityEvent) => void;
  onRemove: () => void;
  /** The API's error for one of the event's fields (`certification.events.I.date`…). */
  errorOf: (field: string) => string | undefined;
}) {
  const registration = REGISTRATIONS.includes(event.type);
  const error = (key: keyof EligibilityEvent) => errorOf(`certification.events.${index}.${key}`);
  return (
    <Group align="flex-end" gap="xs" data-event={index}>
      <Select
        label={`Événement ${index + 1}`}
        data={Object.entries(RECOGNITION_EVENT_LABELS).map(([value, label]) => ({ value, label }))}
        value={event.type}
        allowDeselect={false}
        onChange={(v) => onChange({ type: v as EventType, date: event.date })}
        error={error('type')}
      />
      <TextInput
        label={`Date de l’événement ${index + 1}`}
        type="date"
        value={event.date}
        onChange={(e) => onChange({ ...event, date: e.currentTarget.value })}
        error={error('date')}
      />
      {registration && (
        <>
          <TextInput
            label="Numéro"
            placeholder={event.type === 'rncp_registered' ? 'RNCP12345' : 'RS1234'}
            value={event.number ?? ''}
            onChange={(e) => onChange({ ...event, number: e.currentTarget.value })}
            error={error('number')}
          />
          {event.type === 'rncp_registered' && (
            <NumberInput
              label="Niveau"
              min={3}
              max={8}
              w={90}
              value={event.level ?? ''}
              onChange={(v) => onChange({ ...event, level: num(v) })}
              error={error('level')}
            />
          )}
          <TextInput
            label="Du"
            type="date"
            value={event.from ?? ''}
            onChange={(e) => onChange({ ...event, from: e.currentTarget.value })}
            error={error('from')}
          />
          <TextInput
            label="Au"
            type="date"
            value={event.to ?? ''}
            onChange={(e) => onChange({ ...event, to: e.currentTarget.value })}
            error={error('to')}
          />
        </>
      )}
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={`Retirer l’événement ${index + 1}`}
        onClick={onRemove}
        mb={4}
      >
        ✕
      </ActionIcon>
    </Group>
  );
}

/** `/simuler`: a catalogue or hypothetical certification, a candidate, a date → the matrix of routes. */
export function SimulatePage() {
  const [date, setDate] = useState(today());
  const [source, setSource] = useState<'catalogue' | 'hypothetical'>('catalogue');
  const [certificationId, setCertificationId] = useState<string | null>(null);
  const [kind, setKind] = useState<'CQP' | 'CQPI'>('CQP');
  const [events, setEvents] = useState<EligibilityEvent[]>([
    { type: 'created', date: '2020-01-15' },
    { type: 'transmitted', date: '2020-02-01' },
  ]);
  const [status, setStatus] = useState<CandidateStatus>('employee');
  const [age, setAge] = useState<number | undefined>();
  const [experience, setExperience] = useState<number | undefined>();
  const [level, setLevel] = useState<string | null>(null);
  const [benefits, setBenefits] = useState<string[]>([]);
  const [idcc, setIdcc] = useState('');
  const [headcount, setHeadcount] = useState<number | undefined>();
  const [onProAList, setOnProAList] = useState(false);
  const [route, setRoute] = useState<RouteId | null>(null);
  const [facts, setFacts] = useState<Facts>(NO_FACTS);
  // Only the facts a rule in force on the date (for the chosen route) reads are asked and sent.
  const rules = useEligibilityRules();
  const needed = useMemo(
    () => (rules.data ? neededFields(rules.data, date, route) : new Set<string>()),
    [rules.data, date, route],
  );
  const asked = askedFields(needed, status, facts);

  const run = useMutation({ mutationFn: simulate });
  // The API's field errors (`candidate.age`, `certification.events.0.date`…) go under their fields.
  const errorOf = (field: string) => fieldErrors(run.error, field);

  function submit(e: FormEvent) {
    e.preventDefault();
    const clean = (ev: EligibilityEvent): EligibilityEvent =>
      Object.fromEntries(
        Object.entries(ev).filter(([, v]) => v !== '' && v !== undefined),
      ) as EligibilityEvent;
    const request: EligibilityRequest = {
      date,
      ...(route ? { route } : {}),
      ...(source === 'catalogue'
        ? { certificationId: certificationId ?? '' }
        : { certification: { kind, events: events.map(clean) } }),
      candidate: {
        status,
        ...(age !== undefined ? { age } : {}),
        ...(experience !== undefined ? { experienceMonths: experience } : {}),
        ...(level !== null ? { highestLevel: Number(level) } : {}),
        benefits: benefits as ('RSA' | 'ASS' | 'AAH')[],
        ...(idcc || headcount !== undefined || (asked.has('candidate.employer.craft') && facts.craft !== null)
          ? {
              employer: {
                ...(idcc ? { idcc } : {}),
                ...(headcount !== undefined ? { headcount } : {}),
                ...(asked.has('candidate.employer.craft') && facts.craft !== null
                  ? { craft: facts.craft }
                  : {}),
              },
            }
          : {}),
        ...(needed.has('candidate.onProAList') ? { onProAList } : {}),
        ...factsRequest(facts, asked),
      },
    };
    run.mutate(request);
  }

  return (
    <Page title="Simuler les voies d’accès">
      <Text>
        Pour une certification du catalogue ou hypothétique, un candidat et une date : quelles voies d’accès y
        mènent, pourquoi, et qui peut financer.
      </Text>
      <form onSubmit={submit} aria-label="Simulation">
        <Stack gap="md" maw={900}>
          <TextInput
            label="Date de la simulation"
            type="date"
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errorOf('date')}
          />
          <Select
            label="Voie d’accès"
            placeholder="Toutes les voies"
            clearable
            data={(rules.data?.routes ?? []).map((r) => ({ value: r.id, label: routeTitleOn(r, date) }))}
            value={route}
            onChange={(v) => setRoute(v as RouteId | null)}
            error={errorOf('route')}
          />
          <Title order={2} size="h3">
            Certification
          </Title>
          <SegmentedControl
            value={source}
            onChange={(v) => setSource(v as 'catalogue' | 'hypothetical')}
            data={[
              { value: 'catalogue', label: 'Du catalogue' },
              { value: 'hypothetical', label: 'Hypothétique' },
            ]}
          />
          {source === 'catalogue' ? (
            <SearchSelect
              label="Certification du catalogue"
              placeholder="Code ou intitulé"
              // The catalogue's own search, narrowed by what is typed (50 answers at a time).
              queryKey={['certifications', 'search', 'simulate']}
              search={(q) => certificationOptions(q, 50)}
              value={certificationId}
              onChange={setCertificationId}
              nothingFound="Aucune certification ne correspond."
              unavailable="Recherche des certifications indisponible."
              error={errorOf('certificationId')}
            />
          ) : (
            <Stack gap="xs">
              <SegmentedControl
                value={kind}
                onChange={(v) => setKind(v as 'CQP' | 'CQPI')}
                data={['CQP', 'CQPI']}
              />
              {events.map((ev, i) => (
                <EventRow
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
                  key={i}
                  index={i}
                  event={ev}
                  onChange={(next) => setEvents(events.map((x, j) => (j === i ? next : x)))}
                  onRemove={() => setEvents(events.filter((_, j) => j !== i))}
                  errorOf={errorOf}
                />
              ))}
              <Group>
                <Button
                  variant="light"
                  onClick={() => setEvents([...events, { type: 'rncp_registered', date: '' }])}
                >
                  Ajouter un événement
                </Button>
              </Group>
            </Stack>
          )}
          <Title order={2} size="h3">
            Candidat
          </Title>
          <Select
            label="Statut"
            data={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
            value={status}
            allowDeselect={false}
            onChange={(v) => setStatus(v as CandidateStatus)}
            error={errorOf('candidate.status')}
          />
          <Group grow>
            <NumberInput
              label="Âge"
              min={14}
              max={99}
              value={age ?? ''}
              onChange={(v) => setAge(num(v))}
              error={errorOf('candidate.age')}
            />
            <NumberInput
              label="Expérience en rapport (mois)"
              min={0}
              max={720}
              value={experience ?? ''}
              onChange={(v) => setExperience(num(v))}
              error={errorOf('candidate.experienceMonths')}
            />
            <Select
              label="Plus haut niveau atteint"
              clearable
              data={[
                { value: '0', label: 'Aucun' },
                ...[3, 4, 5, 6, 7, 8].map((n) => ({ value: String(n), label: `Niveau ${n}` })),
              ]}
              value={level}
              onChange={setLevel}
              error={errorOf('candidate.highestLevel')}
            />
          </Group>
          <Checkbox.Group
            label="Bénéficiaire de"
            value={benefits}
            onChange={setBenefits}
            error={errorOf('candidate.benefits')}
          >
            <Group mt="xs">
              <Checkbox value="RSA" label="RSA" />
              <Checkbox value="ASS" label="ASS" />
              <Checkbox value="AAH" label="AAH" />
            </Group>
          </Checkbox.Group>
          <Group grow>
            <TextInput
              label="IDCC de l’employeur"
              value={idcc}
              onChange={(e) => setIdcc(e.currentTarget.value)}
              error={errorOf('candidate.employer.idcc')}
            />
            <NumberInput
              label="Effectif de l’entreprise"
              min={0}
              value={headcount ?? ''}
              onChange={(v) => setHeadcount(num(v))}
              error={errorOf('candidate.employer.headcount')}
            />
          </Group>
          {needed.has('candidate.onProAList') && (
            <Switch
              label="La certification figure sur la liste Pro-A de la branche de l’employeur"
              checked={onProAList}
              onChange={(e) => setOnProAList(e.currentTarget.checked)}
            />
          )}
          <CandidateFacts asked={asked} facts={facts} onChange={setFacts} errorOf={errorOf} />
          <Group>
            <Button type="submit" loading={run.isPending}>
              Simuler
            </Button>
          </Group>
        </Stack>
      </form>
      {run.isError && <ProblemAlert error={run.error} shownFields={(field) => shownFields(field, asked)} />}
      {run.data && (
        <section aria-labelledby="resultat">
          <Title order={2} id="resultat" mb="sm">
            {`Voies d’accès au ${formatDate(run.data.date)}`}
          </Title>
          <EligibilityMatrix results={run.data.results} />
        </section>
      )}
    </Page>
  );
}
