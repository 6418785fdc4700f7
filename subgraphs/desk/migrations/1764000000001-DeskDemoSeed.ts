import { MigrationInterface, QueryRunner } from 'typeorm';
import { createSeedScaleTable } from '../../../shared/seed/scale';

export class DeskDemoSeed1764000000001 implements MigrationInterface {
  name = 'DeskDemoSeed1764000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createSeedScaleTable(queryRunner, 'desk');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE desk.demo_seed');
  }
}
