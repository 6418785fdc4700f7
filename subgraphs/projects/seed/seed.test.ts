import type { DataSource } from 'typeorm';
import { openAndMigrate } from '../../../shared/database/dataSource';
import { logger } from '../../../shared/logger';
import { createProjectsDataSource, PROJECTS_SCHEMA } from '../database';

/*
 * Projects is not registered with the platform yet, so the test setup has neither migrated nor
 * seeded it: this test migrates its own schema. Projects has no foreign key into desk's schema.
 */

let dataSource: DataSource;

beforeAll(async () => {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest');
  dataSource = createProjectsDataSource(url, logger('test'));
  await openAndMigrate(dataSource, PROJECTS_SCHEMA);
});

afterAll(async () => {
  await dataSource.destroy();
});

const tables = async (): Promise<string[]> =>
  (
    (await dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1
       ORDER BY table_name`,
      [PROJECTS_SCHEMA],
    )) as { name: string }[]
  ).map((row) => row.name);

describe('the projects migration', () => {
  it('creates every table and undoes itself completely', async () => {
    const migrated = await tables();
    expect(migrated).toEqual(
      expect.arrayContaining([
        'client',
        'crm_update_refusal',
        'demo_seed',
        'mail_message',
        'outbox_event',
        'processed_event',
        'profile_permission',
        'project',
        'project_deal',
        'project_user',
        'sync_run',
        'sync_run_failure',
        'task',
        'task_comment',
        'task_list',
        'task_owner',
        'user',
      ]),
    );
    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual(['migrations']);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await tables()).toEqual(migrated);
  });
});
