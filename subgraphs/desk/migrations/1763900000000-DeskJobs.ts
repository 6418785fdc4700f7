import { MigrationInterface, QueryRunner } from 'typeorm';
import { createJobTables, dropJobTables } from '../../../shared/jobs/tables';

export class DeskJobs1763900000000 implements MigrationInterface {
  name = 'DeskJobs1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createJobTables(queryRunner, 'desk');
    // ASC-6: an association file imported as a sync run is staged here row by row when it is
    // accepted; chunks then work through it by row number, and keep each row's outcome.
    await queryRunner.query(`
      CREATE TABLE desk.association_import_row (
        run_id uuid NOT NULL REFERENCES desk.sync_run(id) ON DELETE CASCADE,
        row_number integer NOT NULL,
        contact_email text,
        account_name text,
        is_primary boolean NOT NULL,
        tickets_viewable boolean,
        error text,
        outcome text CHECK (outcome IN ('APPLIED','UNCHANGED','FAILED')),
        PRIMARY KEY (run_id, row_number)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE desk.association_import_row');
    await dropJobTables(queryRunner, 'desk');
  }
}
