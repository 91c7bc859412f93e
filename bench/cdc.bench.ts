/**
 * The CDC flux at scale (issue 14 acceptance): BENCH_CDC_PASSAGES passages (default 10,000) with
 * varied holders (born in France / abroad, usage names, names needing escaping, RNCP and RS
 * fiches) — each holder through the identity pre-flight —, the flux written (xmlbuilder2) and
 * validated against XSD 1.1.2 in-process (libxml2-wasm), as POST /api/v1/cdc/deposits does
 * before storing it. Target: generated and validated in < 10 s. Printed with the load average
 * at start and end; the bench fails only when the flux does not validate or lacks passages.
 *
 *   npm run bench -- cdc
 */
import { communeDirectory } from '../src/modules/candidates/communes.js';
import { buildFlux, type FluxPassage } from '../src/modules/cdc/domain/flux.js';
import { preflight } from '../src/modules/cdc/domain/preflight.js';
import { validateFlux } from '../src/modules/cdc/xsd.js';
import { load, loadAtStart } from './support/load.js';

const out = (line = '') => process.stdout.write(`${line}\n`);
const N = Number(process.env.BENCH_CDC_PASSAGES ?? 10_000);
const TARGET_MS = 10_000;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const FIRST = ['Camille', 'Léa', 'Zoé', 'Jean-Marc', 'Anaïs', 'Noé', 'Inès', 'Éric'];

function word(i: number): string {
  let s = '';
  for (let n = i; s.length < 6; n = Math.floor(n / 26) + 7) s += LETTERS[n % 26];
  return s;
}

out(`CDC flux: ${N} passages, XSD 1.1.2 — ${loadAtStart}`);
const directory = communeDirectory();
const started = performance.now();
const passages: FluxPassage[] = [];
for (let i = 0; i < N; i++) {
  const abroad = i % 9 === 0;
  const checked = preflight(
    {
      birthName: i % 13 === 0 ? `D’${word(i)}-${word(i + 1)}` : word(i),
      usageName: i % 4 === 0 ? `${word(i + 2)} ${word(i + 3)}` : null,
      firstNames: [FIRST[i % FIRST.length] as string, ...(i % 3 === 0 ? ['Marie'] : [])],
      sex: i % 2 === 0 ? 'F' : 'M',
      birthYear: 1960 + (i % 45),
      birthMonth: abroad && i % 2 === 0 ? null : 1 + (i % 12),
      birthDay: abroad && i % 2 === 0 ? null : 1 + (i % 28),
      birthCommuneInsee: abroad ? null : (['69383', '75112', '13201', '2A004', '97411'][i % 5] as string),
      birthCountryInsee: abroad ? '99134' : null,
      anonymised: false,
    },
    directory,
    '2026-12-01',
  );
  if (!checked.ok) throw new Error(`pre-flight refused passage ${i}: ${checked.reasons.join(' ')}`);
  passages.push({
    idTechnique: `CQP-BENCH-2026-${String(i + 1).padStart(6, '0')}-1`,
    registry: i % 7 === 0 ? 'RS' : 'RNCP',
    code: i % 7 === 0 ? 'RS5012' : 'RNCP34567',
    awardedOn: '2026-06-15',
    enrolledOn: '2025-09-01',
    modaliteAcces: i % 5 === 0 ? 'VAE' : 'FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION',
    vae: i % 5 === 0,
    initiative: i % 2 === 0 ? 'EMPLOYEUR' : 'CERTIFIE',
    holder: checked.holder,
  });
}
const checkedAt = performance.now();
const xml = buildFlux({
  idFlux: crypto.randomUUID(),
  at: new Date(),
  clientId: 'ABC12345',
  contractId: 'MCFCER000999',
  passages,
});
const builtAt = performance.now();
const errors = validateFlux(xml, '1.1.2');
const validatedAt = performance.now();

const count = (xml.match(/<cpf:passageCertification>/g) ?? []).length;
const total = validatedAt - started;
out(`  pre-flight  ${(checkedAt - started).toFixed(0).padStart(6)} ms`);
out(
  `  write       ${(builtAt - checkedAt).toFixed(0).padStart(6)} ms  (${(xml.length / 1024 / 1024).toFixed(1)} MB)`,
);
out(`  validate    ${(validatedAt - builtAt).toFixed(0).padStart(6)} ms`);
out(
  `  total       ${total.toFixed(0).padStart(6)} ms  target < ${TARGET_MS} ms: ${total < TARGET_MS ? 'met' : 'NOT met'}`,
);
out(`  peak RSS    ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB — ${load()}`);
if (errors.length > 0 || count !== N) {
  out(`  INVALID: ${count} passages, ${errors.length} errors ${JSON.stringify(errors.slice(0, 3))}`);
  process.exit(1);
}
