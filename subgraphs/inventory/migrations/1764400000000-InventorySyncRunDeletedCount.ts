import { MigrationInterface, QueryRunner } from 'typeorm';
import { addSyncRunDeletedCount, dropSyncRunDeletedCount } from '../../../shared/jobs/tables';

export class InventorySyncRunDeletedCount1764400000000 implements MigrationInterface {
  name = 'InventorySyncRunDeletedCount1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addSyncRunDeletedCount(queryRunner, 'inventory');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropSyncRunDeletedCount(queryRunner, 'inventory');
  }
}
