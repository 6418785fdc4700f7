import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { errorCodes, expectNoErrors, unique } from './expectations';
import { type Graph, postGraphQL, startGraph } from './harness';

/** Issue 8: operators manage partners from a terminal with `npm run partner`, without an agent. */

const ROOT = path.resolve(__dirname, '..');
const run = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

interface PartnerView {
  name: string;
  profile: { name: string };
  rateLimitPerMinute: number | null;
  createdBy: { id: string } | null;
  active: boolean;
}

describe('npm run partner', () => {
  let graph: Graph;

  beforeAll(async () => {
    graph = await startGraph({
      // A revoked or rotated key is refused at once, not after the gateway's key cache expires.
      configure: (base) => ({ ...base, partners: { ...base.partners, keyCacheSeconds: 0 } }),
    });
  });
  afterAll(() => graph.stop());

  /** The script as `npm run partner -- …` runs it, on the test database. */
  const partnerScript = (...args: string[]): Promise<Outcome> =>
    run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/partner.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: graph.databaseUrl, LOG_LEVEL: 'warn' },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        stdout: error.stdout,
        stderr: error.stderr,
      }),
    );

  const manifest = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'operations/partners/persisted-query-manifest.json'), 'utf8'),
  ) as { operations: { id: string; name: string }[] };
  const search = manifest.operations.find((o) => o.name === 'PartnerContactSearch');

  /** A registered operation, sent by id with the key, as a partner's client sends it. */
  const asPartner = (apiKey: string) =>
    postGraphQL(
      graph.gatewayUrl,
      { 'x-api-key': apiKey },
      {
        variables: { search: 'a', first: 2 },
        extensions: { persistedQuery: { version: 1, sha256Hash: search?.id } },
      },
    );

  const partnerNamed = async (name: string): Promise<PartnerView> => {
    const res = await graph.query<{ partners: PartnerView[] }>(
      'admin',
      '{ partners { name profile { name } rateLimitPerMinute createdBy { id } active } }',
    );
    expectNoErrors(res);
    const partner = res.data?.partners.find((p) => p.name === name);
    if (!partner) throw new Error(`${name} is not listed`);
    return partner;
  };

  it('creates, lists, rotates and revokes a partner whose key works through the gateway', async () => {
    const name = unique('Acme CRM');
    const created = await partnerScript(
      'create',
      '--name',
      name,
      '--profile',
      'agent',
      '--rate-limit',
      '120',
    );
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^cgp_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toContain(`partner "${name}"`);
    expect(await partnerNamed(name)).toEqual({
      name,
      profile: { name: 'Agent' },
      rateLimitPerMinute: 120,
      createdBy: null,
      active: true,
    });
    expectNoErrors(await asPartner(key));

    const listed = await partnerScript('list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(name);
    expect(listed.stdout).toContain(`${key.slice(0, 12)}…`);
    expect(listed.stdout).not.toContain(key);

    const rotated = await partnerScript('rotate', name.toUpperCase());
    expect(rotated.code).toBe(0);
    const newKey = rotated.stdout.trim();
    expect(newKey).toMatch(/^cgp_/);
    expect(newKey).not.toBe(key);
    const old = await asPartner(key);
    expect(old.status).toBe(401);
    expect(errorCodes(old)).toEqual(['UNAUTHENTICATED']);
    expectNoErrors(await asPartner(newKey));

    const revoked = await partnerScript('revoke', name);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`Revoked partner "${name}"`);
    expect((await asPartner(newKey)).status).toBe(401);
    expect((await partnerNamed(name)).active).toBe(false);

    const again = await partnerScript('rotate', name);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is revoked');
  }, 120_000);

  it('refuses what it cannot do, saying why, and makes nothing', async () => {
    const name = unique('Refused');
    const administrator = await partnerScript(
      'create',
      '--name',
      name,
      '--profile',
      'Administrator',
    );
    expect(administrator.code).toBe(1);
    expect(administrator.stderr).toContain('never gets administrator powers');
    expect(administrator.stdout).toBe('');

    const noProfile = await partnerScript('create', '--name', name, '--profile', 'Nobody');
    expect(noProfile.code).toBe(1);
    expect(noProfile.stderr).toContain('No profile has the id or name "Nobody"');

    const badLimit = await partnerScript(
      'create',
      '--name',
      name,
      '--profile',
      'Agent',
      '--rate-limit',
      'lots',
    );
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toContain('--rate-limit must be a whole number');

    const names = (
      await graph.query<{ partners: { name: string }[] }>('admin', '{ partners { name } }')
    ).data?.partners.map((p) => p.name);
    expect(names).not.toContain(name);

    const taken = unique('Taken');
    expect((await partnerScript('create', '--name', taken, '--profile', 'Agent')).code).toBe(0);
    const twice = await partnerScript(
      'create',
      '--name',
      taken.toLowerCase(),
      '--profile',
      'Agent',
    );
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('already exists');

    const unknown = await partnerScript('delete', taken);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "delete"');
    expect(unknown.stderr).toContain('usage: npm run partner');

    const missing = await partnerScript('revoke', unique('Nobody'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No partner has the id or name');
  }, 120_000);
});
