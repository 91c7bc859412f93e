import { describe, expect, it } from 'vitest';
import {
  buildCredential,
  type CredentialInput,
  ficheUrl,
  registrationCode,
  signedTitles,
} from './credential.js';

const input = (
  over: Partial<CredentialInput['certification']> = {},
  kind: 'full' | 'partial' = 'full',
): CredentialInput => ({
  publicUrl: 'https://q.example',
  issuer: { did: 'did:web:q.example', name: 'Qualif' },
  award: {
    id: '11111111-2222-4333-8444-555555555555',
    number: 'CQP-X-2026-000001',
    kind,
    awardedOn: '2026-11-27',
    createdAt: '2026-11-30T10:00:00.123Z',
    verificationCode: 'Q7K2-M9XD-4TPA',
    statusListIndex: 42,
    blocs:
      kind === 'full'
        ? [
            { code: 'B1', validUntil: null },
            { code: 'B2', validUntil: null },
          ]
        : [{ code: 'B2', validUntil: '2031-11-27' }],
  },
  certification: {
    id: '99999999-2222-4333-8444-555555555555',
    code: 'CQP-X',
    title: 'Opérateur',
    kind: 'CQP',
    branches: [{ id: '88888888-2222-4333-8444-555555555555', name: 'Branche A' }],
    blocs: [
      { code: 'B1', title: 'Préparer', competencies: [{ code: 'C1', title: 'Lire un plan' }] },
      { code: 'B2', title: 'Réaliser', competencies: [{ code: 'C2', title: 'Régler la machine' }] },
    ],
    registration: { registry: 'RNCP', number: 'RNCP12345', level: 3 },
    ...over,
  },
  holder: { name: 'Camille Martin' },
});

describe('the Open Badges 3.0 credential of an award', () => {
  it('is a VC 2.0 OpenBadgeCredential issued by the did:web, valid from the award’s creation', () => {
    const c = buildCredential(input());
    expect(c['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(c.id).toBe('urn:uuid:11111111-2222-4333-8444-555555555555');
    expect(c.issuer).toEqual({ id: 'did:web:q.example', type: ['Profile'], name: 'Qualif' });
    expect(c.validFrom).toBe('2026-11-30T10:00:00Z');
  });

  it('aligns the achievement on its RNCP fiche when registered, not otherwise', () => {
    const achievement = (c: Record<string, unknown>) =>
      (c.credentialSubject as { achievement: Record<string, unknown> }).achievement;
    expect(achievement(buildCredential(input())).alignment).toEqual([
      expect.objectContaining({
        targetCode: 'RNCP12345',
        targetUrl: 'https://www.francecompetences.fr/recherche/rncp/12345/',
        targetDescription: 'Niveau 3',
      }),
    ]);
    expect(achievement(buildCredential(input({ registration: null }))).alignment).toBeUndefined();
    expect(registrationCode({ registry: 'RS', number: '6789' })).toBe('RS6789');
    expect(ficheUrl({ registry: 'RS', number: 'RS6789' })).toBe(
      'https://www.francecompetences.fr/recherche/rs/6789/',
    );
  });

  it('every bloc described with its competencies in the criteria; a result per bloc awarded only', () => {
    const partial = buildCredential(input({}, 'partial'));
    const subject = partial.credentialSubject as {
      achievement: { resultDescription: { id: string }[]; criteria: { narrative: string } };
      result: { resultDescription: string; status: string }[];
      identifier: { identityHash: string }[];
    };
    expect(subject.achievement.resultDescription.map((r) => r.id)).toEqual([
      'https://q.example/api/v1/certifications/99999999-2222-4333-8444-555555555555#bloc-B1',
      'https://q.example/api/v1/certifications/99999999-2222-4333-8444-555555555555#bloc-B2',
    ]);
    expect(subject.achievement.criteria.narrative).toContain('C2 — Régler la machine');
    expect(subject.result).toEqual([
      {
        type: ['Result'],
        resultDescription:
          'https://q.example/api/v1/certifications/99999999-2222-4333-8444-555555555555#bloc-B2',
        status: 'Completed',
      },
    ]);
    expect(subject.identifier[0]?.identityHash).toBe('Camille Martin');
  });

  it('points at the award’s bit in the revocation list (1) and the suspension list (2)', () => {
    expect(buildCredential(input()).credentialStatus).toEqual([
      {
        id: 'https://q.example/api/v1/credentials/status/1#42',
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: '42',
        statusListCredential: 'https://q.example/api/v1/credentials/status/1',
      },
      {
        id: 'https://q.example/api/v1/credentials/status/2#42',
        type: 'BitstringStatusListEntry',
        statusPurpose: 'suspension',
        statusListIndex: '42',
        statusListCredential: 'https://q.example/api/v1/credentials/status/2',
      },
    ]);
  });
});

describe('signedTitles: what a signed credential says of the certification', () => {
  it('reads back the code, the title and every bloc title buildCredential wrote (a code with a space too)', () => {
    const built = buildCredential(
      input({
        blocs: [
          { code: 'B1', title: 'Préparer — et ranger', competencies: [] },
          { code: 'BC 2', title: 'Réaliser', competencies: [] },
        ],
      }),
    );
    const read = signedTitles(JSON.stringify(built));
    expect(read.code).toBe('CQP-X');
    expect(read.title).toBe('Opérateur');
    expect([...read.blocs]).toEqual([
      ['B1', 'Préparer — et ranger'],
      ['BC 2', 'Réaliser'],
    ]);
  });

  it('leaves out what is missing or malformed', () => {
    expect(signedTitles('not json')).toEqual({ blocs: new Map() });
    expect(signedTitles('null')).toEqual({ code: undefined, title: undefined, blocs: new Map() });
    const odd = {
      credentialSubject: {
        achievement: {
          name: '',
          humanCode: 7,
          resultDescription: [{ id: 'x#bloc-B1', name: 'B2 — Autre' }, { id: 'x#bloc-%E0', name: 'x' }, null],
        },
      },
    };
    expect(signedTitles(JSON.stringify(odd))).toEqual({
      code: undefined,
      title: undefined,
      blocs: new Map(),
    });
  });
});
