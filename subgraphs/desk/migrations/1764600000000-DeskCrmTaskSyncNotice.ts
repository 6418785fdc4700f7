import { MigrationInterface, QueryRunner } from 'typeorm';

/** PRJ-6/PRJ-7: where desk keeps the updates of a CRM task that a peer service did not apply. */
export class DeskCrmTaskSyncNotice1764600000000 implements MigrationInterface {
  name = 'DeskCrmTaskSyncNotice1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // event_id is unique: a service that repeats its call (a retried event) adds nothing.
    await queryRunner.query(`
      CREATE TABLE desk.crm_task_sync_notice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES desk.crm_task(id) ON DELETE CASCADE,
        source text NOT NULL CHECK (btrim(source) <> ''),
        event_id uuid NOT NULL UNIQUE,
        message text NOT NULL CHECK (btrim(message) <> ''),
        restored_fields text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      );
      CREATE INDEX crm_task_sync_notice_task_idx
        ON desk.crm_task_sync_notice (task_id, created_at DESC, id DESC);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE desk.crm_task_sync_notice');
  }
}
