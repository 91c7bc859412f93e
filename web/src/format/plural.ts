const rules = new Intl.PluralRules('fr-FR');

/** « 1 compte », « 0 compte », « 3 comptes »: French puts 0 and 1 in the singular. */
export function plural(count: number, one: string, other: string): string {
  return `${count} ${rules.select(count) === 'one' ? one : other}`;
}
