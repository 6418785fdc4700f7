import { MigrationInterface, QueryRunner } from 'typeorm';
import { addSyncRunDeletedCount, dropSyncRunDeletedCount } from '../../../shared/jobs/tables';

export class BillingSyncRunDeletedCount1764400000000 implements MigrationInterface {
  name = 'BillingSyncRunDeletedCount1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addSyncRunDeletedCount(queryRunner, 'billing');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropSyncRunDeletedCount(queryRunner, 'billing');
  }
}
