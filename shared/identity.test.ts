import jwt from 'jsonwebtoken';
import { loadConfig } from './config';
import {
  IdentityError,
  type PartnerIdentity,
  signForwardedIdentity,
  verifyForwardedIdentity,
} from './identity';

const auth = loadConfig({}).auth;

const PARTNER: PartnerIdentity = {
  kind: 'partner',
  partnerId: '22222222-2222-4222-8222-222222222222',
  profileId: '33333333-3333-4333-8333-333333333333',
  name: 'Acme CRM',
};

/** A header signed like the gateway's, carrying whatever identity payload a test needs. */
const signed = (identity: unknown) =>
  jwt.sign({ identity }, auth.subgraphSecret, {
    audience: 'customer-graph-subgraphs',
    expiresIn: 60,
    algorithm: 'HS256',
  });

describe('forwarded partner identity', () => {
  it('comes back from its signature as it was signed', () => {
    expect(verifyForwardedIdentity(signForwardedIdentity(PARTNER, auth), auth)).toEqual(PARTNER);
  });

  it('keeps nothing but the partner fields', () => {
    const header = signed({ ...PARTNER, service: 'gateway', agentId: 'a1' });
    expect(verifyForwardedIdentity(header, auth)).toEqual(PARTNER);
  });

  it.each([
    ['without partnerId', { ...PARTNER, partnerId: undefined }],
    ['without profileId', { ...PARTNER, profileId: undefined }],
    ['with a name that is not a string', { ...PARTNER, name: 42 }],
  ])('is refused %s', (_label, identity) => {
    expect(() => verifyForwardedIdentity(signed(identity), auth)).toThrow(IdentityError);
  });

  it('is refused when signed with another secret', () => {
    const forged = signForwardedIdentity(PARTNER, { ...auth, subgraphSecret: 'not-the-secret' });
    expect(() => verifyForwardedIdentity(forged, auth)).toThrow(IdentityError);
  });
});
