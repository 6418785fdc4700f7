/*
 * PRJ-4: what a project task can be added to the CRM with ("save and add to CRM", and PRJ-5's
 * adding an existing task later). Only when the project's client is linked to a desk account; the
 * task then links to that account, to a desk account with the client's name that no client is
 * linked to yet, or to a desk deal associated with the project.
 */

export type CrmLinkKind = 'LINKED_ACCOUNT' | 'SAME_NAME_ACCOUNT' | 'DEAL';

export interface ChoiceClient {
  name: string;
  /** The desk account the client is linked to, if any. */
  deskAccountId: string | null;
}

/** A desk account found by the client's name, and the client linked to it, if any. */
export interface NamedDeskAccount {
  id: string;
  name: string;
  linkedClientId: string | null;
}

export type CrmLinkChoice =
  | { kind: 'LINKED_ACCOUNT' | 'SAME_NAME_ACCOUNT'; accountId: string }
  | { kind: 'DEAL'; dealId: string };

export type CrmLinkChoices =
  { available: true; choices: CrmLinkChoice[] } | { available: false; reason: string; choices: [] };

export const NO_CLIENT =
  'The project has no client organization, so its tasks cannot be added to the CRM.';

export const clientNotLinked = (client: ChoiceClient) =>
  `The client "${client.name}" is not linked to a CRM account, so its tasks cannot be added to ` +
  'the CRM; an administrator links it first.';

/**
 * How names compare: Unicode-compatibility folded (full-width letters and digits, as Japanese
 * input often has, are the ASCII ones), trimmed, inner spaces collapsed, without case.
 */
export function sameNameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The choices, linked account first, then same-name accounts and the project's deals, each in the
 * order given; each account or deal once. Accounts found by name that another client is
 * linked to, or whose name is not the client's, are not offered.
 */
export function crmLinkChoices(
  client: ChoiceClient | null,
  accountsByName: readonly NamedDeskAccount[],
  projectDealIds: readonly string[],
): CrmLinkChoices {
  if (client === null) return { available: false, reason: NO_CLIENT, choices: [] };
  if (client.deskAccountId === null) {
    return { available: false, reason: clientNotLinked(client), choices: [] };
  }
  const linkedAccountId = client.deskAccountId;
  const key = sameNameKey(client.name);
  const sameName = accountsByName.filter(
    (account) =>
      account.id !== linkedAccountId &&
      account.linkedClientId === null &&
      sameNameKey(account.name) === key,
  );
  const seen = new Set<string>([linkedAccountId]);
  const choices: CrmLinkChoice[] = [{ kind: 'LINKED_ACCOUNT', accountId: linkedAccountId }];
  for (const account of sameName) {
    if (seen.has(account.id)) continue;
    seen.add(account.id);
    choices.push({ kind: 'SAME_NAME_ACCOUNT', accountId: account.id });
  }
  for (const dealId of new Set(projectDealIds)) choices.push({ kind: 'DEAL', dealId });
  return { available: true, choices };
}

/** What a caller asks to link to: exactly one of the two. */
export interface CrmLinkRequest {
  accountId?: string | null;
  dealId?: string | null;
}

/**
 * The reason a requested link is refused, or null when it is one of the choices. Not available
 * refuses with the choices' reason.
 */
export function crmLinkRefusal(choices: CrmLinkChoices, link: CrmLinkRequest): string | null {
  if (!choices.available) return choices.reason;
  const accountId = link.accountId ?? null;
  const dealId = link.dealId ?? null;
  if ((accountId === null) === (dealId === null)) {
    return 'Choose exactly one: an account or a deal.';
  }
  const offered = choices.choices.some((choice) =>
    choice.kind === 'DEAL' ? choice.dealId === dealId : choice.accountId === accountId,
  );
  if (offered) return null;
  return accountId !== null
    ? 'That account is neither the client’s linked account nor an unlinked account with its name.'
    : 'That deal is not associated with the project.';
}
