/**
 * The flux to the Caisse des Dépôts (XSD `cpf-certificateurs-xsd` 1.1.2, namespace
 * `urn:cdc:cpf:pc5:schema:1.0.0`), written with an XML writer (xmlbuilder2: every value escaped
 * by the library, none concatenated into markup). One flux per certifier (the XSD's
 * `certificateurs` holds exactly one `certificateur`); inside, one `certification` per
 * RNCP / RS fiche, one `passageCertification` per award. Pure: no I/O; the caller validates
 * the result against the XSD (../xsd.ts) before offering it.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { IsoDate } from '../../../contracts/dates.js';
import type { InitiativeInscription, ModaliteAcces } from './mapping.js';
import type { FluxHolder } from './preflight.js';

export const CDC_NAMESPACE = 'urn:cdc:cpf:pc5:schema:1.0.0';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export type FluxPassage = {
  idTechnique: string;
  /** The fiche the award's certification was registered in on the award date. */
  registry: 'RNCP' | 'RS';
  /** e.g. `RNCP34567`, `RS5012`. */
  code: string;
  awardedOn: IsoDate;
  enrolledOn: IsoDate | null;
  modaliteAcces: ModaliteAcces | null;
  vae: boolean;
  initiative: InitiativeInscription | null;
  holder: FluxHolder;
};

export type FluxInput = {
  idFlux: string;
  /** When the flux is made: written in Paris time with its offset. */
  at: Date;
  clientId: string;
  contractId: string;
  passages: readonly FluxPassage[];
};

const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

/** `2025-03-14T10:15:00+01:00`: the XSD's `horodatage` (Paris time, 24-hour clock, offset). */
export function horodatage(at: Date): string {
  const p = Object.fromEntries(parisParts.formatToParts(at).map((x) => [x.type, x.value]));
  const offset = (p.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}

const nil = (parent: XMLBuilder, name: string) => parent.ele(`cpf:${name}`).att(XSI, 'xsi:nil', 'true').up();
const leaf = (parent: XMLBuilder, name: string, value: string | number | boolean) =>
  parent.ele(`cpf:${name}`).txt(String(value)).up();

function titulaire(parent: XMLBuilder, h: FluxHolder) {
  const t = parent.ele('cpf:identificationTitulaire').ele('cpf:titulaire');
  leaf(t, 'nomNaissance', h.birthName);
  if (h.usageName) leaf(t, 'nomUsage', h.usageName);
  else nil(t, 'nomUsage');
  h.firstNames.forEach((f, i) => {
    leaf(t, `prenom${i + 1}`, f);
  });
  leaf(t, 'anneeNaissance', h.birthYear);
  if (h.birthMonth !== null) leaf(t, 'moisNaissance', h.birthMonth);
  else nil(t, 'moisNaissance');
  if (h.birthDay !== null) leaf(t, 'jourNaissance', h.birthDay);
  else nil(t, 'jourNaissance');
  leaf(t, 'sexe', h.sex);
  const place = t.ele('cpf:codeCommuneNaissance');
  if (h.communeInsee) leaf(place.ele('cpf:codeInseeNaissance'), 'codeInsee', h.communeInsee);
  else nil(place.ele('cpf:codePostalNaissance'), 'codePostal');
  if (h.countryCode) leaf(t, 'codePaysNaissance', h.countryCode);
}

function passage(parent: XMLBuilder, p: FluxPassage) {
  const el = parent.ele('cpf:passageCertification');
  leaf(el, 'idTechnique', p.idTechnique);
  leaf(el, 'obtentionCertification', 'PAR_ADMISSION');
  leaf(el, 'donneeCertifiee', true);
  leaf(el, 'dateDebutValidite', p.awardedOn);
  // A CQP is awarded for life: no end of validity.
  nil(el, 'dateFinValidite');
  leaf(el, 'presenceNiveauLangueEuro', false);
  leaf(el, 'presenceNiveauNumeriqueEuro', false);
  nil(el, 'scoring');
  nil(el, 'mentionValidee');
  const m = el.ele('cpf:modalitesInscription');
  if (p.modaliteAcces) leaf(m, 'modaliteAcces', p.modaliteAcces);
  else nil(m, 'modaliteAcces');
  if (p.vae) leaf(m, 'voieAccessVAE', 'VAE_CLASSIQUE');
  if (p.initiative) leaf(m, 'initiativeInscription', p.initiative);
  if (p.enrolledOn) leaf(m, 'dateInscription', p.enrolledOn);
  titulaire(el, p.holder);
}

/** The flux as UTF-8 XML text, passages grouped by fiche in the order first met. */
export function buildFlux(input: FluxInput): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const flux = doc.ele(CDC_NAMESPACE, 'cpf:flux').att('http://www.w3.org/2000/xmlns/', 'xmlns:xsi', XSI);
  leaf(flux, 'idFlux', input.idFlux);
  leaf(flux, 'horodatage', horodatage(input.at));
  const emetteur = flux.ele('cpf:emetteur');
  leaf(emetteur, 'idClient', input.clientId);
  const certificateur = emetteur.ele('cpf:certificateurs').ele('cpf:certificateur');
  leaf(certificateur, 'idClient', input.clientId);
  leaf(certificateur, 'idContrat', input.contractId);
  const certifications = certificateur.ele('cpf:certifications');
  const byFiche = new Map<string, FluxPassage[]>();
  for (const p of input.passages) {
    const key = `${p.registry}|${p.code}`;
    byFiche.set(key, [...(byFiche.get(key) ?? []), p]);
  }
  for (const [key, passages] of byFiche) {
    const [registry, code] = key.split('|') as [string, string];
    const c = certifications.ele('cpf:certification');
    leaf(c, 'type', registry);
    leaf(c, 'code', code);
    leaf(c, 'natureDeposant', 'CERTIFICATEUR');
    const list = c.ele('cpf:passageCertifications');
    for (const p of passages) passage(list, p);
  }
  return doc.end({ prettyPrint: true });
}
