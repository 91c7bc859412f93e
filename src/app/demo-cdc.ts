import { SYSTEM_ADMIN } from '../platform/auth/actor.js';
import type { Db } from '../platform/db/connect.js';
import type { Services } from './app.js';
import { actorOf } from './demo-candidacies.js';
import { DEMO_JURY_CERTIFICATION } from './demo-juries.js';

const REQUEST_ID = 'seed-demo';

/** The CDC's settings of CQP-APS's certifier (its legal owner, the APQPS): invented for the demo. */
export const DEMO_CDC_SETTINGS = {
  clientId: 'APQPS001',
  contractId: 'MCFCER004217',
  xsdVersion: '1.1.2',
} as const;

/**
 * The reason the Caisse des Dépôts gives when the holder's birth data disagree with the national
 * register, word for word as in its real processing reports (test/fixtures/cdc).
 */
export const DEMO_CDC_KO_MESSAGE = 'Aucun titulaire ne correspond aux critères obligatoires';

/**
 * The CDC's processing report (« Accusé de traitement ») of a flux, in its real format
 * (test/fixtures/cdc/Accuse_de_traitement_sans_nomFichier.xml; module cdc, report.ts reads it):
 * `idFlux`, `idTraitement`, the passages KO with their message, the others OK.
 */
export function cdcReport(
  idFlux: string,
  idTraitement: string,
  ko: readonly { idTechnique: string; message: string }[],
  ok: readonly string[],
): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
    '<rapport xmlns:ns2="urn:cdc:cpf:pc5:rapport:schema">',
    `    <idFlux>${esc(idFlux)}</idFlux>`,
    `    <idTraitement>${esc(idTraitement)}</idTraitement>`,
    '    <PassagesKO>',
    ...ko.map(
      (p) =>
        `        <passage>\n            <idTechnique>${esc(p.idTechnique)}</idTechnique>\n            <messageErreur>${esc(p.message)}</messageErreur>\n        </passage>`,
    ),
    '    </PassagesKO>',
    '    <PassagesOK>',
    ...ok.map((id) => `        <idTechnique>${esc(id)}</idTechnique>`),
    '    </PassagesOK>',
    '</rapport>',
    '',
  ].join('\n');
}

/**
 * After the juries (issue 14, point 6): the closed session's awards on CQP-APS
 * (registered in the RNCP on the award date: RNCP37312, 2023–2028) deposited to the Caisse des
 * Dépôts — the certifier's settings, one deposit batch made by the branch manager, and the CDC's
 * report imported with the first passage KO (Rose Exemplaire's birth data do not match the
 * register: she was born in Roubaix, not Lille), the others OK. The branch manager finds on
 * « Dépôts CDC » a refused passage with its « corriger l’identité » link, fixes the commune and
 * re-deposits it alone. Everything through the CDC service, as the screens do; nothing depends on
 * PUBLIC_URL. Idempotent: nothing is done once the branch has a deposit.
 */
export async function seedDemoCdc(
  db: Db,
  services: Services,
  ctx: { branchManager: { id: string; email: string; name: string }; branchId: string },
) {
  const manager = actorOf(ctx.branchManager, [
    { role: 'branch_manager', scope: { type: 'branch', id: ctx.branchId } },
  ]);
  const existing = await services.cdc.listDeposits({ branchId: ctx.branchId }, manager);
  if (existing.items.length > 0) return;
  const certification = await db
    .selectFrom('certifications')
    .select('legal_owner_siret')
    .where('code', '=', DEMO_JURY_CERTIFICATION)
    .executeTakeFirst();
  if (!certification?.legal_owner_siret) return;
  await services.cdc.configure(
    certification.legal_owner_siret,
    { ...DEMO_CDC_SETTINGS },
    SYSTEM_ADMIN,
    REQUEST_ID,
  );
  const created = await services.cdc.createDeposit(
    { branchId: ctx.branchId, certifierId: certification.legal_owner_siret },
    manager,
    REQUEST_ID,
  );
  const deposit = await services.cdc.getDeposit(created.id, manager);
  const [first, ...rest] = deposit.passages;
  if (!first) return;
  await services.cdc.importReport(
    created.id,
    cdcReport(
      deposit.idFlux,
      '70412',
      [{ idTechnique: first.idTechnique, message: DEMO_CDC_KO_MESSAGE }],
      rest.map((p) => p.idTechnique),
    ),
    manager,
    REQUEST_ID,
  );
}
