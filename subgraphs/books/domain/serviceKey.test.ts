import { createHash } from 'node:crypto';
import {
  hashServiceKey,
  matchingServiceKey,
  normalizeEmail,
  serviceKeyMatches,
} from './serviceKey';

const KEY = 'demo-books-service-key-0001';
const stored = { email: 'admin@demo.customer-graph.dev', keyHash: hashServiceKey(KEY) };

describe('hashServiceKey', () => {
  it('is the SHA-256 of the key in hex, ignoring surrounding whitespace', () => {
    expect(hashServiceKey(KEY)).toBe(createHash('sha256').update(KEY).digest('hex'));
    expect(hashServiceKey(`  ${KEY}\n`)).toBe(hashServiceKey(KEY));
    expect(hashServiceKey(KEY)).not.toContain(KEY);
  });
});

describe('serviceKeyMatches', () => {
  it('accepts the key with the address it belongs to, in any case', () => {
    expect(serviceKeyMatches({ email: 'admin@demo.customer-graph.dev', key: KEY }, stored)).toBe(
      true,
    );
    expect(
      serviceKeyMatches({ email: ' Admin@Demo.Customer-Graph.dev ', key: ` ${KEY}` }, stored),
    ).toBe(true);
  });

  it('refuses a wrong key, and a right key with another address (BKS-2)', () => {
    expect(serviceKeyMatches({ email: stored.email, key: `${KEY}x` }, stored)).toBe(false);
    expect(serviceKeyMatches({ email: stored.email, key: '' }, stored)).toBe(false);
    expect(serviceKeyMatches({ email: 'agent@demo.customer-graph.dev', key: KEY }, stored)).toBe(
      false,
    );
  });

  it('refuses everything against a malformed stored hash, and never matches the hash itself', () => {
    expect(
      serviceKeyMatches({ email: stored.email, key: KEY }, { ...stored, keyHash: 'abc' }),
    ).toBe(false);
    expect(
      serviceKeyMatches({ email: stored.email, key: '' }, { ...stored, keyHash: '0'.repeat(64) }),
    ).toBe(false);
    expect(serviceKeyMatches({ email: stored.email, key: stored.keyHash }, stored)).toBe(false);
  });
});

describe('matchingServiceKey', () => {
  it('finds the matching key among an address’s keys, or none', () => {
    const keys = [
      { id: 'old', email: stored.email, keyHash: hashServiceKey('an-older-key') },
      { id: 'demo', ...stored },
    ];
    expect(matchingServiceKey({ email: stored.email, key: KEY }, keys)?.id).toBe('demo');
    expect(matchingServiceKey({ email: stored.email, key: 'nope' }, keys)).toBeNull();
    expect(matchingServiceKey({ email: stored.email, key: KEY }, [])).toBeNull();
  });
});

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Ben.Agent@Example.COM ')).toBe('ben.agent@example.com');
  });
});
