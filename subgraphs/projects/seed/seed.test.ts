import type { DataSource } from 'typeorm';
import { openAndMigrate } from '../../../shared/database/dataSource';
import { logger } from '../../../shared/logger';
import { scratchDatabase } from '../../../test/scratchDatabase';
import { createProjectsDataSource, PROJECTS_SCHEMA } from '../database';
import { generateProjectsDemo, projectsIsSeeded, seedProjects, summaryOf } from './generate';

/** The scale test/globalSetup.ts seeds desk with. */
const SCALE = 0.05;

/*
 * The migration is undone and redone, and the seed starts from an empty schema: in a database of
 * this test's own, since the shared one holds the demo the projects suites read. Projects has no
 * foreign key into desk's schema, so its schema alone will do.
 */

let dataSource: DataSource;
let scratch: Awaited<ReturnType<typeof scratchDatabase>>;

beforeAll(async () => {
  scratch = await scratchDatabase();
  dataSource = createProjectsDataSource(scratch.url, logger('test'));
  await openAndMigrate(dataSource, PROJECTS_SCHEMA);
});

afterAll(async () => {
  await dataSource.destroy();
  await scratch.drop();
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

describe('seedProjects', () => {
  it('inserts the demo into the migrated schema, every constraint satisfied', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // seedProjects opens its own transaction; inside this one it becomes a savepoint, and the
      // rollback below leaves the schema empty for the next run.
      const transactional = Object.create(dataSource) as DataSource;
      transactional.transaction = ((work: (manager: typeof runner.manager) => Promise<unknown>) =>
        work(runner.manager)) as DataSource['transaction'];
      const summary = await seedProjects(transactional, { scale: SCALE });
      expect(summary).toEqual(summaryOf(generateProjectsDemo(SCALE)));
      for (const [table, count] of Object.entries({
        client: summary.clients,
        '"user"': summary.users,
        project: summary.projects,
        project_deal: summary.projectDeals,
        project_user: summary.members,
        task_list: summary.taskLists,
        task: summary.tasks,
        task_owner: summary.owners,
        task_comment: summary.comments,
        profile_permission: summary.profilePermissions,
      })) {
        const [row] = (await runner.query(
          `SELECT count(*)::int AS n FROM ${PROJECTS_SCHEMA}.${table}`,
        )) as { n: number }[];
        expect([table, row.n]).toEqual([table, count]);
      }
      const [next] = (await runner.query(
        `SELECT nextval('${PROJECTS_SCHEMA}.project_number_seq')::int AS n`,
      )) as { n: number }[];
      expect(next.n).toBe(summary.projects + 1);
      // The one-level rule is the database's: a subtask cannot become a parent.
      const [subtask] = (await runner.query(
        `SELECT id, project_id FROM ${PROJECTS_SCHEMA}.task WHERE parent_task_id IS NOT NULL
         LIMIT 1`,
      )) as { id: string; project_id: string }[];
      await runner.query('SAVEPOINT nested');
      await expect(
        runner.query(
          `INSERT INTO ${PROJECTS_SCHEMA}.task (project_id, parent_task_id, subject)
           VALUES ($1, $2, 'Too deep')`,
          [subtask.project_id, subtask.id],
        ),
      ).rejects.toThrow(/foreign key/);
      await runner.query('ROLLBACK TO SAVEPOINT nested');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await projectsIsSeeded(dataSource)).toBe(false);
  });
});
