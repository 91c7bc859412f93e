import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { factories } from './factories.js';
import { createTestApp, type TestApp } from './support.js';

/**
 * Legal dates are Paris dates: at 00:30 in Paris on 1 January (23:30 UTC the day before), a
 * registration starting on 1 January is in force — the UTC date would still say 31 December.
 */
let t: TestApp;
let id: string;
let code: string;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const f = factories(t.services);
  const branch = await f.newBranch();
  ({ id, code } = await f.newCertification([branch.id], { title: 'Opérateur de la Saint-Sylvestre' }));
  await f.addEvents(id, [
    { type: 'created', date: '2025-03-01' },
    { type: 'transmitted', date: '2025-06-01' },
    {
      type: 'rncp_registered',
      date: '2026-11-15',
      number: 'RNCP99001',
      level: 3,
      from: '2027-01-01',
      to: '2031-12-31',
    },
  ]);
});
afterAll(() => t?.close());

/** Runs `check` with the clock at `instant` (only `Date` is faked: the server keeps its timers). */
async function at(instant: string, check: () => Promise<void>) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(instant));
  try {
    await check();
  } finally {
    vi.useRealTimers();
  }
}

describe('today is the date in Paris', () => {
  it('the recognition "today" changes at midnight in Paris, not in UTC', async () => {
    const recognition = async () =>
      (await t.app.inject({ url: `/api/v1/certifications/${id}/recognition` })).json().status;
    await at('2026-12-31T22:59:00Z', async () => expect(await recognition()).toBe('branch_only'));
    await at('2026-12-31T23:30:00Z', async () => expect(await recognition()).toBe('rncp'));
  });

  it('the public page and the search default to the Paris date', async () => {
    await at('2026-12-31T23:30:00Z', async () => {
      const page = await t.app.inject({ url: `/api/v1/certifications/${id}` });
      expect(page.json().recognition.status).toBe('rncp');
      const search = await t.app.inject({ url: `/api/v1/certifications?q=${code}&recognition=rncp` });
      expect(search.json().items.map((c: { id: string }) => c.id)).toContain(id);
    });
  });
});
