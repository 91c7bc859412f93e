/**
 * The CDC's processing report (« Accusé de traitement », root `rapport`): parsed with saxes under
 * the project's safe settings (as the registry's parser: no namespaces resolved, a DOCTYPE
 * refused — it is where entities are declared —, any entity other than the five predefined and
 * numeric references refused, nesting bounded; the caller bounds the size), then applied to a
 * deposit's passages. Two shapes exist:
 * - per passage: `idFlux`, `idTraitement`, `PassagesKO/passage/{idTechnique, messageErreur}`,
 *   `PassagesOK/idTechnique`;
 * - whole-file rejection: `nomFichier`, `idTraitement`, `erreurs/erreur/{type, message, ligne,
 *   colonne}` — every passage of the flux is KO with the file's reason.
 * Pure code.
 */
import { SaxesParser } from 'saxes';
import { isAlreadyThere } from './deadline.js';

export type CdcReport = {
  idFlux: string | null;
  nomFichier: string | null;
  idTraitement: string | null;
  /** Whole-file errors (the flux was not processed). */
  errors: { type: string; message: string; line: string | null; column: string | null }[];
  ok: string[];
  ko: { idTechnique: string; message: string }[];
};

export class ReportError extends Error {}

const MAX_DEPTH = 8;
/** Characters of one text value (a reason, an id): far above any real one. */
const MAX_TEXT = 4096;

/** Parses a report; throws ReportError (French, with line) when it is not one. */
export function parseReport(xml: string): CdcReport {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const report: CdcReport = {
    idFlux: null,
    nomFichier: null,
    idTraitement: null,
    errors: [],
    ok: [],
    ko: [],
  };
  const stack: string[] = [];
  let text = '';
  let passage: { idTechnique?: string; message?: string } | null = null;
  let error: Record<string, string> | null = null;
  const fail = (reason: string) => new ReportError(`Rapport refusé : ${reason} (ligne ${parser.line}).`);

  parser.on('doctype', () => {
    throw fail('il contient une déclaration DOCTYPE (entités non autorisées)');
  });
  parser.on('error', (e) => {
    const message = e.message.replace(/^\d+:\d+: /, '');
    throw fail(
      /entity/i.test(message)
        ? 'référence d’entité non autorisée'
        : /unclosed|unexpected end|root/i.test(message)
          ? 'fichier tronqué ou incomplet'
          : 'XML mal formé',
    );
  });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (stack.length === 0 && name !== 'rapport')
      throw fail(`l’élément racine est « ${name} », « rapport » attendu`);
    if (stack.length >= MAX_DEPTH) throw fail('éléments imbriqués trop profondément');
    stack.push(name);
    text = '';
    if (name === 'passage' && stack[stack.length - 2] === 'PassagesKO') passage = {};
    if (name === 'erreur' && stack[stack.length - 2] === 'erreurs') error = {};
  });
  parser.on('text', (t) => {
    text += t;
    if (text.length > MAX_TEXT) throw fail('valeur trop longue');
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    const parent = stack[stack.length - 2];
    const value = text.trim();
    if (parent === 'rapport') {
      if (name === 'idFlux') report.idFlux = value;
      else if (name === 'nomFichier') report.nomFichier = value;
      else if (name === 'idTraitement') report.idTraitement = value;
    } else if (parent === 'PassagesOK' && name === 'idTechnique') report.ok.push(value);
    else if (parent === 'passage' && passage) {
      if (name === 'idTechnique') passage.idTechnique = value;
      else if (name === 'messageErreur') passage.message = value;
    } else if (parent === 'erreur' && error) error[name] = value;
    if (name === 'passage' && passage) {
      if (!passage.idTechnique) throw fail('un passage KO sans idTechnique');
      report.ko.push({ idTechnique: passage.idTechnique, message: passage.message ?? '' });
      passage = null;
    }
    if (name === 'erreur' && error) {
      report.errors.push({
        type: error.type ?? '',
        message: error.message ?? '',
        line: error.ligne ?? null,
        column: error.colonne ?? null,
      });
      error = null;
    }
    stack.pop();
    text = '';
  });
  parser.write(xml).close();
  if (!report.idFlux && !report.nomFichier)
    throw new ReportError('Rapport refusé : ni idFlux ni nomFichier, il ne se rapporte à aucun flux.');
  return report;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

export type PassageResult = { idTechnique: string; result: 'ok' | 'ko' | 'already'; message: string | null };

/**
 * The result of each passage the report names, or of every passage for a whole-file rejection.
 * `unknown`: ids the report names that are not this deposit's (the report is not this flux's).
 */
export function reportResults(
  report: CdcReport,
  passages: readonly string[],
): { results: PassageResult[]; unknown: string[] } {
  if (report.errors.length > 0 && report.ok.length === 0 && report.ko.length === 0) {
    const reason = report.errors
      .map(
        (e) =>
          `${e.type ? `${e.type} : ` : ''}${e.message}${e.line ? ` (ligne ${e.line}${e.column ? `, colonne ${e.column}` : ''})` : ''}`,
      )
      .join(' ; ');
    const message = `Fichier rejeté par la Caisse des Dépôts : ${reason}`;
    return { results: passages.map((idTechnique) => ({ idTechnique, result: 'ko', message })), unknown: [] };
  }
  const known = new Set(passages);
  const unknown = [...report.ok, ...report.ko.map((k) => k.idTechnique)].filter((id) => !known.has(id));
  const results: PassageResult[] = [
    ...report.ok.map((idTechnique) => ({ idTechnique, result: 'ok' as const, message: null })),
    ...report.ko.map((k) => ({
      idTechnique: k.idTechnique,
      result: isAlreadyThere(k.message) ? ('already' as const) : ('ko' as const),
      message: k.message,
    })),
  ];
  return { results, unknown };
}
