import {
  clientNotLinked,
  crmLinkChoices,
  crmLinkRefusal,
  NO_CLIENT,
  sameNameKey,
} from './crmChoices';

const client = { name: 'Acme Corp', deskAccountId: 'acc-linked' };

describe('sameNameKey', () => {
  it('compares names trimmed, without case, full-width folded, spaces collapsed', () => {
    expect(sameNameKey('  ACME   corp ')).toBe(sameNameKey('Acme Corp'));
    expect(sameNameKey('ＡＣＭＥ　Corp')).toBe(sameNameKey('Acme Corp'));
    expect(sameNameKey('Acme Corporation')).not.toBe(sameNameKey('Acme Corp'));
  });
});

describe('crmLinkChoices (PRJ-4)', () => {
  it('is not offered without a client, or when the client is not linked', () => {
    expect(crmLinkChoices(null, [], ['deal-1'])).toEqual({
      available: false,
      reason: NO_CLIENT,
      choices: [],
    });
    const unlinked = { ...client, deskAccountId: null };
    expect(
      crmLinkChoices(unlinked, [{ id: 'a', name: 'Acme Corp', linkedClientId: null }], []),
    ).toEqual({ available: false, reason: clientNotLinked(unlinked), choices: [] });
  });

  it('offers the linked account, unlinked same-name accounts, then the project’s deals', () => {
    const found = [
      { id: 'acc-linked', name: 'Acme Corp', linkedClientId: 'client-1' },
      { id: 'acc-b', name: 'ACME CORP ', linkedClientId: null },
      { id: 'acc-a', name: 'acme corp', linkedClientId: null },
      { id: 'acc-other-client', name: 'Acme Corp', linkedClientId: 'client-2' },
      { id: 'acc-prefix', name: 'Acme Corporation', linkedClientId: null },
    ];
    expect(crmLinkChoices(client, found, ['deal-1', 'deal-2', 'deal-1'])).toEqual({
      available: true,
      choices: [
        { kind: 'LINKED_ACCOUNT', accountId: 'acc-linked' },
        { kind: 'SAME_NAME_ACCOUNT', accountId: 'acc-b' },
        { kind: 'SAME_NAME_ACCOUNT', accountId: 'acc-a' },
        { kind: 'DEAL', dealId: 'deal-1' },
        { kind: 'DEAL', dealId: 'deal-2' },
      ],
    });
  });

  it('offers the linked account alone when nothing else matches', () => {
    expect(crmLinkChoices(client, [], [])).toEqual({
      available: true,
      choices: [{ kind: 'LINKED_ACCOUNT', accountId: 'acc-linked' }],
    });
  });
});

describe('crmLinkRefusal', () => {
  const choices = crmLinkChoices(
    client,
    [{ id: 'acc-same', name: 'acme corp', linkedClientId: null }],
    ['deal-1'],
  );

  it('accepts exactly one offered account or deal', () => {
    expect(crmLinkRefusal(choices, { accountId: 'acc-linked' })).toBeNull();
    expect(crmLinkRefusal(choices, { accountId: 'acc-same' })).toBeNull();
    expect(crmLinkRefusal(choices, { dealId: 'deal-1', accountId: null })).toBeNull();
  });

  it('refuses both, neither, or anything not offered', () => {
    expect(crmLinkRefusal(choices, {})).toMatch(/exactly one/);
    expect(crmLinkRefusal(choices, { accountId: 'acc-linked', dealId: 'deal-1' })).toMatch(
      /exactly one/,
    );
    expect(crmLinkRefusal(choices, { accountId: 'acc-elsewhere' })).toMatch(/account/);
    expect(crmLinkRefusal(choices, { dealId: 'deal-9' })).toMatch(/not associated/);
    expect(crmLinkRefusal(choices, { accountId: 'deal-1' })).not.toBeNull();
  });

  it('refuses with the reason when not available', () => {
    const none = crmLinkChoices({ ...client, deskAccountId: null }, [], []);
    expect(crmLinkRefusal(none, { accountId: 'acc-linked' })).toBe(
      clientNotLinked({ ...client, deskAccountId: null }),
    );
  });
});
