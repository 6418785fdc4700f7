import {
  BOOKS_CONTACT_FIELDS,
  contactSyncHash,
  contactSyncProblems,
  type ContactSyncSettings,
  DEFAULT_MAPPINGS,
  deskAccountValues,
  deskContactValues,
  mappedValues,
} from './contactSync';

const settings = (over: Partial<ContactSyncSettings>): ContactSyncSettings => ({
  enabled: true,
  module: 'ACCOUNTS',
  recordFilter: { kind: 'ALL', value: null },
  direction: 'TWO_WAY',
  conflictPolicy: 'SKIP',
  deleteEarlierRecords: false,
  mapping: DEFAULT_MAPPINGS.ACCOUNTS,
  ...over,
});

describe('contactSyncProblems', () => {
  it('accepts the default mapping of each module', () => {
    expect(contactSyncProblems(settings({}))).toEqual([]);
    expect(
      contactSyncProblems(settings({ module: 'CONTACTS', mapping: DEFAULT_MAPPINGS.CONTACTS })),
    ).toEqual([]);
    expect(
      contactSyncProblems(settings({ recordFilter: { kind: 'COUNTRY', value: 'Japan' } })),
    ).toEqual([]);
  });

  it('offers deleting earlier records with accounts only (BKS-4)', () => {
    expect(contactSyncProblems(settings({ deleteEarlierRecords: true }))).toEqual([]);
    expect(
      contactSyncProblems(
        settings({
          module: 'CONTACTS',
          mapping: DEFAULT_MAPPINGS.CONTACTS,
          deleteEarlierRecords: true,
        }),
      ),
    ).toEqual(['deleteEarlierRecords is only offered when accounts are synced (BKS-4)']);
  });

  it('wants a value with INDUSTRY and COUNTRY and none with ALL', () => {
    expect(
      contactSyncProblems(settings({ recordFilter: { kind: 'INDUSTRY', value: ' ' } })),
    ).toEqual(['recordFilter.value is required']);
    expect(
      contactSyncProblems(settings({ recordFilter: { kind: 'ALL', value: 'Japan' } })),
    ).toEqual(['recordFilter.value is not taken with ALL']);
  });

  it('maps NAME, each books field once, from fields the module has (BKS-5)', () => {
    expect(
      contactSyncProblems(
        settings({
          mapping: [
            { deskField: 'website', booksField: 'WEBSITE' },
            { deskField: 'phone', booksField: 'WEBSITE' },
            { deskField: 'email', booksField: 'EMAIL' },
          ],
        }),
      ),
    ).toEqual([
      'WEBSITE is mapped more than once',
      'email is not a field of desk accounts',
      'NAME must be mapped',
    ]);
  });
});

describe('contactSyncHash', () => {
  const account = {
    name: 'Sakura Logistics',
    website: 'https://www.sakura-logistics.example',
    phone: '+81 3-1234-5678',
    industry: 'Transportation & Logistics',
    city: 'Tokyo',
    country: 'Japan',
  };
  const mapping = DEFAULT_MAPPINGS.ACCOUNTS;
  const books = {
    NAME: 'Sakura Logistics',
    COMPANY_NAME: 'Sakura Logistics',
    EMAIL: 'accounts@sakura-logistics.example',
    PHONE: '+81 3-1234-5678',
    WEBSITE: 'https://www.sakura-logistics.example',
    CITY: 'Tokyo',
    COUNTRY: 'Japan',
  };
  const deskHash = contactSyncHash(mapping, mappedValues(mapping, deskAccountValues(account)));

  it('hashes both sides alike when their mapped fields agree, whatever else differs', () => {
    expect(deskHash).toMatch(/^[0-9a-f]{64}$/);
    expect(contactSyncHash(mapping, books)).toBe(deskHash);
    // EMAIL is not mapped for accounts, and industry maps to nothing.
    expect(contactSyncHash(mapping, { ...books, EMAIL: null })).toBe(deskHash);
    expect(
      contactSyncHash(
        mapping,
        mappedValues(mapping, deskAccountValues({ ...account, industry: null })),
      ),
    ).toBe(deskHash);
  });

  it('changes when a mapped field changes on either side', () => {
    expect(contactSyncHash(mapping, { ...books, PHONE: '+81 3-0000-0000' })).not.toBe(deskHash);
    expect(
      contactSyncHash(
        mapping,
        mappedValues(mapping, deskAccountValues({ ...account, city: 'Osaka' })),
      ),
    ).not.toBe(deskHash);
  });

  it('treats empty and missing values as none, and tells a value from none', () => {
    expect(contactSyncHash(mapping, { ...books, WEBSITE: '' })).toBe(
      contactSyncHash(mapping, { ...books, WEBSITE: null }),
    );
    expect(contactSyncHash(mapping, { ...books, WEBSITE: 'null' })).not.toBe(
      contactSyncHash(mapping, { ...books, WEBSITE: null }),
    );
  });

  it('depends on which fields are mapped, not on the order of the mapping', () => {
    expect(contactSyncHash([...mapping].reverse(), books)).toBe(deskHash);
    expect(contactSyncHash(mapping.slice(0, 2), books)).not.toBe(deskHash);
    expect(BOOKS_CONTACT_FIELDS[0]).toBe('NAME');
  });

  it("fills a books contact's name from a desk contact's full name", () => {
    const contact = {
      firstName: 'Aoi',
      lastName: 'Sato',
      email: 'aoi.sato@mail.example',
      phone: null,
    };
    expect(mappedValues(DEFAULT_MAPPINGS.CONTACTS, deskContactValues(contact))).toEqual({
      NAME: 'Aoi Sato',
      EMAIL: 'aoi.sato@mail.example',
      PHONE: null,
    });
  });
});
