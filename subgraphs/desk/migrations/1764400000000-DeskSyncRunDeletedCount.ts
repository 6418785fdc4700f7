import { MigrationInterface, QueryRunner } from 'typeorm';
import { addSyncRunDeletedCount, dropSyncRunDeletedCount } from '../../../shared/jobs/tables';

export class DeskSyncRunDeletedCount1764400000000 implements MigrationInterface {
  name = 'DeskSyncRunDeletedCount1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addSyncRunDeletedCount(queryRunner, 'desk');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropSyncRunDeletedCount(queryRunner, 'desk');
  }
}
