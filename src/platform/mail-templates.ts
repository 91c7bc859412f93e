import { z } from 'zod';
import type { IsoDate } from '../contracts/dates.js';
import { calendarEvent } from './ics.js';

/**
 * The emails Qualif sends through the job runner (platform/mail-jobs.ts), in French. Each
 * template names the ids its job carries (`refs`: never personal data) and the values it is
 * written with (`values`), which the module owning those ids loads when the email is sent. Pure
 * code: no I/O.
 */
const uuid = z.uuid();

export const MAIL_TEMPLATE_REFS = {
  'candidacy.enrolled': z.object({ candidacyId: uuid }).strict(),
  'candidate.invitation': z.object({ userId: uuid }).strict(),
  'assessment.scheduled': z.object({ candidacyId: uuid, assessmentId: uuid }).strict(),
  'assessment.result_available': z.object({ candidacyId: uuid, assessmentId: uuid }).strict(),
  'jury.convocation': z.object({ juryId: uuid, userId: uuid }).strict(),
  'jury.outcome_available': z.object({ juryId: uuid, candidacyId: uuid }).strict(),
  'award.revoked': z.object({ awardId: uuid }).strict(),
  'award.issued': z.object({ awardId: uuid }).strict(),
  'jury.reminder': z.object({ branchId: uuid, on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict(),
  'cdc.reminder': z.object({ branchId: uuid, on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict(),
} as const;

export type MailTemplateName = keyof typeof MAIL_TEMPLATE_REFS;
export const MAIL_TEMPLATE_NAMES = Object.keys(MAIL_TEMPLATE_REFS) as MailTemplateName[];

export type MailRefs<T extends MailTemplateName> = z.output<(typeof MAIL_TEMPLATE_REFS)[T]>;

export type MailValues = {
  'candidacy.enrolled': { certificationTitle: string; enrolledOn: IsoDate; organisationName: string };
  /** The one-time link, issued when the email is sent (the job holds the account's id only). */
  'candidate.invitation': { link: string; validDays: number };
  'assessment.scheduled': { certificationTitle: string; date: IsoDate; blocs: readonly string[] };
  'assessment.result_available': { certificationTitle: string; blocs: readonly string[] };
  /** A jury member's convocation, with its calendar event (`stamp`: when it is sent, ISO). */
  'jury.convocation': {
    juryId: string;
    certificationTitles: readonly string[];
    date: IsoDate;
    startsAt: string | null;
    place: string | null;
    remote: boolean;
    role: 'president' | 'member';
    stamp: string;
  };
  /** To the candidate once the session's minutes are sealed: that a result is there, not what it is. */
  'jury.outcome_available': { certificationTitle: string };
  'award.revoked': { certificationTitle: string; number: string };
  /** To the holder once the award's credential is signed: where it is, never the result. */
  'award.issued': { certificationTitle: string };
  /** To a branch's staff: candidacies waiting for a jury longer than the branch's rules allow. */
  'jury.reminder': { count: number; afterDays: number };
  /** To a branch's managers: deposits to the Caisse des Dépôts late, refused, or due within 30 days (counts only). */
  'cdc.reminder': { late: number; rejected: number; dueSoon: number };
};

/** A file sent with an email (text content, e.g. an iCalendar event). */
export type MailAttachment = { filename: string; contentType: string; content: string };
export type RenderedMail = { subject: string; text: string; attachments?: MailAttachment[] };

const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: 'UTC' });

/** « mardi 1 décembre 2026 » for '2026-12-01' (a calendar date, read as such). */
export function frenchDate(date: IsoDate): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(d.getTime())) throw new RangeError('not a date');
  return longDate.format(d);
}

const list = (items: readonly string[]) => items.map((b) => `  - ${b}`).join('\n');

const signature = (publicUrl: string) =>
  `\nVous retrouvez votre parcours dans votre espace : ${publicUrl}/\n\n` +
  'Ce message est envoyé automatiquement par Qualif ; merci de ne pas y répondre.\n';

const TEMPLATES: { [T in MailTemplateName]: (v: MailValues[T], publicUrl: string) => RenderedMail } = {
  'candidacy.enrolled': (v, publicUrl) => ({
    subject: `Votre inscription au ${v.certificationTitle}`,
    text:
      'Bonjour,\n\n' +
      `Votre inscription au ${v.certificationTitle} a été enregistrée le ${frenchDate(v.enrolledOn)} ` +
      `par ${v.organisationName}.\n` +
      'La prochaine étape est votre positionnement : ce que vous maîtrisez déjà, ce qui reste à acquérir.\n' +
      signature(publicUrl),
  }),
  'candidate.invitation': (v) => ({
    subject: 'Qualif — créez votre compte pour suivre votre parcours',
    text:
      'Bonjour,\n\n' +
      'Vous êtes inscrit·e à une certification suivie dans Qualif. Un compte a été ouvert à votre nom ' +
      'pour suivre votre parcours (positionnement, parcours, évaluations, résultats).\n' +
      `Pour choisir votre mot de passe, ouvrez ce lien :\n${v.link}\n\n` +
      `Il est valable ${v.validDays} jours et une seule fois. Passé ce délai, demandez un nouveau lien ` +
      'à votre organisme de formation, ou utilisez « Mot de passe oublié » sur la page de connexion.\n\n' +
      'Ce message est envoyé automatiquement par Qualif ; merci de ne pas y répondre.\n',
  }),
  'assessment.scheduled': (v, publicUrl) => ({
    subject: `Évaluation programmée le ${frenchDate(v.date)}`,
    text:
      'Bonjour,\n\n' +
      `Une évaluation pour le ${v.certificationTitle} est programmée le ${frenchDate(v.date)}.\n` +
      `Blocs évalués :\n${list(v.blocs)}\n` +
      signature(publicUrl),
  }),
  'assessment.result_available': (v, publicUrl) => ({
    subject: `Résultat de votre évaluation — ${v.certificationTitle}`,
    text:
      'Bonjour,\n\n' +
      `Le résultat de votre évaluation pour le ${v.certificationTitle} est disponible.\n` +
      `Blocs concernés :\n${list(v.blocs)}\n` +
      signature(publicUrl),
  }),
  'jury.convocation': juryConvocation,
  'jury.outcome_available': (v, publicUrl) => ({
    subject: `Votre résultat est disponible — ${v.certificationTitle}`,
    text:
      'Bonjour,\n\n' +
      `Le jury s’est prononcé sur votre parcours pour le ${v.certificationTitle} : votre résultat est disponible ` +
      `dans votre espace.\n${publicUrl}/mon-parcours\n` +
      signature(publicUrl),
  }),
  'award.revoked': (v, publicUrl) => ({
    subject: `Votre attestation n° ${v.number} a été retirée`,
    text:
      'Bonjour,\n\n' +
      `L’attestation n° ${v.number} (${v.certificationTitle}) a été retirée par la branche. ` +
      `Le motif est indiqué dans votre espace :\n${publicUrl}/mon-parcours\n` +
      signature(publicUrl),
  }),
  'award.issued': (v, publicUrl) => ({
    subject: 'Votre certification est disponible dans votre espace',
    text:
      'Bonjour,\n\n' +
      `Votre certification est disponible dans votre espace (${v.certificationTitle}) : ` +
      `attestation vérifiable et certificat à télécharger.\n${publicUrl}/mon-parcours\n` +
      signature(publicUrl),
  }),
  'jury.reminder': (v, publicUrl) => ({
    subject: v.count === 1 ? 'Un parcours attend un jury' : `${v.count} parcours attendent un jury`,
    text:
      'Bonjour,\n\n' +
      `${v.count === 1 ? 'Un parcours « Prêt·e pour le jury » attend' : `${v.count} parcours « Prêt·e pour le jury » attendent`} ` +
      `une session de jury depuis plus de ${v.afterDays} jours, le délai fixé par les règles de jury de votre branche.\n` +
      `Convoquez une session : ${publicUrl}/jurys/nouveau\n` +
      `Les parcours en attente : ${publicUrl}/candidatures?status=ready_for_jury\n\n` +
      'Ce message est envoyé automatiquement par Qualif ; merci de ne pas y répondre.\n',
  }),
  'cdc.reminder': (v, publicUrl) => ({
    subject:
      v.late > 0
        ? `Dépôts à la Caisse des Dépôts : ${v.late} en retard`
        : 'Dépôts à la Caisse des Dépôts à faire',
    text:
      'Bonjour,\n\n' +
      'Les titulaires de certifications enregistrées au RNCP ou au RS se déclarent à la Caisse des Dépôts ' +
      'dans les trois mois qui suivent l’attestation.\n' +
      (v.late > 0
        ? `  - ${v.late} dépôt${v.late > 1 ? 's' : ''} en retard (délai de trois mois dépassé)\n`
        : '') +
      (v.rejected > 0
        ? `  - ${v.rejected} dépôt${v.rejected > 1 ? 's' : ''} refusé${v.rejected > 1 ? 's' : ''} par la Caisse des Dépôts, identité à vérifier\n`
        : '') +
      (v.dueSoon > 0 ? `  - ${v.dueSoon} dépôt${v.dueSoon > 1 ? 's' : ''} à faire dans les 30 jours\n` : '') +
      `\nPréparez un lot : ${publicUrl}/depots-cdc\n\n` +
      'Ce message est envoyé automatiquement par Qualif ; merci de ne pas y répondre.\n',
  }),
};

/** Where a jury session takes place, as its convocation says it. */
function juryLocation(v: MailValues['jury.convocation']): string {
  if (v.place && v.remote) return `${v.place} (ou à distance)`;
  return v.place ?? 'À distance';
}

function juryConvocation(v: MailValues['jury.convocation'], publicUrl: string): RenderedMail {
  const titles = v.certificationTitles.join(', ');
  const when = `${frenchDate(v.date)}${v.startsAt ? ` à ${v.startsAt.replace(':', ' h ')}` : ''}`;
  const summary = `Jury paritaire — ${titles}`;
  return {
    subject: `Convocation au jury du ${frenchDate(v.date)}`,
    text:
      'Bonjour,\n\n' +
      `Vous êtes convoqué·e${v.role === 'president' ? ' comme président·e' : ''} au jury paritaire ` +
      `du ${when} pour : ${titles}.\n` +
      `Lieu : ${juryLocation(v)}.\n` +
      'L’invitation de calendrier est jointe (convocation-jury.ics).\n\n' +
      `Les dossiers des candidat·es sont dans votre espace : ${publicUrl}/jurys/${v.juryId}\n\n` +
      'Ce message est envoyé automatiquement par Qualif ; merci de ne pas y répondre.\n',
    attachments: [
      {
        filename: 'convocation-jury.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: calendarEvent({
          uid: `jury-${v.juryId}@qualif`,
          stamp: new Date(v.stamp),
          date: v.date,
          startsAt: v.startsAt,
          summary,
          location: juryLocation(v),
          description: `${publicUrl}/jurys/${v.juryId}`,
        }),
      },
    ],
  };
}

export function renderMail<T extends MailTemplateName>(
  template: T,
  values: MailValues[T],
  publicUrl: string,
): RenderedMail {
  return TEMPLATES[template](values, publicUrl);
}
