import { MigrationInterface, QueryRunner } from 'typeorm';

/** Partner applications and the hashes of their API keys (issue 8). */
export class DeskPartner1764700000000 implements MigrationInterface {
  name = 'DeskPartner1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Names are unique regardless of case: "Acme CRM" and "ACME crm" would be one partner to an
    // administrator reading the list. The key hash is SHA-256 in hex, which the gateway computes.
    await queryRunner.query(`
      CREATE TABLE desk.partner (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (btrim(name) <> ''),
        profile_id uuid NOT NULL REFERENCES desk.agent_profile(id),
        key_prefix text NOT NULL CHECK (key_prefix <> ''),
        key_hash text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
        rate_limit_per_minute integer CHECK (rate_limit_per_minute > 0),
        created_by_agent_id uuid REFERENCES desk.agent(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        revoked_at timestamptz
      );
      CREATE UNIQUE INDEX partner_name_lower_key ON desk.partner (lower(name));
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE desk.partner');
  }
}
