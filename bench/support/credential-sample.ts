import { offlineDocumentLoader } from '../../src/modules/credentials/document-loader.js';
import { buildCredential } from '../../src/modules/credentials/domain/credential.js';
import { didDocument } from '../../src/modules/credentials/domain/did.js';
import { generateKeyMaterial } from '../../src/modules/credentials/signing.js';

/**
 * What the credentials bench (and bench/support/credentials-profile.ts) sign and verify: the
 * Open Badges 3.0 credential of a full award of five blocs of four competencies (~6.6 kB
 * signed), an issuer key, and an offline loader resolving the issuer's DID from memory.
 */
export async function credentialSample() {
  const did = 'did:web:qualif.example.fr';
  const material = await generateKeyMaterial();
  const key = { ...material, verificationMethod: `${did}#${material.publicKeyMultibase}` };
  const doc = didDocument(did, [
    { fragment: material.publicKeyMultibase, publicKeyMultibase: material.publicKeyMultibase },
  ]);
  const loader = offlineDocumentLoader({ resolveDid: async (id) => (id === did ? doc : undefined) });
  const blocs = Array.from({ length: 5 }, (_, b) => ({
    code: `BC0${b + 1}`,
    title: `Bloc ${b + 1} — conduire les opérations de maintenance préventive et corrective`,
    competencies: Array.from({ length: 4 }, (_, c) => ({
      code: `C${b + 1}.${c + 1}`,
      title: `Compétence ${b + 1}.${c + 1} : diagnostiquer un dysfonctionnement et choisir l’intervention`,
    })),
  }));
  let i = 0;
  /** A new award's unsigned credential at each call. */
  const unsigned = () =>
    buildCredential({
      publicUrl: 'https://qualif.example.fr',
      issuer: { did, name: 'Qualif' },
      award: {
        id: crypto.randomUUID(),
        number: `CQP-BENCH-2026-${String(++i).padStart(6, '0')}`,
        kind: 'full',
        awardedOn: '2026-11-30',
        createdAt: '2026-11-30T10:00:00.000Z',
        verificationCode: 'Q7K2-M9XD-4TPA',
        statusListIndex: i,
        blocs: blocs.map((b) => ({ code: b.code, validUntil: null })),
      },
      certification: {
        id: crypto.randomUUID(),
        code: 'CQP-BENCH',
        title: 'Technicien de maintenance industrielle',
        kind: 'CQPI',
        branches: [{ id: crypto.randomUUID(), name: 'Métallurgie' }],
        blocs,
        registration: { registry: 'RNCP', number: 'RNCP34567', level: 4 },
      },
      holder: { name: 'Élodie Marchand-Benali' },
    });
  return { key, loader, unsigned };
}
