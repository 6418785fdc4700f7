import DataLoader from 'dataloader';
import { type DataSource, In } from 'typeorm';
import {
  byIdLoader,
  childrenLoader,
  eachGroup,
  groupBy,
  groupedLoader,
  isUuid,
  loadAll,
  rowsByIds,
} from '../../shared/loaders';
import { syncRunLoaders } from '../../shared/jobs/syncRunGraph';
import { ownerSetPageLoader } from '../../shared/ownerSetPages';
import {
  type Connection,
  decodeCursor,
  type PageArgs,
  type PageLimits,
  pageSize,
  toConnection,
  withCursor,
} from '../../shared/pagination';
import type { ProjectProgress } from './domain/progress';
import {
  Client,
  CrmUpdateRefusal,
  Project,
  ProjectDeal,
  ProjectMember,
  ProjectsUser,
  Task,
  TaskComment,
  TaskList,
  TaskOwner,
} from './entities';
import type { TaskStatus } from './entities/Task';
import { projectsSyncRuns } from './jobs';

/**
 * A page of one project's tasks: the top-level ones, or with parentId one task's subtasks, in
 * list order (the order they were added: the schema has no way to move a task).
 */
export interface TaskPageKey extends PageArgs {
  projectId: string;
  status?: TaskStatus | null;
  parentId?: string | null;
}

/**
 * The list order's key. Milliseconds, because a cursor carries a JavaScript Date and PostgreSQL
 * keeps microseconds: ordering and comparing on the same truncated value keeps pages exact.
 */
const TASK_ORDER = "date_trunc('milliseconds', t.created_at)";

/** The conditions a task page key puts on `projects.task t`, its parameters after `params`. */
function taskConditions(key: TaskPageKey, params: unknown[]): string[] {
  params.push(key.parentId ?? null);
  const conditions = [
    `(($${params.length}::uuid IS NULL AND t.parent_task_id IS NULL) OR t.parent_task_id = $${params.length}::uuid)`,
  ];
  params.push(key.status ?? null);
  conditions.push(`($${params.length}::text IS NULL OR t.status = $${params.length}::text)`);
  return conditions;
}

/** The groups of keys that one statement answers: same page arguments and filters. */
const taskFilterOf = (key: TaskPageKey) =>
  JSON.stringify([key.status ?? null, key.parentId ?? null]);
const taskPageOf = (key: TaskPageKey) =>
  JSON.stringify([key.first ?? null, key.after ?? null, key.status ?? null, key.parentId ?? null]);

/**
 * Many projects' task pages in two statements per group of keys with the same arguments (rank,
 * then rows), and one grouped count per filter when totalCount is asked for: the number of
 * statements does not grow with the number of projects.
 */
function taskPageLoader(db: DataSource, limits: PageLimits) {
  const counts = new DataLoader<TaskPageKey, number, string>(
    async (keys) => {
      const result = new Map<string, number>();
      for (const group of groupBy([...keys], taskFilterOf).values()) {
        const params: unknown[] = [group.map((key) => key.projectId).filter(isUuid)];
        const conditions = taskConditions(group[0], params);
        const rows: { projectId: string; count: string }[] = await db.query(
          `SELECT t.project_id AS "projectId", count(*) AS count FROM projects.task t
            WHERE t.project_id = ANY($1::uuid[]) AND ${conditions.join(' AND ')}
            GROUP BY t.project_id`,
          params,
        );
        for (const row of rows) {
          result.set(`${taskFilterOf(group[0])}:${row.projectId}`, Number(row.count));
        }
      }
      return keys.map((key) => result.get(`${taskFilterOf(key)}:${key.projectId}`) ?? 0);
    },
    { cacheKeyFn: (key) => `${taskFilterOf(key)}:${key.projectId}` },
  );

  return new DataLoader<TaskPageKey, Connection<Task>, string>(
    async (keys) => {
      const results = new Map<TaskPageKey, Connection<Task> | Error>();
      await eachGroup(groupBy([...keys], taskPageOf).values(), results, async (group) => {
        const { first, after } = group[0];
        const size = pageSize(first, limits);
        const params: unknown[] = [group.map((key) => key.projectId).filter(isUuid)];
        const conditions = taskConditions(group[0], params);
        if (after) {
          const [value, id] = decodeCursor(after, 2);
          params.push(value, id);
          conditions.push(
            `(${TASK_ORDER}, t.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
          );
        }
        params.push(size + 1);
        const ranked: { id: string; projectId: string }[] = await withCursor(
          after,
          db.query(
            `SELECT ranked.id, ranked.project_id AS "projectId" FROM (
               SELECT t.id, t.project_id, ROW_NUMBER() OVER (
                 PARTITION BY t.project_id ORDER BY ${TASK_ORDER}, t.id) AS rank
                 FROM projects.task t
                WHERE t.project_id = ANY($1::uuid[]) AND ${conditions.join(' AND ')}
             ) ranked WHERE ranked.rank <= $${params.length}
             ORDER BY ranked.project_id, ranked.rank`,
            params,
          ),
        );
        const ids = ranked.map((row) => row.id);
        const rows = new Map(
          (ids.length ? await rowsByIds(db.getRepository(Task))(ids) : []).map((row) => [
            row.id,
            row,
          ]),
        );
        const byProject = groupBy(ranked, (row) => row.projectId);
        for (const key of group) {
          const own = (byProject.get(key.projectId) ?? []).map((row) => rows.get(row.id) as Task);
          results.set(
            key,
            toConnection(
              own,
              size,
              (row) => [row.createdAt.toISOString(), row.id],
              () => counts.load(key),
            ),
          );
        }
      });
      return keys.map((key) => results.get(key) as Connection<Task> | Error);
    },
    { cacheKeyFn: (key) => `${taskPageOf(key)}:${key.projectId}` },
  );
}

/**
 * PRJ-2: each project's progress in one statement per batch. The aggregates are those of
 * domain/progress.ts's projectProgress: counts over every task, the percentage the mean of the
 * top-level tasks' percent (closed 100, otherwise clamped to 0..99), rounded down, over all tasks
 * only when a project has no top-level task; null with no tasks.
 */
function progressLoader(db: DataSource) {
  return new DataLoader<string, ProjectProgress>(async (projectIds) => {
    const rows: {
      projectId: string;
      total: number;
      closed: number;
      topLevel: number;
      topLevelSum: number;
      allSum: number;
    }[] = await db.query(
      `WITH measured AS (
         SELECT project_id, status, parent_task_id,
                CASE WHEN status = 'CLOSED' THEN 100
                     ELSE LEAST(99, GREATEST(0, percent_complete)) END AS percent
           FROM projects.task WHERE project_id = ANY($1::uuid[]))
       SELECT project_id AS "projectId",
              count(*)::int AS total,
              (count(*) FILTER (WHERE status = 'CLOSED'))::int AS closed,
              (count(*) FILTER (WHERE parent_task_id IS NULL))::int AS "topLevel",
              (coalesce(sum(percent) FILTER (WHERE parent_task_id IS NULL), 0))::int AS "topLevelSum",
              sum(percent)::int AS "allSum"
         FROM measured GROUP BY project_id`,
      [projectIds.filter(isUuid)],
    );
    const byProject = new Map(rows.map((row) => [row.projectId, row]));
    return projectIds.map((id): ProjectProgress => {
      const row = byProject.get(id);
      if (!row) return { openTasks: 0, closedTasks: 0, totalTasks: 0, percentComplete: null };
      const [sum, measured] =
        row.topLevel > 0 ? [row.topLevelSum, row.topLevel] : [row.allSum, row.total];
      return {
        openTasks: row.total - row.closed,
        closedTasks: row.closed,
        totalTasks: row.total,
        percentComplete: Math.floor(sum / measured),
      };
    });
  });
}

/** Rows by a unique column other than the id; null for a value no row has. */
function byUniqueLoader<E>(
  find: (values: string[]) => Promise<E[]>,
  valueOf: (row: E) => string | null,
) {
  return new DataLoader<string, E | null>(async (values) => {
    const valid = values.filter(isUuid);
    const rows = valid.length > 0 ? await find(valid) : [];
    const byValue = new Map(rows.map((row) => [valueOf(row), row]));
    return values.map((value) => byValue.get(value) ?? null);
  });
}

/** Every entity reference and nested list of a request goes through one of these. */
export function createProjectsLoaders(db: DataSource, limits: PageLimits) {
  const repo = db.getRepository.bind(db);
  const user = byIdLoader(repo(ProjectsUser), 'ProjectUser');

  /** Newest first, as both panels and Query.projects list them. */
  const projectPages = (from: string, ownerColumn: string) =>
    ownerSetPageLoader<Project>({
      db,
      from,
      ownerColumn,
      orderColumn: 'd.start_date',
      orderType: 'date',
      orderValue: (row) => row.startDate,
      load: rowsByIds(repo(Project)),
      limits,
    });

  const ownerRows = childrenLoader(repo(TaskOwner), 'taskId', { position: 'ASC' });

  return {
    project: byIdLoader(repo(Project), 'Project'),
    task: byIdLoader(repo(Task), 'ProjectTask'),
    user,
    client: byIdLoader(repo(Client), 'ProjectClient'),
    taskList: byIdLoader(repo(TaskList), 'ProjectTaskList'),
    /** PRJ-2: the client organization linked to each desk account. */
    clientByAccount: byUniqueLoader(
      (ids) => repo(Client).findBy({ deskAccountId: In(ids) }),
      (row) => row.deskAccountId,
    ),
    /** PRJ-5: the project task linked to each desk CRM task. */
    taskByCrmTask: byUniqueLoader(
      (ids) => repo(Task).findBy({ deskCrmTaskId: In(ids) }),
      (row) => row.deskCrmTaskId,
    ),
    /** PRJ-2: the projects of clients, newest first; the owner is the client. */
    projectPagesByClient: projectPages('projects.project d', 'd.client_id'),
    /** PRJ-4: the projects a desk deal is associated with, newest first. */
    projectPagesByDeal: projectPages(
      '(projects.project_deal pd JOIN projects.project d ON d.id = pd.project_id)',
      'pd.desk_deal_id',
    ),
    progress: progressLoader(db),
    taskPages: taskPageLoader(db, limits),
    subtasks: childrenLoader(repo(Task), 'parentTaskId', { createdAt: 'ASC', id: 'ASC' }),
    /** A task's owners, first owner first (PRJ-3: the first owns the desk task). */
    owners: new DataLoader<string, ProjectsUser[]>(async (taskIds) => {
      const rows = await loadAll(ownerRows, taskIds);
      const users = await loadAll(user, [...new Set(rows.flat().map((row) => row.userId))]);
      const byId = new Map(users.map((row) => [row.id, row]));
      return rows.map((own) => own.map((row) => byId.get(row.userId) as ProjectsUser));
    }),
    comments: childrenLoader(repo(TaskComment), 'taskId', { createdAt: 'ASC', id: 'ASC' }),
    refusals: childrenLoader(repo(CrmUpdateRefusal), 'taskId', { createdAt: 'DESC', id: 'DESC' }),
    taskLists: childrenLoader(repo(TaskList), 'projectId', { position: 'ASC' }),
    members: childrenLoader(repo(ProjectMember), 'projectId', { role: 'ASC', userId: 'ASC' }),
    /** PRJ-4: the desk deals associated with each project. */
    dealIds: groupedLoader(
      (ids: readonly string[]) =>
        repo(ProjectDeal).find({
          where: { projectId: In(ids.filter(isUuid)) },
          order: { deskDealId: 'ASC' },
        }),
      (row) => row.projectId,
    ),
    /** PRJ-1: a client's users, by name. */
    clientUsers: childrenLoader(repo(ProjectsUser), 'clientId', { name: 'ASC', id: 'ASC' }),
    /** PRJ-1: the user import runs and their failure pages. */
    syncRuns: syncRunLoaders(db, projectsSyncRuns, limits),
  };
}

export type ProjectsLoaders = ReturnType<typeof createProjectsLoaders>;
