import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { certificationProblems } from '../../modules/catalogue/domain/certification.js';
import { frameworkProblems, frameworkSchema } from '../../modules/catalogue/domain/framework.js';
import {
  eventProblems,
  RECOGNITION_EVENT_TYPES,
  type RecognitionStatus,
  recognitionOn,
} from '../../modules/catalogue/domain/recognition.js';
import { siretProblem } from '../../modules/catalogue/domain/siret.js';
import { nsfLabel, referenceLists } from '../../modules/catalogue/reference.js';

/** The demo catalogue's "today": recognitions below are asserted on this date. */
const TODAY = '2026-11-22';

const OPCOS = [
  'AFDAS',
  'AKTO',
  'Atlas',
  'Constructys',
  'OCAPIAT',
  'OPCO 2i',
  'OPCO Cohésion sociale',
  'OPCO EP',
  'OPCO Mobilités',
  'OPCO Santé',
  'L’Opcommerce',
] as const;

const branchSchema = z.object({
  name: z.string().min(1),
  idcc: z.array(z.string().regex(/^\d{4}$/)).min(1),
  opco: z.enum(OPCOS),
  cpneMembers: z.array(
    z.object({
      college: z.enum(['employers', 'employees']),
      personName: z.string().min(1),
      organisationName: z.string().min(1),
    }),
  ),
});

const eventSchema = z.object({
  type: z.enum(RECOGNITION_EVENT_TYPES),
  date: z.string(),
  number: z.string().optional(),
  level: z.number().int().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  reference: z.string().optional(),
});

const certificationSchema = z.object({
  kind: z.enum(['CQP', 'CQPI']),
  code: z.string().regex(/^CQPI?-[A-Z0-9-]+$/),
  title: z.string().min(1),
  branches: z.array(z.string()).min(1),
  legalOwner: z.object({ name: z.string().min(1), siret: z.string() }),
  romeCodes: z.array(z.string()).min(1),
  nsfCodes: z.array(z.string()).min(1),
  formacodeCodes: z.array(z.string()).min(1),
  description: z.string().min(1),
  jobsTargeted: z.string().min(1),
  events: z.array(eventSchema).min(2),
  replacedBy: z.string().optional(),
  framework: z.unknown(),
});

const load = (file: string): unknown => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
const branches = z.array(branchSchema).parse(load('./branches.json'));
const certifications = z.array(certificationSchema).parse(load('./certifications.json'));
const lists = referenceLists();

const expected: Record<string, { status: RecognitionStatus; level?: number }> = {
  'CQP-APS': { status: 'rncp', level: 3 },
  'CQP-CORD1': { status: 'rs' },
  'CQP-PC': { status: 'branch_only' },
  'CQP-AQ': { status: 'branch_only' },
  'CQP-AP': { status: 'rncp', level: 3 },
  'CQP-PPI': { status: 'rncp', level: 4 },
  'CQPI-AL': { status: 'rncp', level: 3 },
  'CQP-AS-2016': { status: 'none' },
};

const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-ZÀ-Ý])/).length;

function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

describe('demo catalogue: branches', () => {
  it('has unique names and real IDCC numbers', () => {
    expect(new Set(branches.map((b) => b.name)).size).toBe(branches.length);
    for (const b of branches)
      for (const idcc of b.idcc) expect(lists.idcc.has(idcc), `${b.name} ${idcc}`).toBe(true);
  });

  it.each(branches.map((b) => [b.name, b] as const))('%s has a paritaire CPNE', (_name, b) => {
    for (const college of ['employers', 'employees'] as const) {
      expect(b.cpneMembers.filter((m) => m.college === college).length).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(b.cpneMembers.map((m) => m.personName)).size).toBe(b.cpneMembers.length);
  });
});

describe('demo catalogue: certifications', () => {
  it('lists exactly the expected certifications, with unique codes', () => {
    expect(certifications.map((c) => c.code).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(certifications.map((c) => [c.code, c] as const))('%s: identity', (_code, c) => {
    const names = new Set(branches.map((b) => b.name));
    for (const b of c.branches) expect(names.has(b), `branche inconnue : ${b}`).toBe(true);
    if (c.kind === 'CQPI') expect(new Set(c.branches).size).toBeGreaterThanOrEqual(2);
    expect(siretProblem(c.legalOwner.siret)).toBeNull();
    for (const r of c.romeCodes) expect(lists.rome.has(r), r).toBe(true);
    for (const n of c.nsfCodes) expect(nsfLabel(lists, n), n).toBeDefined();
    for (const f of c.formacodeCodes) expect(lists.formacode.has(f), f).toBe(true);
    const { branches: branchIds, events: _e, replacedBy: _r, framework: _f, ...rest } = c;
    expect(certificationProblems({ ...rest, branchIds }, lists)).toEqual([]);
    expect(sentences(c.description)).toBeGreaterThanOrEqual(3);
    expect(sentences(c.description)).toBeLessThanOrEqual(5);
  });

  it.each(certifications.map((c) => [c.code, c] as const))('%s: events and recognition today', (code, c) => {
    expect(eventProblems(c.events)).toEqual([]);
    const dates = c.events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(c.events[0]?.type).toBe('created');
    for (const e of c.events) {
      expect(e.date >= '2016-01-01' && e.date <= TODAY, `${e.type} ${e.date}`).toBe(true);
      if (e.from && e.to) expect(e.to <= addYears(e.from, 5), `${e.number} dure plus de 5 ans`).toBe(true);
    }
    const want = expected[code];
    const got = recognitionOn(c.events, TODAY);
    expect(got.status).toBe(want?.status);
    if (got.status === 'rncp') expect(got.level).toBe(want?.level);
  });

  it('keeps the lineage of the replaced certification', () => {
    const codes = new Set(certifications.map((c) => c.code));
    const ended = certifications.filter((c) =>
      c.events.some((e) => e.type === 'replaced' || e.type === 'withdrawn'),
    );
    expect(ended.length).toBeGreaterThanOrEqual(1);
    for (const c of certifications.filter((x) => x.replacedBy)) {
      expect(codes.has(c.replacedBy as string)).toBe(true);
      const replaced = c.events.find((e) => e.type === 'replaced');
      expect(replaced?.reference).toBe(c.replacedBy);
      const successor = certifications.find((x) => x.code === c.replacedBy);
      expect(recognitionOn(successor?.events ?? [], replaced?.date as string).status).not.toBe('none');
    }
  });

  it('has an RNCP registration that expired in 2024 for the agent de quai', () => {
    const aq = certifications.find((c) => c.code === 'CQP-AQ');
    expect(recognitionOn(aq?.events ?? [], '2024-01-15').status).toBe('rncp');
    const rncp = aq?.events.filter((e) => e.type === 'rncp_registered') ?? [];
    expect(rncp.every((e) => e.to?.startsWith('2024'))).toBe(true);
  });
});

describe('demo catalogue: frameworks', () => {
  it.each(certifications.map((c) => [c.code, c] as const))('%s: framework', (_code, c) => {
    const f = frameworkSchema.parse(c.framework);
    expect(frameworkProblems(f)).toEqual([]);

    expect(f.activities.activities.length).toBeGreaterThanOrEqual(2);
    expect(f.activities.activities.length).toBeLessThanOrEqual(4);
    for (const a of f.activities.activities) expect(a.workSituations.length).toBeGreaterThan(0);
    expect(f.activities.jobs.length).toBeGreaterThan(0);
    for (const j of f.activities.jobs) expect(lists.rome.has(j.romeCode ?? ''), j.title).toBe(true);

    const blocs = f.competencies.blocs;
    expect(blocs.length).toBeGreaterThanOrEqual(2);
    for (const b of blocs) {
      expect(b.code).toMatch(/^BC\d{2}$/);
      expect(b.competencies.length).toBeGreaterThanOrEqual(3);
      for (const comp of b.competencies) {
        expect(comp.code).toMatch(new RegExp(`^C${Number(b.code.slice(2))}\\.\\d+$`));
        expect(comp.knowledge.length).toBeGreaterThan(0);
      }
    }
    expect(blocs.some((b) => b.competencies.some((comp) => comp.transversal))).toBe(true);

    for (const a of f.assessment.competencies) {
      expect(a.criteria.length).toBeGreaterThanOrEqual(1);
      expect(a.criteria.length).toBeLessThanOrEqual(3);
      for (const cr of a.criteria) expect(cr.indicators.length).toBeGreaterThan(0);
    }
    const kinds = new Set(f.assessment.blocRules.map((r) => r.rule.kind));
    expect(kinds).toEqual(new Set(['all', 'n_of_m']));
  });
});
