import type { Actor } from '../../platform/auth/actor.js';
import { enforce } from '../../platform/auth/policy.js';
import type { UsersService } from '../identity/users.service.js';
import type { CandidaciesService } from './candidacies.service.js';

type Deps = {
  candidacies: Pick<CandidaciesService, 'loadFor'>;
  users: Pick<UsersService, 'findLinkable'>;
};

/**
 * The people one may link to a candidate in a candidacy (PUT …/links), for the person picker of
 * those who record the links: evaluators, and the accounts of the candidacy's training
 * organisation and employer. Names only; unseen candidacy 404, read-only 403.
 */
export function linkablePeopleServiceFactory(deps: Deps) {
  async function search(candidacyId: string, q: string | undefined, actor: Actor) {
    const { row, facts } = await deps.candidacies.loadFor(candidacyId, actor, 'read');
    enforce(actor, 'editLinks', 'candidacy', facts, 'Parcours introuvable.');
    const organisationIds = [row.training_organisation_id, ...(row.employer_id ? [row.employer_id] : [])];
    return { items: await deps.users.findLinkable(organisationIds, q) };
  }
  return { search };
}

export type LinkablePeopleService = ReturnType<typeof linkablePeopleServiceFactory>;
