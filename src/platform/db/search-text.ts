/**
 * Lower case without diacritics, as PostgreSQL's unaccent does for French text, so that the
 * query is a plain constant the indexes can use (catalogue and registry search alike).
 */
export function normaliseQuery(q: string): string {
  return q
    .toLowerCase()
    .replaceAll('œ', 'oe')
    .replaceAll('æ', 'ae')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
