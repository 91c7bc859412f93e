import type { Actor } from '../../platform/auth/actor.js';
import { staffBranches } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/connect.js';
import { catalogueGeneration } from './certifications.repo.js';
import type { CertificationStatus } from './domain/lifecycle.js';
import { type SearchFilters, searchCertifications } from './search.repo.js';

type Result = Awaited<ReturnType<typeof searchCertifications>>;

/**
 * The public search, with a small cache of recent answers. Entries are keyed by the
 * catalogue generation, which every catalogue change bumps in its own transaction: one
 * cheap read per request tells whether a cached answer is still exact, on every replica.
 */
export function searchServiceFactory({ db, maxEntries = 500 }: { db: Db; maxEntries?: number }) {
  // Promises, not results: concurrent requests for the same answer share one computation.
  const cache = new Map<string, Promise<Result>>();

  /**
   * `statuses`: the lifecycle statuses wanted. Drafts among them are those `actor` may read
   * (the policy's `certification.read`: the staff of their owning branches, admins), none for
   * anyone else.
   */
  async function search(
    filters: Omit<SearchFilters, 'statuses' | 'draftBranchIds'>,
    statuses: readonly CertificationStatus[],
    actor: Actor | null,
    page: number,
    pageSize: number,
  ): Promise<Result> {
    const scoped: SearchFilters = {
      ...filters,
      statuses: [...new Set(statuses)].sort(),
      draftBranchIds: statuses.includes('draft') ? staffBranches(actor) : [],
    };
    return cached(scoped, page, pageSize);
  }

  async function cached(filters: SearchFilters, page: number, pageSize: number): Promise<Result> {
    const generation = await catalogueGeneration(db);
    const key = JSON.stringify([generation, filters, page, pageSize]);
    const hit = cache.get(key);
    if (hit) {
      // Map keeps insertion order: re-inserting makes this the most recently used entry.
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const pending = searchCertifications(db, filters, page, pageSize);
    cache.set(key, pending);
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
    pending.catch(() => cache.delete(key));
    return pending;
  }

  return { search };
}

export type SearchService = ReturnType<typeof searchServiceFactory>;
