import { MigrationInterface, QueryRunner } from 'typeorm';

export class DeskProductSync1764000000000 implements MigrationInterface {
  name = 'DeskProductSync1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A product kept in sync from another service (inventory's items) is found again by that
    // service's own id; products made in desk have neither column set.
    await queryRunner.query(`
      ALTER TABLE desk.product
        ADD COLUMN external_source text,
        ADD COLUMN external_id text,
        ADD CONSTRAINT product_external_key_complete
          CHECK ((external_source IS NULL) = (external_id IS NULL));
      CREATE UNIQUE INDEX product_external_key ON desk.product (external_source, external_id)
        WHERE external_source IS NOT NULL AND external_id IS NOT NULL;
      CREATE TABLE desk.product_department (
        product_id uuid NOT NULL REFERENCES desk.product(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES desk.department(id) ON DELETE CASCADE,
        PRIMARY KEY (product_id, department_id)
      );
      -- products(departmentId:) starts from the department.
      CREATE INDEX product_department_department_idx ON desk.product_department (department_id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE desk.product_department;
      DROP INDEX desk.product_external_key;
      ALTER TABLE desk.product
        DROP CONSTRAINT product_external_key_complete,
        DROP COLUMN external_id,
        DROP COLUMN external_source;
    `);
  }
}
