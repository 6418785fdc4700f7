import { createSubgraphDataSource } from '../../shared/database/dataSource';
import type { Logger } from '../../shared/logger';
import { booksEntities } from './entities';
import { booksMigrations } from './migrations';

export const BOOKS_SCHEMA = 'books';

export const createBooksDataSource = (url: string, log: Logger) =>
  createSubgraphDataSource({
    schema: BOOKS_SCHEMA,
    url,
    entities: booksEntities,
    migrations: booksMigrations,
    log,
  });
