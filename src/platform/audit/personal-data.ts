/**
 * The audit chain keeps ids and field names, not personal values: a person's data can then be
 * erased from the tables that hold it without touching the chain (a row's hash covers its
 * content, so the chain itself can never be edited). This is the one place that says which
 * fields hold personal data; `recordAudit` applies it to every row. Pure code.
 */

/**
 * Fields whose values are personal data (a person's name, contact, birth data, NIR…), by name,
 * whatever the entity and at any depth of `before` / `after`. Name a new personal field here.
 */
export const PERSONAL_FIELDS: ReadonlySet<string> = new Set([
  // identity: accounts
  'email',
  'displayName',
  // catalogue: CPNE members are named people
  'personName',
  // people who will enrol (candidate flow): names, birth, social security number, contact
  'firstName',
  'lastName',
  'birthName',
  'usedName',
  'usageName',
  'firstNames',
  'sex',
  'birthDate',
  'birthPlace',
  'nir',
  'phone',
  'address',
]);

/** What stands in an audit row for a personal value nested in a recorded field. */
export const PERSONAL_VALUE = '[donnée personnelle]';

/** A changed personal field, as the chain records it: that it changed, never from or to what. */
export type PersonalChange = { changed: true };

/** The value with every personal field, at any depth, replaced by {@link PERSONAL_VALUE}. */
export function withoutPersonalValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPersonalValues);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, v]) => [
      key,
      PERSONAL_FIELDS.has(key) && v !== undefined && v !== null ? PERSONAL_VALUE : withoutPersonalValues(v),
    ]),
  );
}

/**
 * A field-level diff (`{ field: { before?, after? } }`) made safe for the chain: a personal
 * field becomes `{ changed: true }`; personal fields nested in other fields lose their values.
 */
export function redactDiff(
  diff: Record<string, { before?: unknown; after?: unknown }>,
): Record<string, { before?: unknown; after?: unknown } | PersonalChange> {
  return Object.fromEntries(
    Object.entries(diff).map(([field, change]) => [
      field,
      PERSONAL_FIELDS.has(field) ? { changed: true } : (withoutPersonalValues(change) as typeof change),
    ]),
  );
}
