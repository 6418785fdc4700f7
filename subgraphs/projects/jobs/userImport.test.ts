import { type DeskPerson, type KnownUser, planChunk } from './userImport';

const person = (deskId: string, overrides: Partial<DeskPerson> = {}): DeskPerson => ({
  deskId,
  label: `desk agent ${deskId}`,
  name: `Person ${deskId}`,
  email: `${deskId}@example.com`,
  active: true,
  ...overrides,
});

const agentUser = (id: string, deskAgentId: string, overrides: Partial<KnownUser> = {}) => ({
  id,
  kind: 'INTERNAL' as const,
  name: `Person ${deskAgentId}`,
  email: `${deskAgentId}@example.com`,
  deskAgentId,
  deskContactId: null,
  clientId: null,
  active: true,
  ...overrides,
});

const INTERNAL = { kind: 'INTERNAL' as const, clientId: null };
const CLIENT = { kind: 'CLIENT' as const, clientId: 'client-1' };

describe('planChunk (PRJ-1)', () => {
  it('adds new people with a lower-cased, trimmed e-mail, and leaves users as desk has them', () => {
    const plan = planChunk(
      [person('a', { email: ' A.Person@Example.COM ', name: ' Ann ' }), person('b')],
      INTERNAL,
      [agentUser('u-b', 'b')],
    );
    expect(plan.inserts).toEqual([
      { deskId: 'a', name: 'Ann', email: 'a.person@example.com', active: true, clientId: null },
    ]);
    expect(plan.updates).toEqual([]);
    expect(plan).toMatchObject({ seen: ['u-b'], unchanged: 1, failures: [] });
  });

  it('updates a changed user, desk deactivation included', () => {
    const plan = planChunk([person('b', { name: 'Bea', active: false })], INTERNAL, [
      agentUser('u-b', 'b'),
    ]);
    expect(plan.updates).toEqual([
      {
        id: 'u-b',
        values: { name: 'Bea', email: 'b@example.com', active: false, clientId: null },
      },
    ]);
    expect(plan).toMatchObject({ inserts: [], seen: [], unchanged: 0 });
  });

  it("fails a person whose e-mail another desk record's user has, and still sees its own user", () => {
    const plan = planChunk([person('b', { email: 'c@example.com' })], INTERNAL, [
      agentUser('u-b', 'b'),
      agentUser('u-c', 'c'),
    ]);
    expect(plan.failures).toEqual([
      {
        record: 'desk agent b',
        reason:
          'the e-mail c@example.com is already used by project user Person c, the user of another desk agent',
      },
    ]);
    // Desk still has b: the end of the run must not deactivate its user.
    expect(plan).toMatchObject({ inserts: [], updates: [], seen: ['u-b'], unchanged: 0 });
  });

  it('fails people without an e-mail or a name, and a second person of the page with one address', () => {
    const plan = planChunk(
      [
        person('a', { email: '' }),
        person('b', { name: '  ' }),
        person('c', { email: 'same@example.com' }),
        person('d', { email: 'Same@example.com' }),
      ],
      INTERNAL,
      [],
    );
    expect(plan.inserts.map((insert) => insert.deskId)).toEqual(['c']);
    expect(plan.failures.map((failure) => [failure.record, failure.reason])).toEqual([
      ['desk agent a', 'has no e-mail address a project user can have'],
      ['desk agent b', 'has no name'],
      [
        'desk agent d',
        'the e-mail same@example.com is already used by project user Person c, the user of another desk agent',
      ],
    ]);
  });

  it('lets an address move from one user to another within the page', () => {
    const plan = planChunk(
      [person('b', { email: 'new-b@example.com' }), person('c', { email: 'b@example.com' })],
      INTERNAL,
      [agentUser('u-b', 'b')],
    );
    expect(plan.failures).toEqual([]);
    expect(plan.updates.map((update) => update.id)).toEqual(['u-b']);
    expect(plan.inserts.map((insert) => insert.email)).toEqual(['b@example.com']);
  });

  it('CLIENT: keeps an active user of another client there, and moves an inactive one', () => {
    const contactUser = (id: string, deskContactId: string, active: boolean): KnownUser => ({
      ...agentUser(id, deskContactId),
      kind: 'CLIENT',
      deskAgentId: null,
      deskContactId,
      clientId: 'client-2',
      active,
    });
    const plan = planChunk([person('x'), person('y')], CLIENT, [
      contactUser('u-x', 'x', true),
      contactUser('u-y', 'y', false),
    ]);
    expect(plan.failures).toEqual([
      { record: 'desk agent x', reason: 'is already an active user of another client' },
    ]);
    expect(plan.updates).toEqual([
      {
        id: 'u-y',
        values: { name: 'Person y', email: 'y@example.com', active: true, clientId: 'client-1' },
      },
    ]);
    expect(plan.seen).toEqual(['u-x']);
  });
});
