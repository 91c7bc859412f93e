import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BranchInput } from '../modules/catalogue/branches.service.js';
import type { CertificationKind } from '../modules/catalogue/domain/certification.js';
import type { RecognitionEvent } from '../modules/catalogue/domain/recognition.js';
import { SYSTEM_ACTOR, SYSTEM_ADMIN } from '../platform/auth/actor.js';
import type { Db } from '../platform/db/connect.js';
import { projectRoot } from '../platform/paths.js';
import type { Services } from './app.js';

/**
 * The end of the demo's Qualiopi certificates and habilitations: the end of the year after next,
 * so that a demo seeded any day has them valid for the sessions it schedules in the coming weeks.
 */
function demoHorizon(): string {
  return `${new Date().getUTCFullYear() + 2}-12-31`;
}

type DemoCertification = {
  kind: CertificationKind;
  code: string;
  title: string;
  branches: string[];
  legalOwner: { name: string; siret: string };
  romeCodes: string[];
  nsfCodes: string[];
  formacodeCodes: string[];
  description: string;
  jobsTargeted: string;
  events: (RecognitionEvent & { reference?: string })[];
  replacedBy?: string;
  framework: unknown;
};

/** One training organisation per branch, habilitated for that branch's certifications. */
const DEMO_TRAINERS: Record<string, { name: string; siret: string; nda: string }> = {
  'Prévention et sécurité': {
    name: 'Institut Sécurité Formation (démo)',
    siret: '73282932000074',
    nda: '11755012375',
  },
  'Bâtiment et travaux publics': {
    name: 'Campus Cordistes Alpes (démo)',
    siret: '41953012600012',
    nda: '82380412338',
  },
  'Transport et logistique': {
    name: 'Logistique Formation Nord (démo)',
    siret: '50321789500013',
    nda: '31590845659',
  },
  Aéronautique: { name: 'Piste Académie (démo)', siret: '52814963600011', nda: '11940923494' },
  'Industrie pharmaceutique': {
    name: 'Pharma Compétences (démo)',
    siret: '48720391100010',
    nda: '84691561769',
  },
};

function readDemo<T>(file: string): T {
  const dir = path.join(projectRoot, 'src', 'app', 'demo-catalogue');
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T;
}

/**
 * The demo catalogue (src/app/demo-catalogue/*.json): branches with their CPNE, realistic
 * CQPs and a CQPI with published frameworks and recognition histories, training
 * organisations and demo persons habilitated. Goes through the services, so everything is
 * validated and audited. Idempotent: a certification whose code exists is left alone.
 */
export async function seedDemoCatalogue(
  db: Db,
  services: Services,
  demoUsers: { evaluator: string; jury: string },
) {
  const { branches, organisations, certifications, frameworks, habilitations } = services.catalogue;
  const requestId = 'seed-demo';

  const branchIds = new Map<string, string>();
  for (const b of readDemo<BranchInput[]>('branches.json')) {
    const existing = await db
      .selectFrom('branches')
      .select('id')
      .where('name', '=', b.name)
      .executeTakeFirst();
    branchIds.set(b.name, await branches.save(existing?.id, b, SYSTEM_ADMIN, requestId));
  }

  const trainerIds = new Map<string, string>();
  for (const [branch, t] of Object.entries(DEMO_TRAINERS)) {
    const existing = await db
      .selectFrom('organisations')
      .select('id')
      .where('siret', '=', t.siret)
      .executeTakeFirst();
    trainerIds.set(
      branch,
      existing?.id ??
        (await organisations.create(
          {
            kind: 'training_org',
            name: t.name,
            siret: t.siret,
            ndaNumber: t.nda,
            qualiopiExpiresOn: demoHorizon(),
          },
          SYSTEM_ADMIN,
          requestId,
        )),
    );
  }

  const demo = readDemo<DemoCertification[]>('certifications.json');
  const created = new Map<string, string>();
  for (const c of demo) {
    const existing = await db
      .selectFrom('certifications')
      .select('id')
      .where('code', '=', c.code)
      .executeTakeFirst();
    if (existing) continue;
    const id = await certifications.create(
      { ...c, branchIds: c.branches.map((name) => branchIds.get(name) as string) },
      SYSTEM_ADMIN,
      requestId,
    );
    created.set(c.code, id);
    for (const event of c.events.filter((e) => e.type !== 'replaced')) {
      await certifications.addEvent(id, event, SYSTEM_ADMIN, requestId);
    }
    const draft = await frameworks.createDraft(id, { content: c.framework }, SYSTEM_ADMIN, requestId);
    await frameworks.publish(id, draft.number, SYSTEM_ADMIN, requestId);
    // A published framework and a transmission: in the public catalogue.
    await certifications.activate(id, SYSTEM_ADMIN, requestId);
    for (const branch of c.branches) {
      const trainer = trainerIds.get(branch);
      if (trainer) {
        await habilitations.create(
          id,
          {
            kind: 'train_and_assess',
            organisationId: trainer,
            validFrom: '2024-01-01',
            validTo: demoHorizon(),
          },
          SYSTEM_ADMIN,
          requestId,
        );
      }
    }
    for (const [kind, userId] of [
      ['evaluator', demoUsers.evaluator],
      ['jury_member', demoUsers.jury],
    ] as const) {
      // A jury member's habilitation names their college and who designated them (issue 13).
      const jury =
        kind === 'jury_member'
          ? { college: 'employers' as const, designatedBy: 'Fédération patronale de la branche' }
          : {};
      await habilitations.create(
        id,
        { kind, userId, validFrom: '2025-01-01', validTo: demoHorizon(), ...jury },
        SYSTEM_ADMIN,
        requestId,
      );
    }
  }
  // Replacements name their successor, which must exist first.
  for (const c of demo) {
    const id = created.get(c.code);
    const successorId = c.replacedBy ? (created.get(c.replacedBy) ?? undefined) : undefined;
    if (!id) continue;
    const replacements = c.events.filter((e) => e.type === 'replaced');
    for (const event of replacements) {
      await certifications.addEvent(id, { ...event, successorId }, SYSTEM_ADMIN, requestId);
    }
    // The branch took the replaced version off its offer: public with its history, no new candidacy.
    if (replacements.length > 0) await certifications.retire(id, SYSTEM_ADMIN, requestId);
  }
  await seedDemoRegistry(db, services);
  await seedDemoInvitation(db, services, branchIds);
  return { certifications: created.size };
}

/**
 * A CQPI in preparation by the transport branch, which invites « Prévention et sécurité » to
 * co-own it: the demo branch manager finds an invitation to answer. A draft (no framework, no
 * transmission yet): out of the public catalogue.
 */
async function seedDemoInvitation(db: Db, services: Services, branchIds: Map<string, string>) {
  const code = 'CQPI-ASL';
  const exists = await db
    .selectFrom('certifications')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  const transport = branchIds.get('Transport et logistique');
  const security = branchIds.get('Prévention et sécurité');
  if (exists || !transport || !security) return;
  const input = {
    kind: 'CQPI' as const,
    code,
    title: 'Agent de sûreté en site logistique',
    branchIds: [transport, security],
    legalOwner: {
      name: 'Association paritaire interbranches des métiers de la logistique (APIML)',
      siret: '91538207100016',
    },
    romeCodes: ['K2503', 'N1103'],
    nsfCodes: ['344t'],
    formacodeCodes: [],
    description:
      'Projet de CQPI : surveillance des entrepôts et des quais, contrôle des accès des transporteurs, prévention des vols de marchandises.',
    jobsTargeted: 'Agent de sûreté en entrepôt, agent de contrôle des accès logistiques.',
  };
  // Created in the transport branch's name, as its manager would: the security branch is invited.
  const transportManager = {
    ...SYSTEM_ADMIN,
    grants: [{ role: 'branch_manager' as const, scope: { type: 'branch' as const, id: transport } }],
  };
  await services.catalogue.certifications.create(input, transportManager, 'seed-demo');
}

/** The shipped sample of France compétences' RNCP export (reference/registry/, 12 real fiches). */
export const DEMO_REGISTRY_FILE = path.join(
  projectRoot,
  'reference',
  'registry',
  'export_fiches_RNCP_fixture.xml',
);

/**
 * Imports the shipped RNCP sample once, then links CQP-APS (branch « Prévention et
 * sécurité ») to RNCP34762, a fiche that ended on 2024-08-31 and has a successor: its
 * branch manager finds alerts waiting (registration ended, other dates and level, successor).
 * The fiche is not CQP-APS's real registration: the sample holds no security fiche, and the
 * point is to show what a disagreement looks like.
 */
async function seedDemoRegistry(db: Db, services: Services) {
  const imported = await db.selectFrom('registry_fiches').select('numero').limit(1).executeTakeFirst();
  if (!imported) {
    const run = await services.registry.imports.importFile(DEMO_REGISTRY_FILE, {
      fileName: path.basename(DEMO_REGISTRY_FILE),
      actor: SYSTEM_ACTOR,
      requestId: 'seed-demo',
    });
    if (run?.status !== 'succeeded') throw new Error(`Demo registry import failed: ${run?.error_message}`);
  }
  const aps = await db
    .selectFrom('certifications')
    .select('id')
    .where('code', '=', 'CQP-APS')
    .executeTakeFirst();
  const fiche = await db
    .selectFrom('registry_fiches')
    .select('numero')
    .where('numero', '=', 'RNCP34762')
    .executeTakeFirst();
  if (aps && fiche) await services.registry.service.link(aps.id, fiche.numero, SYSTEM_ADMIN, 'seed-demo');
}
