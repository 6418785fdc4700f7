import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What gateway replicas share: the automatic-persisted-query cache and the partners' rate-limit
 * counters. Both are unlogged: they are rebuilt by use, so a crash that empties them costs a
 * re-registration or a fresh window, and every write skips the WAL.
 */
export class GatewayEdgeState1764700000000 implements MigrationInterface {
  name = 'GatewayEdgeState1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE UNLOGGED TABLE gateway.apq_cache (
        key text PRIMARY KEY,
        value text NOT NULL,
        expires_at timestamptz
      );
      CREATE INDEX apq_cache_expires_idx ON gateway.apq_cache (expires_at);
      CREATE UNLOGGED TABLE gateway.rate_limit_window (
        partner_id uuid NOT NULL,
        window_start timestamptz NOT NULL,
        requests integer NOT NULL CHECK (requests > 0),
        PRIMARY KEY (partner_id, window_start)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE gateway.rate_limit_window; DROP TABLE gateway.apq_cache');
  }
}
