import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  CANDIDACY_INITIATIVE_LABELS,
  CANDIDACY_INITIATIVES,
  SELF_FUNDED_LABEL,
  SELF_FUNDED_ROUTE,
} from '../../../src/contracts/candidacies';
import { CONTRACT_TYPE_LABELS, CONTRACT_TYPES } from '../../../src/contracts/eligibility-facts';
import type { Certification } from '../api/catalogue';
import { ApiError, api } from '../api/client';
import type { Page } from '../api/types';
import { useCurrentUser } from '../auth/currentUser';
import { certificationKey, certificationOptions } from '../catalogue/queries';
import { type CandidateStatus, STATUS_LABELS, useEligibilityRules } from '../eligibility/api';
import { today } from '../format/date';
import { COLORS } from '../ui/colors';
import { fieldError, fieldErrors } from '../ui/fieldError';
import { Page as PageLayout } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { SearchSelect } from '../ui/SearchSelect';
import { UnsavedChangesGuard } from '../ui/UnsavedChangesGuard';
import { candidateName, useCandidate } from './candidacy';
import { EmployerField } from './EmployerField';
import {
  CANDIDACIES_PATH,
  type CandidacySummary,
  type Enrolled,
  type EnrolmentRequest,
  refreshCandidacies,
} from './enrolment';
import { type CivilIdentityDraft, CivilIdentityFields } from './IdentityFields';

const BENEFITS = ['RSA', 'ASS', 'AAH'] as const;
type Benefit = (typeof BENEFITS)[number];
type Route = EnrolmentRequest['route'];
type Funder = NonNullable<EnrolmentRequest['funders']>[number];

/** The form as typed: strings where the person types, null where nothing is chosen yet. */
type Draft = CivilIdentityDraft & {
  who: 'new' | 'existing';
  candidateId: string | null;
  email: string;
  phone: string;
  nir: string;
  street: string;
  complement: string;
  postalCode: string;
  city: string;
  certificationId: string | null;
  route: Route | null;
  status: CandidateStatus | null;
  contractType: string | null;
  benefits: Benefit[];
  wholeCertification: boolean;
  blocCodes: string[];
  trainingOrganisationId: string | null;
  employerId: string | null;
  employerName: string | undefined;
  funders: Funder[];
  enrolledOn: string;
  initiative: EnrolmentRequest['initiative'];
};

const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** The request the API takes, from the draft (empty fields left out). */
function requestOf(d: Draft): EnrolmentRequest {
  const address =
    d.street.trim() || d.postalCode.trim() || d.city.trim()
      ? {
          street: d.street.trim(),
          ...(opt(d.complement) ? { complement: opt(d.complement) } : {}),
          postalCode: d.postalCode.trim(),
          city: d.city.trim(),
        }
      : undefined;
  const candidate = {
    birthName: d.birthName.trim(),
    ...(opt(d.usageName) ? { usageName: opt(d.usageName) } : {}),
    firstNames: d.firstNames.map((n) => n.trim()).filter((n) => n !== ''),
    sex: d.sex as 'F' | 'M',
    birthDate: {
      year: d.birthYear ?? 0,
      ...(d.birthMonth ? { month: Number(d.birthMonth) } : {}),
      ...(d.birthMonth && d.birthDay ? { day: Number(d.birthDay) } : {}),
    },
    birthPlace:
      d.bornIn === 'france'
        ? { communeInsee: d.communeInsee.trim() }
        : { countryInsee: d.countryInsee.trim() },
    ...(opt(d.email) ? { email: opt(d.email) } : {}),
    ...(opt(d.phone) ? { phone: opt(d.phone) } : {}),
    ...(opt(d.nir) ? { nir: opt(d.nir)?.replace(/\s/g, '') } : {}),
    ...(address ? { address } : {}),
  };
  const selfFunded = d.route === SELF_FUNDED_ROUTE;
  return {
    // Nobody chosen yet: the API names the empty choice on its field.
    ...(d.who === 'existing' ? { candidateId: d.candidateId ?? '' } : { candidate }),
    certificationId: d.certificationId ?? '',
    route: d.route as Route,
    ...(!selfFunded && d.status
      ? {
          situation: {
            status: d.status,
            ...(d.status === 'employee' && d.contractType
              ? { contractType: d.contractType as (typeof CONTRACT_TYPES)[number] }
              : {}),
            ...(d.benefits.length > 0 ? { benefits: d.benefits } : {}),
          },
        }
      : {}),
    ...(d.wholeCertification ? {} : { blocCodes: d.blocCodes }),
    trainingOrganisationId: d.trainingOrganisationId ?? '',
    ...(d.employerId ? { employerId: d.employerId } : {}),
    ...(d.funders.length > 0 ? { funders: d.funders } : {}),
    enrolledOn: d.enrolledOn,
    initiative: d.initiative,
  } as EnrolmentRequest;
}

/** The possible duplicates a 409 names, by the link to their record (never a personal value). */
function duplicatesOf(error: Error | null): { id: string; why: string }[] {
  if (!(error instanceof ApiError) || error.status !== 409) return [];
  return (error.problem.errors ?? []).flatMap((e) => {
    const match = /\/api\/v1\/candidates\/([0-9a-f-]{36})/.exec(e.detail);
    if (!match?.[1]) return [];
    const why = /\(([^)]*)\)/.exec(e.detail)?.[1] ?? '';
    return [{ id: match[1], why }];
  });
}

/** One possible duplicate: who it is when the signed-in person may read them, and the two ways on. */
function Duplicate({ id, why, onEnrolThem }: { id: string; why: string; onEnrolThem: () => void }) {
  const candidate = useCandidate(id);
  const person = candidate.data;
  return (
    <List.Item>
      <Text size="sm">
        {person ? candidateName(person) : 'Une personne enregistrée'}
        {why ? ` : ${why}` : ''}
        {person && person.candidacies.length > 0 && (
          <>
            {' — ses parcours : '}
            {person.candidacies.map((c, i) => (
              <span key={c.id}>
                {i > 0 ? ', ' : ''}
                <Anchor component={Link} to={`/candidatures/${c.id}`}>
                  {c.certification.code}
                </Anchor>
              </span>
            ))}
          </>
        )}
      </Text>
      <Button size="compact-sm" mt={4} variant="light" onClick={onEnrolThem}>
        Inscrire cette personne
      </Button>
    </List.Item>
  );
}

/** The person named in the address (`?candidat=`), when not among the recent ones. */
function ChosenCandidate({ id }: { id: string }) {
  const candidate = useCandidate(id);
  if (candidate.isPending) return null;
  return candidate.data ? (
    <Text size="sm">Personne choisie : {candidateName(candidate.data)}</Text>
  ) : (
    <Alert color={COLORS.warning}>Cette personne est introuvable : choisissez-la dans la liste.</Alert>
  );
}

/** The candidates of the signed-in person's most recent candidacies, to enrol one of them again. */
function useKnownCandidates(enabled: boolean) {
  return useQuery({
    queryKey: [CANDIDACIES_PATH, 'known-candidates'],
    queryFn: async () => {
      const page = await api.get<Page<CandidacySummary>>(`${CANDIDACIES_PATH}?pageSize=200`);
      const seen = new Map<string, string>();
      for (const c of page.items)
        if (!seen.has(c.candidateId)) seen.set(c.candidateId, candidateName(c.candidate));
      return [...seen].map(([value, label]) => ({ value, label }));
    },
    enabled,
  });
}

/**
 * `/candidatures/nouvelle`: enrol one candidate — a new person (identity as the Caisse des
 * Dépôts matches it) or one already registered — for a certification, checked by the API with
 * the eligibility service on the entry date. The API's reasons are shown on their fields; a
 * possible duplicate offers to enrol that person or to confirm a homonym.
 */
export function EnrolPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const ownOrganisations = me.roles.filter((g) => g.role === 'training_org' && g.scope.id);
  const initial: Draft = {
    who: params.get('candidat') ? 'existing' : 'new',
    candidateId: params.get('candidat'),
    birthName: '',
    usageName: '',
    firstNames: ['', '', ''],
    sex: null,
    birthYear: null,
    birthMonth: null,
    birthDay: null,
    bornIn: 'france',
    communeInsee: '',
    countryInsee: '',
    email: '',
    phone: '',
    nir: '',
    street: '',
    complement: '',
    postalCode: '',
    city: '',
    certificationId: null,
    route: null,
    status: null,
    contractType: null,
    benefits: [],
    wholeCertification: true,
    blocCodes: [],
    trainingOrganisationId: ownOrganisations.length === 1 ? (ownOrganisations[0]?.scope.id ?? null) : null,
    employerId: null,
    employerName: undefined,
    funders: [],
    enrolledOn: today(),
    initiative: ownOrganisations.length > 0 ? 'training_organisation' : 'candidate',
  };
  const [draft, setDraft] = useState<Draft>(initial);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: keyof Draft & string, field: string) => ({
    value: draft[key] as string,
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value as never),
    error: fieldError(enrol.error, field),
  });

  const enrol = useMutation({
    mutationFn: (extra: { confirmHomonym?: true; candidateId?: string }) => {
      const body = requestOf(draft);
      if (extra.candidateId) {
        const { candidate: _, ...rest } = body;
        return api.post<Enrolled>(CANDIDACIES_PATH, { ...rest, candidateId: extra.candidateId });
      }
      return api.post<Enrolled>(CANDIDACIES_PATH, { ...body, ...extra });
    },
    onSuccess: async (created) => {
      await refreshCandidacies(queryClient);
      navigate(`/candidatures/${created.id}`);
    },
  });
  const error = enrol.error;
  const duplicates = duplicatesOf(error);

  // The chosen certification's fiche: its blocs and the organisations habilitated to train for it.
  const fiche = useQuery({
    queryKey: certificationKey(draft.certificationId ?? ''),
    queryFn: () => api.get<Certification>(`/api/v1/certifications/${draft.certificationId}`),
    enabled: draft.certificationId !== null,
  });
  const certification = draft.certificationId ? fiche.data : undefined;
  const blocs = certification?.framework?.content.competencies.blocs ?? [];
  const rules = useEligibilityRules();
  const inForce = (r: { from: string; to: string | null }) =>
    r.from <= draft.enrolledOn && (r.to === null || r.to >= draft.enrolledOn);
  const routes = (rules.data?.routes ?? []).filter(inForce);
  const routeOptions = [
    ...routes.map((r) => ({ value: r.id, label: r.title })),
    { value: SELF_FUNDED_ROUTE, label: SELF_FUNDED_LABEL },
  ];
  const chosenRoute = routes.find((r) => r.id === draft.route);
  const funderOptions =
    draft.route === SELF_FUNDED_ROUTE
      ? [{ value: 'candidate', label: 'Le candidat ou la candidate' }]
      : [
          ...new Map(
            (chosenRoute?.funders ?? [])
              .filter(inForce)
              .map((f) => [f.funder, { value: f.funder, label: f.title }]),
          ).values(),
        ];
  const trainingOrgOptions =
    ownOrganisations.length > 0
      ? ownOrganisations.map((g) => ({
          value: g.scope.id as string,
          label: g.scope.label ?? 'Mon organisme',
        }))
      : (certification?.trainingOrganisations ?? []).map((o) => ({ value: o.id, label: o.name }));
  const known = useKnownCandidates(draft.who === 'existing');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    enrol.mutate({});
  };
  const dirty = !enrol.isPending && !enrol.isSuccess && JSON.stringify(draft) !== JSON.stringify(initial);
  const selfFunded = draft.route === SELF_FUNDED_ROUTE;
  const shownInline = (field: string) =>
    (field.startsWith('candidate.') && draft.who === 'new' && duplicates.length === 0) ||
    [
      'candidateId',
      'certificationId',
      'trainingOrganisationId',
      'employerId',
      'enrolledOn',
      'initiative',
      'situation',
    ].some((f) => field === f || field.startsWith(`${f}.`)) ||
    field.startsWith('blocCodes') ||
    field.startsWith('funders');

  return (
    <PageLayout title="Inscrire un candidat">
      <UnsavedChangesGuard dirty={dirty} />
      <form onSubmit={submit} noValidate aria-label="Inscription d’un candidat">
        <Stack gap="lg" maw={820}>
          <Fieldset legend="Candidat·e">
            <Stack gap="sm">
              <SegmentedControl
                aria-label="Candidat·e"
                value={draft.who}
                onChange={(v) => set('who', v as Draft['who'])}
                data={[
                  { value: 'new', label: 'Nouvelle personne' },
                  { value: 'existing', label: 'Déjà enregistrée' },
                ]}
              />
              {draft.who === 'existing' && (
                <Select
                  label="Personne"
                  description="Parmi les candidats de vos parcours les plus récents"
                  placeholder="Nom ou prénom"
                  searchable
                  required
                  data={known.data ?? []}
                  value={known.data?.some((k) => k.value === draft.candidateId) ? draft.candidateId : null}
                  onChange={(v) => set('candidateId', v)}
                  nothingFoundMessage={known.isFetching ? 'Chargement…' : 'Personne ne correspond.'}
                  error={fieldError(error, 'candidateId')}
                />
              )}
              {draft.who === 'existing' &&
                draft.candidateId &&
                known.data &&
                !known.data.some((k) => k.value === draft.candidateId) && (
                  <ChosenCandidate id={draft.candidateId} />
                )}
              {draft.who === 'new' && (
                <>
                  <CivilIdentityFields
                    draft={draft}
                    setDraft={setDraft}
                    errorOf={(field) => fieldError(error, `candidate.${field}`)}
                  />
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <TextInput
                      label="Adresse e-mail"
                      description="La personne sera invitée à créer son compte"
                      type="email"
                      {...text('email', 'candidate.email')}
                    />
                    <TextInput label="Téléphone" type="tel" {...text('phone', 'candidate.phone')} />
                  </SimpleGrid>
                  <TextInput
                    label="Numéro de sécurité sociale (NIR)"
                    description="Facultatif ; 15 caractères, clé comprise ; chiffré, affiché masqué"
                    autoComplete="off"
                    {...text('nir', 'candidate.nir')}
                  />
                  <Fieldset legend="Adresse postale (facultative)" variant="unstyled">
                    <Stack gap="xs">
                      <TextInput label="Voie" {...text('street', 'candidate.address.street')} />
                      <TextInput label="Complément" {...text('complement', 'candidate.address.complement')} />
                      <SimpleGrid cols={{ base: 1, sm: 2 }}>
                        <TextInput
                          label="Code postal"
                          {...text('postalCode', 'candidate.address.postalCode')}
                        />
                        <TextInput label="Commune" {...text('city', 'candidate.address.city')} />
                      </SimpleGrid>
                    </Stack>
                  </Fieldset>
                </>
              )}
            </Stack>
          </Fieldset>

          <Fieldset legend="Certification et voie d’accès">
            <Stack gap="sm">
              <SearchSelect
                label="Certification"
                description="Code ou intitulé"
                required
                queryKey={['candidacies', 'enrol', 'certifications']}
                search={(q) => certificationOptions(q, 20)}
                value={draft.certificationId}
                onChange={(v) =>
                  setDraft((d) => ({ ...d, certificationId: v, blocCodes: [], wholeCertification: true }))
                }
                nothingFound="Aucune certification ne correspond."
                unavailable="Liste des certifications indisponible."
                error={fieldError(error, 'certificationId')}
              />
              {certification && blocs.length > 0 && (
                <Stack gap={4}>
                  <Checkbox
                    label="Toute la certification"
                    checked={draft.wholeCertification}
                    onChange={(e) => set('wholeCertification', e.currentTarget.checked)}
                  />
                  {!draft.wholeCertification && (
                    <Checkbox.Group
                      label="Blocs visés"
                      value={draft.blocCodes}
                      onChange={(v) => set('blocCodes', v)}
                      error={fieldErrors(error, 'blocCodes')}
                    >
                      <Stack gap={4} mt={4}>
                        {blocs.map((b) => (
                          <Checkbox key={b.code} value={b.code} label={`${b.code} — ${b.title}`} />
                        ))}
                      </Stack>
                    </Checkbox.Group>
                  )}
                </Stack>
              )}
              <TextInput
                label="Date d’entrée"
                description="La voie d’accès est vérifiée à cette date"
                type="date"
                required
                {...text('enrolledOn', 'enrolledOn')}
              />
              <Select
                label="Voie d’accès"
                required
                data={routeOptions}
                value={draft.route}
                onChange={(v) => setDraft((d) => ({ ...d, route: v as Route | null, funders: [] }))}
                error={
                  fieldError(error, 'route') && 'La voie n’est pas ouverte : voyez les raisons ci-dessous.'
                }
              />
              {!selfFunded && (
                <Fieldset legend="Situation du candidat" variant="unstyled">
                  <Stack gap="xs">
                    <Select
                      label="Statut"
                      required
                      data={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
                      value={draft.status}
                      onChange={(v) => set('status', v as CandidateStatus | null)}
                      error={fieldError(error, 'situation') ?? fieldError(error, 'situation.status')}
                    />
                    {draft.status === 'employee' && (
                      <Select
                        label="Type de contrat"
                        clearable
                        data={CONTRACT_TYPES.map((value) => ({ value, label: CONTRACT_TYPE_LABELS[value] }))}
                        value={draft.contractType}
                        onChange={(v) => set('contractType', v)}
                        error={fieldError(error, 'situation.contractType')}
                      />
                    )}
                    <Checkbox.Group
                      label="Bénéficiaire de"
                      value={draft.benefits}
                      onChange={(v) => set('benefits', v as Benefit[])}
                      error={fieldErrors(error, 'situation.benefits')}
                    >
                      <Group mt={4}>
                        {BENEFITS.map((b) => (
                          <Checkbox key={b} value={b} label={b} />
                        ))}
                      </Group>
                    </Checkbox.Group>
                  </Stack>
                </Fieldset>
              )}
              <MultiSelect
                label="Financeurs"
                description={draft.route ? 'Ceux que la voie prévoit' : 'Choisissez d’abord la voie'}
                data={funderOptions}
                value={draft.funders}
                onChange={(v) => set('funders', v as Funder[])}
                error={fieldErrors(error, 'funders')}
              />
            </Stack>
          </Fieldset>

          <Fieldset legend="Organismes">
            <Stack gap="sm">
              <Select
                label="Organisme de formation"
                description={
                  ownOrganisations.length > 0
                    ? undefined
                    : 'Les organismes habilités pour la certification choisie'
                }
                required
                data={trainingOrgOptions}
                value={draft.trainingOrganisationId}
                onChange={(v) => set('trainingOrganisationId', v)}
                nothingFoundMessage="Choisissez d’abord la certification."
                error={fieldError(error, 'trainingOrganisationId')}
              />
              <EmployerField
                value={draft.employerId}
                valueLabel={draft.employerName}
                onChange={(id, name) => setDraft((d) => ({ ...d, employerId: id, employerName: name }))}
                error={fieldError(error, 'employerId')}
              />
              <Select
                label="À l’initiative de"
                required
                allowDeselect={false}
                data={CANDIDACY_INITIATIVES.map((value) => ({
                  value,
                  label: CANDIDACY_INITIATIVE_LABELS[value],
                }))}
                value={draft.initiative}
                onChange={(v) => v && set('initiative', v as Draft['initiative'])}
                error={fieldError(error, 'initiative')}
              />
            </Stack>
          </Fieldset>

          {duplicates.length > 0 ? (
            <Alert color={COLORS.warning} title="Cette personne est peut-être déjà enregistrée">
              <Stack gap="xs">
                <List spacing="xs">
                  {duplicates.map((d) => (
                    <Duplicate
                      key={d.id}
                      id={d.id}
                      why={d.why}
                      onEnrolThem={() => enrol.mutate({ candidateId: d.id })}
                    />
                  ))}
                </List>
                <Text size="sm">S’il s’agit d’une autre personne qui porte le même nom :</Text>
                <Button
                  variant="default"
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() => enrol.mutate({ confirmHomonym: true })}
                  loading={enrol.isPending}
                >
                  C’est un homonyme : inscrire une nouvelle personne
                </Button>
              </Stack>
            </Alert>
          ) : (
            error && <ProblemAlert error={error} shownFields={shownInline} />
          )}
          <Group>
            <Button type="submit" loading={enrol.isPending}>
              Inscrire
            </Button>
            <Button component={Link} to="/candidatures" variant="default">
              Annuler
            </Button>
          </Group>
        </Stack>
      </form>
    </PageLayout>
  );
}
