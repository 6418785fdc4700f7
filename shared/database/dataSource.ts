import 'reflect-metadata';
import { DataSource, Logger as TypeOrmLogger, MixedList, EntitySchema } from 'typeorm';
import type { Logger } from '../logger';

/**
 * Counts the statements a data source sends, so tests can prove that batching keeps the number
 * of SQL statements per request independent of list lengths.
 */
export class StatementCounter implements TypeOrmLogger {
  count = 0;
  constructor(private readonly out: Logger) {}
  logQuery(): void {
    this.count += 1;
  }
  logQueryError(error: string | Error, query: string): void {
    this.count += 1;
    this.out.debug({ err: error, query }, 'query failed');
  }
  logQuerySlow(time: number, query: string): void {
    this.out.warn({ time, query }, 'slow query');
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.out.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.out.warn({ message });
  }
}

export interface SubgraphDataSourceOptions {
  /** The Postgres schema this subgraph owns; nothing else is read or written. */
  schema: string;
  url: string;
  // TypeORM's own signature for entity lists.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  log: Logger;
  poolSize?: number;
}

export function createSubgraphDataSource(options: SubgraphDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['query', 'error', 'warn', 'migration'],
    logger: new StatementCounter(options.log),
    maxQueryExecutionTime: 1000,
    extra: { max: options.poolSize ?? 10, application_name: `customer-graph-${options.schema}` },
  });
}

/** Opens the data source and brings its schema up to date. */
export async function openAndMigrate(dataSource: DataSource, schema: string): Promise<void> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  // TypeORM keeps its migrations table inside the schema, which therefore has to exist first.
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await dataSource.runMigrations({ transaction: 'each' });
}

export function statementCount(dataSource: DataSource): number {
  const logger = dataSource.logger;
  return logger instanceof StatementCounter ? logger.count : 0;
}
