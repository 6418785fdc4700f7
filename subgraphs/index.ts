import type { DocumentNode } from 'graphql';
import type { DataSource } from 'typeorm';
import type { SubgraphName } from '../shared/config';
import type { SubgraphJobs } from '../shared/jobs/workers';
import type { Logger } from '../shared/logger';
import { RunningService, startSubgraph, SubgraphDependencies } from '../shared/subgraph';
import { billingJobs } from './billing/jobs';
import { billingModule } from './billing/module';
import { billingIsSeeded, seedBilling } from './billing/seed/generate';
import { BILLING_SCHEMA, createBillingDataSource } from './billing/database';
import { booksJobs } from './books/jobs';
import { booksModule } from './books/module';
import { booksIsSeeded, seedBooks } from './books/seed/generate';
import { BOOKS_SCHEMA, createBooksDataSource } from './books/database';
import { createDeskDataSource, DESK_SCHEMA } from './desk/database';
import { deskModule } from './desk/module';
import { deskJobs } from './desk/jobs';
import { deskIsSeeded, seedDesk } from './desk/seed/generate';
import { createInventoryDataSource, INVENTORY_SCHEMA } from './inventory/database';
import { inventoryJobs } from './inventory/jobs';
import { inventoryModule } from './inventory/module';
import { inventoryIsSeeded, seedInventory } from './inventory/seed/generate';
import { createProjectsDataSource, PROJECTS_SCHEMA } from './projects/database';
import { projectsJobs } from './projects/jobs';
import { projectsModule } from './projects/module';
import { projectsIsSeeded, seedProjects } from './projects/seed/generate';

/** Everything the scripts and tests need to run one subgraph, with its context type hidden. */
export interface SubgraphDefinition {
  name: SubgraphName;
  /** The Postgres schema the subgraph owns. */
  schema: string;
  typeDefs: DocumentNode;
  createDataSource(url: string, log: Logger): DataSource;
  start(deps: SubgraphDependencies, port: number): Promise<RunningService>;
  isSeeded(dataSource: DataSource): Promise<boolean>;
  seed(dataSource: DataSource, scale: number): Promise<unknown>;
  /** Its sync runs, their workers and the events it consumes. */
  jobs: SubgraphJobs;
}

export const SUBGRAPHS: readonly SubgraphDefinition[] = [
  {
    name: 'desk',
    schema: DESK_SCHEMA,
    typeDefs: deskModule.typeDefs,
    createDataSource: createDeskDataSource,
    start: (deps, port) => startSubgraph(deskModule, deps, port),
    isSeeded: deskIsSeeded,
    seed: (dataSource, scale) => seedDesk(dataSource, { scale }),
    jobs: deskJobs,
  },
  {
    name: 'inventory',
    schema: INVENTORY_SCHEMA,
    typeDefs: inventoryModule.typeDefs,
    createDataSource: createInventoryDataSource,
    start: (deps, port) => startSubgraph(inventoryModule, deps, port),
    isSeeded: inventoryIsSeeded,
    seed: (dataSource, scale) => seedInventory(dataSource, { scale }),
    jobs: inventoryJobs,
  },
  {
    name: 'billing',
    schema: BILLING_SCHEMA,
    typeDefs: billingModule.typeDefs,
    createDataSource: createBillingDataSource,
    start: (deps, port) => startSubgraph(billingModule, deps, port),
    isSeeded: billingIsSeeded,
    seed: (dataSource, scale) => seedBilling(dataSource, { scale }),
    jobs: billingJobs,
  },
  {
    name: 'books',
    schema: BOOKS_SCHEMA,
    typeDefs: booksModule.typeDefs,
    createDataSource: createBooksDataSource,
    start: (deps, port) => startSubgraph(booksModule, deps, port),
    isSeeded: booksIsSeeded,
    seed: (dataSource, scale) => seedBooks(dataSource, { scale }),
    jobs: booksJobs,
  },
  {
    name: 'projects',
    schema: PROJECTS_SCHEMA,
    typeDefs: projectsModule.typeDefs,
    createDataSource: createProjectsDataSource,
    start: (deps, port) => startSubgraph(projectsModule, deps, port),
    isSeeded: projectsIsSeeded,
    // Projects' demo is tied to desk's at the same scale, so it is seeded after desk's.
    seed: (dataSource, scale) => seedProjects(dataSource, { scale }),
    jobs: projectsJobs,
  },
];

export function subgraphNamed(name: string): SubgraphDefinition {
  const found = SUBGRAPHS.find((subgraph) => subgraph.name === name);
  if (!found) {
    throw new Error(
      `Unknown service "${name}"; expected gateway or one of ${SUBGRAPHS.map((s) => s.name).join(', ')}`,
    );
  }
  return found;
}
