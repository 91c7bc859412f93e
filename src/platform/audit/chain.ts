import { createHash } from 'node:crypto';

/**
 * The audit trail is a hash chain: each row's hash covers its own content and the previous
 * row's hash, so altering or removing a row breaks every hash after it. Pure functions only.
 */
export const GENESIS_HASH = '0'.repeat(64);

export type ChainedContent = {
  id: number;
  at: Date;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  diff: unknown;
  requestId: string | null;
};

/** JSON with object keys sorted at every depth: jsonb does not keep key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(prevHash: string, row: ChainedContent): string {
  const content = canonicalJson({
    id: row.id,
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    actorLabel: row.actorLabel,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    diff: row.diff,
    requestId: row.requestId,
  });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

export type ChainRow = ChainedContent & { prevHash: string; hash: string };

export type ChainVerdict =
  | { ok: true; checked: number; lastHash: string }
  | { ok: false; checked: number; firstBadId: number; reason: string };

/**
 * Checks rows given in id order, continuing from `prevHash` (the last hash of an earlier
 * batch, or the genesis hash).
 */
export function verifyChain(
  rows: Iterable<ChainRow>,
  prevHash = GENESIS_HASH,
  checkedBefore = 0,
): ChainVerdict {
  let checked = checkedBefore;
  let previous = prevHash;
  for (const row of rows) {
    if (row.prevHash !== previous) {
      return {
        ok: false,
        checked,
        firstBadId: row.id,
        reason: 'the previous-hash link is broken: a row before it was removed or altered',
      };
    }
    if (chainHash(previous, row) !== row.hash) {
      return { ok: false, checked, firstBadId: row.id, reason: 'its content no longer matches its hash' };
    }
    previous = row.hash;
    checked += 1;
  }
  return { ok: true, checked, lastHash: previous };
}

/** Field-level before/after for the changed keys only. */
export function diffOf(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Record<string, { before?: unknown; after?: unknown }> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: Record<string, { before?: unknown; after?: unknown }> = {};
  for (const key of keys) {
    const b = before?.[key];
    const a = after?.[key];
    if (canonicalJson(b) !== canonicalJson(a)) {
      out[key] = { ...(b !== undefined ? { before: b } : {}), ...(a !== undefined ? { after: a } : {}) };
    }
  }
  return out;
}
