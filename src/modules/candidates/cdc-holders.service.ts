import type { Db } from '../../platform/db/connect.js';

/**
 * What the CDC deposits (module cdc, ADR 0008) read of awards and their holders: the award, its
 * candidacy's access route, enrolment date and initiative, and the holder's identity as the
 * Caisse des Dépôts matches it. A read for another module's service, which enforces its own
 * policy (`cdcCertifier`: the branches owning the certifications) before calling it: nothing
 * here is answered to anyone as it is. The module cdc names no table of this one.
 */
export type CdcHolderAward = {
  awardId: string;
  number: string;
  certificationId: string;
  kind: 'full' | 'partial';
  awardedOn: string;
  revoked: boolean;
  candidacyId: string;
  candidateId: string;
  route: string;
  enrolledOn: string;
  initiative: string;
  identity: {
    birthName: string;
    usageName: string | null;
    firstNames: string[];
    sex: 'F' | 'M';
    birthYear: number;
    birthMonth: number | null;
    birthDay: number | null;
    birthCommuneInsee: string | null;
    birthCountryInsee: string | null;
    anonymised: boolean;
  };
  /**
   * When the holder's civil identity (what the CDC matches) last really changed — not any update
   * of the record (an account linked, an email): a KO passage is due again once it changed after
   * the report (candidate-identity.service.ts, migration 0023).
   */
  identityUpdatedAt: Date;
};

/** Rows per `in (…)` list: well under PostgreSQL's 65,535 parameters. */
const CHUNK = 5000;

export function cdcHoldersServiceFactory(deps: { db: Db }) {
  const { db } = deps;

  function query() {
    return db
      .selectFrom('awards as a')
      .innerJoin('candidacies as c', 'c.id', 'a.candidacy_id')
      .innerJoin('candidates as p', 'p.id', 'a.candidate_id')
      .select([
        'a.id',
        'a.number',
        'a.certification_id',
        'a.kind',
        'a.awarded_on',
        'a.revoked_at',
        'a.candidacy_id',
        'a.candidate_id',
        'c.route',
        'c.enrolled_on',
        'c.initiative',
        'p.birth_name',
        'p.usage_name',
        'p.first_names',
        'p.sex',
        'p.birth_year',
        'p.birth_month',
        'p.birth_day',
        'p.birth_commune_insee',
        'p.birth_country_insee',
        'p.anonymised_at',
        'p.identity_changed_at',
      ]);
  }

  function shape(r: Awaited<ReturnType<ReturnType<typeof query>['execute']>>[number]): CdcHolderAward {
    const day = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);
    return {
      awardId: r.id,
      number: r.number,
      certificationId: r.certification_id,
      kind: r.kind,
      awardedOn: day(r.awarded_on),
      revoked: r.revoked_at !== null,
      candidacyId: r.candidacy_id,
      candidateId: r.candidate_id,
      route: r.route,
      enrolledOn: day(r.enrolled_on),
      initiative: r.initiative,
      identity: {
        birthName: r.birth_name,
        usageName: r.usage_name,
        firstNames: [...r.first_names],
        sex: r.sex,
        birthYear: r.birth_year,
        birthMonth: r.birth_month,
        birthDay: r.birth_day,
        birthCommuneInsee: r.birth_commune_insee,
        birthCountryInsee: r.birth_country_insee,
        anonymised: r.anonymised_at !== null,
      },
      identityUpdatedAt: new Date(r.identity_changed_at),
    };
  }

  /** The awards of these certifications (all, revoked and partial included: the caller sorts), oldest first. */
  async function awardsOfCertifications(certificationIds: readonly string[]): Promise<CdcHolderAward[]> {
    const out: CdcHolderAward[] = [];
    for (let i = 0; i < certificationIds.length; i += CHUNK) {
      const rows = await query()
        .where('a.certification_id', 'in', certificationIds.slice(i, i + CHUNK))
        .orderBy('a.awarded_on')
        .orderBy('a.number')
        .execute();
      out.push(...rows.map(shape));
    }
    return out;
  }

  /** These awards, those that exist. */
  async function awardsByIds(ids: readonly string[]): Promise<CdcHolderAward[]> {
    const out: CdcHolderAward[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await query()
        .where('a.id', 'in', ids.slice(i, i + CHUNK))
        .execute();
      out.push(...rows.map(shape));
    }
    return out;
  }

  return { awardsOfCertifications, awardsByIds };
}

export type CdcHoldersService = ReturnType<typeof cdcHoldersServiceFactory>;
