import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * Each subgraph's demo data refers to desk's demo customers by id, which differ from one scale to
 * another; so every subgraph remembers the scale it was seeded at, and a subgraph seeded later
 * (a new one, after an upgrade) follows the others.
 */
export async function createSeedScaleTable(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`
    CREATE TABLE "${schema}".demo_seed (
      id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      scale numeric NOT NULL,
      seeded_at timestamptz NOT NULL DEFAULT now()
    )`);
}

export async function recordSeedScale(
  manager: EntityManager,
  schema: string,
  scale: number,
): Promise<void> {
  await manager.query(`INSERT INTO "${schema}".demo_seed (id, scale) VALUES (1, $1)`, [scale]);
}

export async function seededScale(dataSource: DataSource, schema: string): Promise<number | null> {
  const rows: { scale: string }[] = await dataSource.query(
    `SELECT scale FROM "${schema}".demo_seed WHERE id = 1`,
  );
  return rows.length > 0 ? Number(rows[0].scale) : null;
}
