/**
 * Co-owning a CQPI. A branch manager who names, on a certification, a branch they do not
 * manage sends that branch an invitation; the branch co-owns (and manages) the certification
 * only once one of its managers accepts. The inviting side may withdraw a pending invitation
 * by taking the branch off the certification. Admins may bypass the invitation (audited).
 */
export const INVITATION_TRANSITIONS = {
  pending: { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' },
  accepted: {},
  declined: {},
  withdrawn: {},
} as const satisfies Record<string, Record<string, string>>;

export type InvitationStatus = keyof typeof INVITATION_TRANSITIONS;
export type InvitationAction = keyof (typeof INVITATION_TRANSITIONS)['pending'];
export const INVITATION_STATUSES = Object.keys(INVITATION_TRANSITIONS) as InvitationStatus[];

/** The status after `action`, or null when an invitation in `status` cannot take it. */
export function nextInvitationStatus(
  status: InvitationStatus,
  action: InvitationAction,
): InvitationStatus | null {
  const row: Partial<Record<InvitationAction, InvitationStatus>> = INVITATION_TRANSITIONS[status];
  return row[action] ?? null;
}

/** What a change of a certification's branch list does to its owners and invitations. */
export type OwnershipPlan = {
  /** Branches that become co-owners now (the actor manages them, or the actor is an admin). */
  addOwners: string[];
  /** Branches invited to co-own it. */
  invite: string[];
  /** Co-owners that leave (only branches the actor manages, or any for an admin). */
  removeOwners: string[];
  /** Pending invitations withdrawn (branches taken off the list). */
  withdraw: string[];
  /** Listed branches the actor may not take off: field errors on `branchIds`. */
  refusals: { branchId: string; reason: 'not_managed' | 'cannot_remove_owner' | 'no_owner_left' }[];
};

/**
 * Plans the change from the current owners and pending invitations to the `requested` list.
 * `manages(branchId)` says whether the actor manages that branch (true for admins, who
 * therefore never invite: their additions take effect at once).
 */
export function planOwnership(input: {
  owners: readonly string[];
  pending: readonly string[];
  requested: readonly string[];
  manages: (branchId: string) => boolean;
}): OwnershipPlan {
  const { owners, pending, requested, manages } = input;
  const plan: OwnershipPlan = { addOwners: [], invite: [], removeOwners: [], withdraw: [], refusals: [] };
  for (const b of requested) {
    if (owners.includes(b)) continue;
    if (manages(b)) plan.addOwners.push(b);
    else if (!pending.includes(b)) plan.invite.push(b);
  }
  for (const b of owners) {
    if (requested.includes(b)) continue;
    if (manages(b)) plan.removeOwners.push(b);
    else plan.refusals.push({ branchId: b, reason: 'cannot_remove_owner' });
  }
  for (const b of pending) {
    if (!requested.includes(b) && !plan.addOwners.includes(b)) plan.withdraw.push(b);
  }
  const ownersAfter = owners.filter((b) => !plan.removeOwners.includes(b)).length + plan.addOwners.length;
  if (ownersAfter === 0) {
    // Nobody the actor could act for would own it: every listed branch is someone else's.
    for (const b of requested) plan.refusals.push({ branchId: b, reason: 'not_managed' });
    if (requested.length === 0) plan.refusals.push({ branchId: '', reason: 'no_owner_left' });
  }
  return plan;
}

export const OWNERSHIP_REFUSALS: Record<OwnershipPlan['refusals'][number]['reason'], string> = {
  not_managed: 'Vous ne gérez pas cette branche : citez au moins une de vos branches.',
  cannot_remove_owner:
    'Cette branche co-porte la certification : seule elle (ou un·e admin) peut se retirer.',
  no_owner_left: 'La certification doit garder au moins une branche.',
};
