import type { Transaction } from 'kysely';
import type { CandidacyStatus } from '../../contracts/candidacies.js';
import type { PathwayParty } from '../../contracts/pathway.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActorOf, SYSTEM_ADMIN } from '../../platform/auth/actor.js';
import { authorize, type CandidacyFacts, enforce } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import { fieldError, problems } from '../../platform/problem.js';
import type { FrameworksService } from '../catalogue/frameworks.service.js';
import type { OrganisationsService } from '../catalogue/organisations.service.js';
import type { UsersService } from '../identity/users.service.js';
import type { CandidaciesService } from './candidacies.service.js';
import {
  acknowledgementIsCurrent,
  type ModuleContext,
  moduleProblems,
  normaliseModule,
  type PathwayModule,
  pathwayBlocs,
  pathwayStateProblem,
  proposePathway,
} from './domain/pathway.js';
import type { CompetencyDecisions } from './domain/positioning.js';
import type { AcknowledgementBody, GenerateBody, ModuleInput, PathwayBody } from './pathway.schemas.js';
import { renderPathwayPdf } from './pathway-pdf.js';

type Deps = {
  db: Db;
  candidacies: Pick<CandidaciesService, 'loadFor'>;
  frameworks: Pick<FrameworksService, 'get'>;
  organisations: Pick<OrganisationsService, 'describe'>;
  users: Pick<UsersService, 'displayNames'>;
};

const NOT_FOUND = 'Parcours introuvable.';

type Loaded = Awaited<ReturnType<CandidaciesService['loadFor']>>;

/** A module as sent, every optional field present (null when absent). */
function fromInput(m: ModuleInput): PathwayModule {
  return {
    blocCode: m.blocCode,
    kind: m.kind,
    title: m.title,
    competencyCodes: m.competencyCodes ?? [],
    hours: m.hours ?? null,
    startsOn: m.startsOn ?? null,
    endsOn: m.endsOn ?? null,
    organisationId: m.organisationId ?? null,
    description: m.description ?? null,
    tutor: m.tutor ? { userId: m.tutor.userId ?? null, name: m.tutor.name ?? null } : null,
    dueOn: m.dueOn ?? null,
  };
}

/** What the audit keeps of a module: no description nor tutor's name (they may be personal). */
function audited(m: PathwayModule) {
  return {
    blocCode: m.blocCode,
    kind: m.kind,
    competencyCodes: m.competencyCodes,
    hours: m.hours,
    startsOn: m.startsOn,
    endsOn: m.endsOn,
    dueOn: m.dueOn,
    organisationId: m.organisationId,
    tutorUserId: m.tutor?.userId ?? null,
  };
}

/**
 * The individual pathway of a candidacy (issue 12, point 5): the blocs left to acquire after
 * positioning, a proposal generated from the gaps, edited as a whole module list by those who
 * manage the candidacy (`candidacy.editPathway`), acknowledged by the candidate and the employer
 * (`acknowledgePathway`, per revision: an edit makes earlier acknowledgements stale), and its
 * PDF summary. Reads: the candidacy's readers. Changes: at the positioning and pathway steps.
 */
export function pathwayServiceFactory(deps: Deps) {
  const { db } = deps;

  function requireState(status: CandidacyStatus) {
    const problem = pathwayStateProblem(status);
    if (problem) throw problems.conflict(problem);
  }

  /** The pinned framework, the organisation's positioning decisions and the blocs carried in. */
  async function inputsOf(row: Loaded['row']) {
    const [version, decisions, carried] = await Promise.all([
      deps.frameworks.get(row.certification_id, row.framework_version_number, SYSTEM_ADMIN),
      db
        .selectFrom('positioning_decisions')
        .select(['competency_code', 'level'])
        .where('candidacy_id', '=', row.id)
        .where('side', '=', 'organisation')
        .execute(),
      db.selectFrom('carried_blocs').select('bloc_code').where('candidacy_id', '=', row.id).execute(),
    ]);
    const byCompetency = new Map<string, CompetencyDecisions>(
      decisions.map((d) => [d.competency_code, { organisation: d.level }]),
    );
    const carriedCodes = carried.map((c) => c.bloc_code);
    const framework = version.content;
    return {
      framework,
      carried: carriedCodes,
      blocs: pathwayBlocs(framework, row.bloc_codes, carriedCodes, byCompetency),
    };
  }

  async function storedOf(candidacyId: string) {
    const pathway = await db
      .selectFrom('pathways')
      .selectAll()
      .where('candidacy_id', '=', candidacyId)
      .executeTakeFirst();
    if (!pathway) return undefined;
    const [modules, acknowledgements] = await Promise.all([
      db
        .selectFrom('pathway_modules')
        .selectAll()
        .where('candidacy_id', '=', candidacyId)
        .orderBy('position')
        .execute(),
      db
        .selectFrom('pathway_acknowledgements')
        .selectAll()
        .where('candidacy_id', '=', candidacyId)
        .orderBy('party')
        .execute(),
    ]);
    return {
      pathway,
      acknowledgements,
      modules: modules.map((r) => ({
        id: r.id,
        module: {
          blocCode: r.bloc_code,
          kind: r.kind,
          title: r.title,
          competencyCodes: r.competency_codes,
          hours: r.hours === null ? null : Number(r.hours),
          startsOn: r.starts_on,
          endsOn: r.ends_on,
          organisationId: r.organisation_id,
          description: r.description,
          tutor: r.tutor_user_id || r.tutor_name ? { userId: r.tutor_user_id, name: r.tutor_name } : null,
          dueOn: r.due_on,
        } satisfies PathwayModule,
      })),
    };
  }

  /** The checks' context: the organisations and tutor accounts the modules name, looked up. */
  async function contextFor(
    row: Loaded['row'],
    inputs: Awaited<ReturnType<typeof inputsOf>>,
    modules: readonly PathwayModule[],
  ): Promise<ModuleContext & { names: Map<string, string>; organisationNames: Map<string, string> }> {
    const orgIds = [...new Set(modules.flatMap((m) => (m.organisationId ? [m.organisationId] : [])))];
    const userIds = [...new Set(modules.flatMap((m) => (m.tutor?.userId ? [m.tutor.userId] : [])))];
    const [organisations, names] = await Promise.all([
      deps.organisations.describe(orgIds),
      deps.users.displayNames(userIds),
    ]);
    return {
      framework: inputs.framework,
      frameworkVersion: row.framework_version_number,
      targeted: row.bloc_codes,
      carried: inputs.carried,
      organisations: new Map(
        [...organisations].map(([id, o]) => [id, { trainingOrganisation: o.kind === 'training_org' }]),
      ),
      users: new Set(names.keys()),
      hasEmployer: row.employer_id !== null,
      names,
      organisationNames: new Map([...organisations].map(([id, o]) => [id, o.name])),
    };
  }

  /** The party the actor acknowledges as on this candidacy, or null. */
  function partyOf(actor: Actor, facts: CandidacyFacts): PathwayParty | null {
    if (!authorize(actor, 'acknowledgePathway', 'candidacy', facts)) return null;
    return facts.candidateUserId !== null && actor.userId === facts.candidateUserId
      ? 'candidate'
      : 'employer';
  }

  async function view(loaded: Loaded, actor: Actor) {
    const { row, facts } = loaded;
    const inputs = await inputsOf(row);
    const stored = await storedOf(row.id);
    const inState = pathwayStateProblem(row.status) === undefined;
    const party = partyOf(actor, facts);
    const can = {
      edit: inState && authorize(actor, 'editPathway', 'candidacy', facts),
      acknowledge: inState && stored !== undefined && party !== null,
      acknowledgeAs: party,
    };
    const blocs = inputs.blocs.map((b) => ({
      ...b,
      competencies: (
        inputs.framework.competencies.blocs.find((f) => f.code === b.code)?.competencies ?? []
      ).map((c) => ({ code: c.code, title: c.title })),
    }));
    if (!stored)
      return {
        candidacyId: row.id,
        status: row.status,
        frameworkVersion: row.framework_version_number,
        blocs,
        pathway: null,
        can,
      };
    const modules = stored.modules.map((m) => m.module);
    const ctx = await contextFor(row, inputs, modules);
    const people = await deps.users.displayNames([
      ...new Set([
        ...(stored.pathway.updated_by ? [stored.pathway.updated_by] : []),
        ...stored.acknowledgements.map((a) => a.acknowledged_by),
      ]),
    ]);
    const revision = stored.pathway.revision;
    return {
      candidacyId: row.id,
      status: row.status,
      frameworkVersion: row.framework_version_number,
      blocs,
      pathway: {
        revision,
        origin: stored.pathway.origin,
        updatedBy: stored.pathway.updated_by,
        updatedByName: stored.pathway.updated_by ? (people.get(stored.pathway.updated_by) ?? null) : null,
        updatedAt: new Date(stored.pathway.updated_at).toISOString(),
        modules: stored.modules.map(({ id, module: m }) => ({
          id,
          blocCode: m.blocCode,
          kind: m.kind,
          title: m.title,
          competencyCodes: m.competencyCodes,
          hours: m.hours,
          startsOn: m.startsOn,
          endsOn: m.endsOn,
          organisation: m.organisationId
            ? { id: m.organisationId, name: ctx.organisationNames.get(m.organisationId) ?? null }
            : null,
          description: m.description,
          tutor: m.tutor
            ? {
                userId: m.tutor.userId,
                name: m.tutor.userId ? (ctx.names.get(m.tutor.userId) ?? null) : m.tutor.name,
              }
            : null,
          dueOn: m.dueOn,
        })),
        missing: moduleProblems(modules, ctx).map((p) => {
          const e = fieldError(p.path, p.detail);
          return { pointer: e.pointer, field: e.field, detail: e.detail };
        }),
        acknowledgements: stored.acknowledgements.map((a) => ({
          party: a.party,
          revision: a.revision,
          current: acknowledgementIsCurrent(a.revision, revision),
          acknowledgedBy: a.acknowledged_by,
          acknowledgedByName: people.get(a.acknowledged_by) ?? null,
          acknowledgedAt: new Date(a.acknowledged_at).toISOString(),
        })),
      },
      can,
    };
  }

  async function get(candidacyId: string, actor: Actor) {
    return view(await deps.candidacies.loadFor(candidacyId, actor, 'read'), actor);
  }

  /** The candidacy for an edit, after the policy (404 unseen, 403 read-only) and state (409) checks. */
  async function editable(candidacyId: string, actor: Actor) {
    const loaded = await deps.candidacies.loadFor(candidacyId, actor, 'read');
    enforce(actor, 'editPathway', 'candidacy', loaded.facts, NOT_FOUND);
    requireState(loaded.row.status);
    return loaded;
  }

  /** Replaces the stored module list, bumps the revision and records the audit row, in the caller's transaction. */
  async function save(
    trx: Transaction<Database>,
    candidacyId: string,
    modules: readonly PathwayModule[],
    origin: 'generated' | 'edited',
    audit: { actor: Actor; requestId: string; before: Record<string, unknown> | undefined },
  ) {
    const { actor } = audit;
    const saved = await trx
      .insertInto('pathways')
      .values({
        candidacy_id: candidacyId,
        revision: 1,
        origin,
        updated_by: actor.userId,
        updated_at: new Date(),
      })
      .onConflict((oc) =>
        oc.column('candidacy_id').doUpdateSet((eb) => ({
          revision: eb('pathways.revision', '+', 1),
          origin,
          updated_by: actor.userId,
          updated_at: new Date(),
        })),
      )
      .returning('revision')
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('pathway_modules').where('candidacy_id', '=', candidacyId).execute();
    if (modules.length > 0)
      await trx
        .insertInto('pathway_modules')
        .values(
          modules.map((m, position) => ({
            candidacy_id: candidacyId,
            position,
            bloc_code: m.blocCode,
            kind: m.kind,
            title: m.title,
            competency_codes: m.competencyCodes,
            hours: m.hours,
            starts_on: m.startsOn,
            ends_on: m.endsOn,
            organisation_id: m.organisationId,
            description: m.description,
            tutor_user_id: m.tutor?.userId ?? null,
            tutor_name: m.tutor?.name ?? null,
            due_on: m.dueOn,
          })),
        )
        .execute();
    await recordAudit(trx, {
      actor: auditActorOf(actor),
      action: origin === 'generated' ? 'pathway.generate' : 'pathway.update',
      entityType: 'candidacy',
      entityId: candidacyId,
      ...(audit.before ? { before: audit.before } : {}),
      after: { revision: saved.revision, modules: modules.map(audited) },
      requestId: audit.requestId,
    });
  }

  /**
   * Generates the pathway from the positioning's gaps. An edited pathway is replaced only when
   * `replace` is true (409 otherwise); a generated one is regenerated.
   */
  async function generate(candidacyId: string, body: GenerateBody, actor: Actor, requestId: string) {
    const loaded = await editable(candidacyId, actor);
    const { row } = loaded;
    const inputs = await inputsOf(row);
    const modules = proposePathway(inputs.blocs, row.training_organisation_id);
    await db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('pathways')
        .select(['origin', 'revision'])
        .where('candidacy_id', '=', candidacyId)
        .forUpdate()
        .executeTakeFirst();
      if (before?.origin === 'edited' && body.replace !== true)
        throw problems.conflict(
          'Ce parcours a été modifié à la main : confirmez le remplacement par la proposition issue du positionnement.',
        );
      await save(trx, candidacyId, modules, 'generated', {
        actor,
        requestId,
        before: before ? { revision: before.revision, origin: before.origin } : undefined,
      });
    });
    return view(loaded, actor);
  }

  /** Replaces the whole module list (checked: 422 naming `modules/N/field`), audited. */
  async function update(candidacyId: string, body: PathwayBody, actor: Actor, requestId: string) {
    const loaded = await editable(candidacyId, actor);
    const { row } = loaded;
    const modules = body.modules.map((m) => normaliseModule(fromInput(m)));
    const inputs = await inputsOf(row);
    const ctx = await contextFor(row, inputs, modules);
    const found = moduleProblems(modules, ctx);
    if (found.length > 0)
      throw problems.unprocessable(
        found.map((p) => fieldError(p.path, p.detail)),
        'Certains modules du parcours sont incomplets ou incorrects.',
      );
    await db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('pathway_modules')
        .selectAll()
        .where('candidacy_id', '=', candidacyId)
        .orderBy('position')
        .execute();
      await save(trx, candidacyId, modules, 'edited', {
        actor,
        requestId,
        before: { modules: before.map((m) => ({ blocCode: m.bloc_code, kind: m.kind })) },
      });
    });
    return view(loaded, actor);
  }

  /**
   * The candidate (own candidacy) or an account of its employer acknowledges the revision they
   * read: 409 when the pathway changed since, is not complete, or does not exist yet.
   */
  async function acknowledge(
    candidacyId: string,
    body: AcknowledgementBody,
    actor: Actor,
    requestId: string,
  ) {
    const loaded = await deps.candidacies.loadFor(candidacyId, actor, 'read');
    enforce(actor, 'acknowledgePathway', 'candidacy', loaded.facts, NOT_FOUND);
    requireState(loaded.row.status);
    const party = partyOf(actor, loaded.facts) as PathwayParty;
    const current = await view(loaded, actor);
    if (!current.pathway) throw problems.conflict('Aucun parcours individualisé n’a encore été établi.');
    if (current.pathway.revision !== body.revision)
      throw problems.conflict(
        `Le parcours a changé depuis votre lecture (révision ${current.pathway.revision}) : relisez-le avant d’en prendre connaissance.`,
      );
    if (current.pathway.missing.length > 0)
      throw problems.conflict(
        'Le parcours n’est pas complet (heures, dates ou intervenants à préciser) : l’organisme doit le compléter.',
      );
    await db.transaction().execute(async (trx) => {
      // The revision again, inside the transaction: an edit committed since the read wins.
      const now = await trx
        .selectFrom('pathways')
        .select('revision')
        .where('candidacy_id', '=', candidacyId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (now.revision !== body.revision)
        throw problems.conflict('Le parcours a changé pendant votre demande : relisez-le.');
      const values = { revision: body.revision, acknowledged_by: actor.userId, acknowledged_at: new Date() };
      await trx
        .insertInto('pathway_acknowledgements')
        .values({ candidacy_id: candidacyId, party, ...values })
        .onConflict((oc) => oc.columns(['candidacy_id', 'party']).doUpdateSet(values))
        .execute();
      await recordAudit(trx, {
        actor: auditActorOf(actor),
        action: 'pathway.acknowledge',
        entityType: 'candidacy',
        entityId: candidacyId,
        after: { party, revision: body.revision },
        requestId,
      });
    });
    return view(loaded, actor);
  }

  /** The PDF summary, for the candidacy's readers. */
  async function pdf(candidacyId: string, actor: Actor) {
    const loaded = await deps.candidacies.loadFor(candidacyId, actor, 'read');
    const data = await view(loaded, actor);
    const { row, labels } = loaded;
    const certification = labels.certifications.get(row.certification_id) ?? { code: '', title: '' };
    const bytes = await renderPathwayPdf({
      candidate: { birthName: row.birth_name, usageName: row.usage_name, firstNames: row.first_names },
      certification,
      frameworkVersion: row.framework_version_number,
      trainingOrganisation: labels.organisations.get(row.training_organisation_id)?.name ?? '',
      employer: row.employer_id ? (labels.organisations.get(row.employer_id)?.name ?? '') : null,
      blocs: data.blocs,
      pathway: data.pathway,
    });
    return { bytes, fileName: `parcours-${certification.code || 'certification'}.pdf` };
  }

  return { get, generate, update, acknowledge, pdf };
}

export type PathwayService = ReturnType<typeof pathwayServiceFactory>;
