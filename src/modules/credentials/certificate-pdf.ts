import {
  AFRelationship,
  degrees,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  StandardFonts,
  setFillingColor,
} from 'pdf-lib';
import QRCode from 'qrcode';
import type { CertificationKind } from '../../contracts/catalogue.js';
import type { IsoDate } from '../../contracts/dates.js';
import type { AwardKind, AwardStatus } from '../../contracts/juries.js';
import { frenchDate, pdfLayout } from '../../platform/pdf-layout.js';
import type { Sealer } from '../../platform/seal/seal.js';

/**
 * What the certificate shows (issue 14, point 1), names and titles already resolved: the PDF is
 * drawn from data only. A full award gives the parchemin, a partial one the bloc attestation.
 */
export type CertificateInput = {
  awardKind: AwardKind;
  holder: { name: string };
  certification: { code: string; title: string; kind: CertificationKind };
  /** The branch(es) that created the certification, by name (a CQPI has several). */
  branches: readonly string[];
  /** Its RNCP or RS registration in force on the award date; null: not registered then. */
  registration: { registry: 'RNCP' | 'RS'; number: string; level: number | null } | null;
  /**
   * Full award: the certification's blocs; partial award: only the blocs validated. `validUntil`:
   * the end of the bloc's validity under the jury's rules (absent or null: for life).
   */
  blocs: readonly { code: string; title: string; validUntil?: IsoDate | null }[];
  award: { number: string; awardedOn: IsoDate; juryDate: IsoDate };
  /** The short code and the public page it opens (`<PUBLIC_URL>/verifier/<code>`). */
  verification: { code: string; url: string };
  /** `valid`, or the date the award was revoked or suspended: written across the page. */
  status: { status: 'valid' } | { status: Exclude<AwardStatus, 'valid'>; since: IsoDate };
  /** The signed credential exactly as served (`GET /api/v1/awards/{id}/credential`). */
  credentialJson: string;
  /** The file's dates (creation, attachment): the same input gives the same bytes. */
  generatedAt: Date;
};

/** The attachment's name: `<award number>.credential.json`. */
export const credentialFileName = (awardNumber: string) => `${awardNumber}.credential.json`;

export const CERTIFICATE_TITLES: Readonly<Record<CertificationKind | 'partial', string>> = {
  CQP: 'Certificat de qualification professionnelle',
  CQPI: 'Certificat de qualification professionnelle interbranches',
  partial: 'Attestation de blocs de compétences',
};

const REGISTRY_NAMES = {
  RNCP: 'Répertoire national des certifications professionnelles (RNCP)',
  RS: 'Répertoire spécifique (RS)',
} as const;

const STATUS_MARKS = { revoked: 'RÉVOQUÉ', suspended: 'SUSPENDU' } as const;

const INK = rgb(0.1, 0.1, 0.12);
const ACCENT = rgb(0.11, 0.29, 0.53);
const WARNING = rgb(0.75, 0.1, 0.1);
/** The QR code's side (points: 34 mm, a phone reads it from a printed page at arm's length). */
const QR_SIDE = 96;
/** Height of the verification block at the foot of the last page. */
const VERIFY_BLOCK = QR_SIDE + 24;

/**
 * The QR code's dark modules as runs along each row (`row`, `col`: top-left origin, in modules).
 * Drawn as vector rectangles filled at once rather than an embedded PNG: sharp at any zoom and
 * on any printer, no image to encode then decode per request, a few hundred rectangles weigh
 * less than the image. (Raw `re` operators: pdf-lib's `drawSvgPath` parsed the same shapes
 * from SVG text at ~17 ms a code.)
 */
export function qrRuns(text: string): { size: number; runs: { row: number; col: number; length: number }[] } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const runs: { row: number; col: number; length: number }[] = [];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      runs.push({ row, col: start, length: col - start });
    }
  }
  return { size: modules.size, runs };
}

/**
 * The certificate (full award) or bloc attestation (partial award) in French, A4, in the house
 * layout: holder, certification and kind, creating branch(es), registration when in force on the
 * award date, blocs, award number and dates, a QR code to the public verification page and the
 * verification code in print. The signed credential rides inside as an associated file
 * (`/AF`, relationship Data, application/json). Not sealed here: the service seals the bytes.
 */
export async function certificatePdf(input: CertificateInput): Promise<Uint8Array> {
  const title =
    input.awardKind === 'partial' ? CERTIFICATE_TITLES.partial : CERTIFICATE_TITLES[input.certification.kind];
  const layout = await pdfLayout({ title: `${title} — ${input.award.number}` });
  const { doc, write, space, safe } = layout;
  doc.setSubject(safe(`${input.certification.title} (${input.certification.code})`));
  doc.setCreationDate(input.generatedAt);
  doc.setModificationDate(input.generatedAt);
  const mono = await doc.embedFont(StandardFonts.CourierBold);

  const many = input.branches.length > 1;
  write(many ? 'Branches professionnelles' : 'Branche professionnelle', { center: true, muted: true });
  write(input.branches.join(' · '), { center: true, bold: true, gap: 24 });

  write(title, { size: 22, bold: true, center: true, gap: 6 });
  write(input.awardKind === 'partial' ? 'Certification partielle' : input.certification.kind, {
    size: 12,
    center: true,
    muted: true,
    gap: 24,
  });
  if (input.status.status !== 'valid')
    write(
      input.status.status === 'revoked'
        ? `${STATUS_MARKS.revoked} le ${frenchDate(input.status.since)} : ce document n’atteste plus de la certification.`
        : `${STATUS_MARKS.suspended} depuis le ${frenchDate(input.status.since)} : ce document n’atteste pas de la certification tant que dure la suspension.`,
      { bold: true, center: true, gap: 16 },
    );

  write(`Le jury paritaire réuni le ${frenchDate(input.award.juryDate)} a décerné à`, {
    center: true,
    gap: 8,
  });
  write(input.holder.name, { size: 20, bold: true, center: true, gap: 8 });
  write(
    input.awardKind === 'partial'
      ? 'les blocs de compétences ci-dessous de la certification'
      : `le ${CERTIFICATE_TITLES[input.certification.kind].toLowerCase()}`,
    { center: true, gap: 8 },
  );
  write(input.certification.title, { size: 15, bold: true, center: true, gap: 2 });
  write(`Code ${input.certification.code}`, { center: true, muted: true, gap: 8 });
  if (input.registration) {
    const { registry, number, level } = input.registration;
    write(
      `Enregistrée au ${REGISTRY_NAMES[registry]} sous le numéro ${number}${
        level === null ? '' : `, niveau ${level} du cadre national des certifications professionnelles`
      }.`,
      { center: true, gap: 4 },
    );
  }

  layout.heading(input.awardKind === 'partial' ? 'Blocs de compétences validés' : 'Blocs de compétences');
  for (const bloc of input.blocs)
    write(
      `${bloc.code} — ${bloc.title}${bloc.validUntil ? ` (acquis jusqu’au ${frenchDate(bloc.validUntil)})` : ''}`,
      { indent: 12, gap: 4 },
    );

  space(12);
  write(`Numéro : ${input.award.number}`, { bold: true });
  write(
    `Délivré le ${frenchDate(input.award.awardedOn)}, après le jury du ${frenchDate(input.award.juryDate)}.`,
  );

  // The verification block at the foot of the last page: QR code, then address and code beside it.
  layout.keep(VERIFY_BLOCK + 12);
  const page = layout.page();
  const bottom = layout.box.left; // the margin: the footer sits below it
  const qr = qrRuns(input.verification.url);
  const unit = QR_SIDE / qr.size;
  const top = bottom + QR_SIDE;
  page.pushOperators(
    pushGraphicsState(),
    setFillingColor(INK),
    ...qr.runs.map((r) =>
      rectangle(layout.box.left + r.col * unit, top - (r.row + 1) * unit, r.length * unit, unit),
    ),
    fill(),
    popGraphicsState(),
  );
  const textX = layout.box.left + QR_SIDE + 16;
  const line = (text: string, y: number, size: number, font = layout.fonts.regular, color = INK) =>
    page.drawText(safe(text), { x: textX, y, size, font, color });
  line('Vérifier ce document', bottom + QR_SIDE - 10, 11, layout.fonts.bold);
  line('Code de vérification', bottom + QR_SIDE - 32, 9);
  line(input.verification.code, bottom + QR_SIDE - 52, 16, mono, ACCENT);
  line(input.verification.url, bottom + QR_SIDE - 70, 8);
  line('Scellé électroniquement par la plateforme Qualif.', bottom + 12, 7);
  line(
    `Attestation numérique signée jointe au fichier : ${credentialFileName(input.award.number)}`,
    bottom + 3,
    7,
  );

  if (input.status.status !== 'valid') {
    const mark = STATUS_MARKS[input.status.status];
    for (const p of doc.getPages()) {
      const size = 90;
      const width = layout.fonts.bold.widthOfTextAtSize(safe(mark), size);
      const { width: pw, height: ph } = p.getSize();
      // Across the page, bottom left to top right, centred.
      const angle = Math.PI / 4;
      p.drawText(safe(mark), {
        x: pw / 2 - (Math.cos(angle) * width) / 2 + (Math.sin(angle) * size) / 3,
        y: ph / 2 - (Math.sin(angle) * width) / 2 - (Math.cos(angle) * size) / 3,
        size,
        font: layout.fonts.bold,
        color: WARNING,
        opacity: 0.3,
        rotate: degrees(45),
      });
    }
  }

  await doc.attach(new TextEncoder().encode(input.credentialJson), credentialFileName(input.award.number), {
    mimeType: 'application/json',
    description: 'Attestation numérique signée (Open Badges 3.0, VC Data Model 2.0)',
    creationDate: input.generatedAt,
    modificationDate: input.generatedAt,
    afRelationship: AFRelationship.Data,
  });
  // One page: written in one go (pdf-lib otherwise yields to the event loop every 50 objects).
  return layout.save((index, count) => `${input.award.number} — ${title} — page ${index}/${count}`, {
    objectsPerTick: Number.POSITIVE_INFINITY,
  });
}

/**
 * The certificate sealed by the platform, PAdES-style, exactly as the jury minutes are
 * (`platform/seal`): the seal covers the attached credential too.
 */
export function sealCertificate(sealer: Sealer, pdf: Uint8Array, awardNumber: string, at: Date) {
  return sealer.seal(pdf, {
    reason: `Certificat ${awardNumber} délivré par Qualif`,
    location: 'Qualif',
    signingTime: at,
  });
}
