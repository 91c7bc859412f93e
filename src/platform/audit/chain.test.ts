import { describe, expect, it } from 'vitest';
import { type ChainRow, canonicalJson, chainHash, diffOf, GENESIS_HASH, verifyChain } from './chain.js';

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let id = 1; id <= n; id++) {
    const content = {
      id,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, id)),
      actorUserId: null,
      actorLabel: 'system',
      action: 'thing.create',
      entityType: 'thing',
      entityId: `t${id}`,
      diff: { name: { after: `n${id}` } },
      requestId: null,
    };
    const hash = chainHash(prev, content);
    rows.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
  it('is stable whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and counts its rows', () => {
    expect(verifyChain(chain(5))).toMatchObject({ ok: true, checked: 5 });
  });
  it('accepts the empty chain', () => {
    expect(verifyChain([])).toEqual({ ok: true, checked: 0, lastHash: GENESIS_HASH });
  });
  it('names the altered row', () => {
    const rows = chain(5);
    (rows[2] as ChainRow).diff = { name: { after: 'forged' } };
    expect(verifyChain(rows)).toMatchObject({ ok: false, firstBadId: 3, checked: 2 });
  });
  it('names the row after a removed one', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyChain(rows)).toMatchObject({ ok: false, firstBadId: 3 });
  });
  it('detects a changed timestamp, actor or action', () => {
    for (const change of [
      (r: ChainRow) => {
        r.at = new Date(r.at.getTime() + 1);
      },
      (r: ChainRow) => {
        r.actorLabel = 'someone else';
      },
      (r: ChainRow) => {
        r.action = 'thing.delete';
      },
    ]) {
      const rows = chain(3);
      change(rows[1] as ChainRow);
      expect(verifyChain(rows)).toMatchObject({ ok: false, firstBadId: 2 });
    }
  });
  it('detects a rehashed row whose successor still points at the old hash', () => {
    const rows = chain(3);
    const r = rows[1] as ChainRow;
    r.entityId = 'other';
    r.hash = chainHash(r.prevHash, r);
    expect(verifyChain(rows)).toMatchObject({ ok: false, firstBadId: 3 });
  });
  it('continues from a previous batch', () => {
    const rows = chain(4);
    const first = verifyChain(rows.slice(0, 2));
    if (!first.ok) throw new Error('first batch should pass');
    expect(verifyChain(rows.slice(2), first.lastHash, first.checked)).toMatchObject({ ok: true, checked: 4 });
  });
});

describe('diffOf', () => {
  it('keeps only the changed keys, with before and after', () => {
    expect(diffOf({ a: 1, b: 2, c: [1] }, { a: 1, b: 3, d: 'x', c: [1] })).toEqual({
      b: { before: 2, after: 3 },
      d: { after: 'x' },
    });
  });
  it('records a creation and a deletion', () => {
    expect(diffOf(null, { a: 1 })).toEqual({ a: { after: 1 } });
    expect(diffOf({ a: 1 }, null)).toEqual({ a: { before: 1 } });
  });
});
