import type { DataSource } from 'typeorm';
import { openAndMigrate } from '../shared/database/dataSource';
import type { Logger } from '../shared/logger';
import { SUBGRAPHS, SubgraphDefinition } from '../subgraphs';

export interface MigratedSubgraph {
  subgraph: SubgraphDefinition;
  dataSource: DataSource;
}

/** Brings every subgraph's own schema up to date; returns their open data sources. */
export async function migrateAll(url: string, log: Logger): Promise<MigratedSubgraph[]> {
  const migrated: MigratedSubgraph[] = [];
  for (const subgraph of SUBGRAPHS) {
    const dataSource = subgraph.createDataSource(url, log.child({ subgraph: subgraph.name }));
    await openAndMigrate(dataSource, subgraph.schema);
    migrated.push({ subgraph, dataSource });
  }
  return migrated;
}

/** Loads demo data into each subgraph that has none, so a second start reuses what is there. */
export async function seedWhereEmpty(
  migrated: MigratedSubgraph[],
  scale: number,
  log: Logger,
): Promise<void> {
  for (const { subgraph, dataSource } of migrated) {
    if (await subgraph.isSeeded(dataSource)) continue;
    const started = Date.now();
    const summary = await subgraph.seed(dataSource, scale);
    log.info(
      { subgraph: subgraph.name, scale, ms: Date.now() - started, summary },
      'demo data loaded',
    );
  }
}

export async function closeAll(migrated: MigratedSubgraph[]): Promise<void> {
  await Promise.all(migrated.map(({ dataSource }) => dataSource.destroy()));
}
