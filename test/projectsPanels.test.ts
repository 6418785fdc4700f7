import { config } from '../shared/config';
import { IDENTITY_HEADER, signForwardedIdentity } from '../shared/identity';
import { DEMO_AGENTS } from '../subgraphs/desk/seed/generate';
import { projectProgress, type ProgressTask } from '../subgraphs/projects/domain/progress';
import { expectError, expectNoErrors, sqlOn } from './expectations';
import { type GraphQLResponse, type Graph, postGraphQL, startGraph } from './harness';

/**
 * Projects' read side through the gateway (PRJ-2, PRJ-4, PRJ-5, PERM-1): the projects panel on
 * desk's Account and Deal with each project's progress, a task with its subtasks, owners and
 * comments, the CRM link choices, permissions both ways, and batching. Nothing is written.
 */

const PROJECT_FIELDS = `
  totalCount
  pageInfo { hasNextPage endCursor }
  nodes {
    id key startDate status
    client { id account { id } }
    progress { openTasks closedTasks totalTasks percentComplete }
  }`;
const ACCOUNT_PANEL = `query($id: ID!, $first: Int, $after: String) {
  account(id: $id) { projects(first: $first, after: $after) { ${PROJECT_FIELDS} } }
}`;
const DEAL_PANEL = `query($id: ID!) {
  deal(id: $id) { projects(first: 50) { ${PROJECT_FIELDS} } }
}`;
const PANELS = `projects(first: 5) {
  totalCount
  nodes { key owner { name } client { name } progress { totalTasks percentComplete } }
}`;
/** An accounts page's panels, and the linked account's beside them so that some have projects. */
const ACCOUNTS_PANELS = `query($first: Int!, $linked: ID!) {
  accounts(first: $first) { nodes { id ${PANELS} } }
  linked: account(id: $linked) { id ${PANELS} }
}`;
const TASK = `query($id: ID!) {
  projectTask(id: $id) {
    id subject project { id }
    subtasks { id parent { id } }
    owners { id name kind }
    comments { body authorName inCrm author { id } }
  }
}`;
const CHOICES = `query($projectId: ID, $taskId: ID) {
  crmLinkChoices(projectId: $projectId, taskId: $taskId) {
    available reason choices { kind account { id name } deal { id name } }
  }
}`;

interface ProjectNode {
  id: string;
  key: string;
  startDate: string;
  client: { id: string; account: { id: string } | null } | null;
  progress: {
    openTasks: number;
    closedTasks: number;
    totalTasks: number;
    percentComplete: number | null;
  };
}
interface ProjectPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: ProjectNode[];
}
interface Choices {
  available: boolean;
  reason: string | null;
  choices: { kind: string; account: { id: string } | null; deal: { id: string } | null }[];
}

describe('projects panels and reads (PRJ-2, PRJ-4, PRJ-5)', () => {
  let graph: Graph;
  const { sql } = sqlOn(() => graph.dataSources.projects);
  /** The linked client with the most projects, and its desk account. */
  let linked: { clientId: string; accountId: string };

  /** PRJ-2 as domain/progress.ts computes it from the seeded task rows. */
  const expectedProgress = async (projectId: string) => {
    const rows = await sql<ProgressTask>(
      `SELECT status, percent_complete AS "percentComplete", parent_task_id AS "parentTaskId"
         FROM projects.task WHERE project_id = $1`,
      [projectId],
    );
    return projectProgress(rows);
  };

  beforeAll(async () => {
    graph = await startGraph();
    [linked] = await sql<typeof linked>(
      `SELECT c.id AS "clientId", c.desk_account_id AS "accountId"
         FROM projects.client c JOIN projects.project p ON p.client_id = c.id
        WHERE c.desk_account_id IS NOT NULL
        GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1`,
    );
  });

  afterAll(() => graph.stop());

  it("PRJ-2: an account panel lists the linked client's projects, newest first, with their progress", async () => {
    const res = await graph.query<{ account: { projects: ProjectPage } }>('agent', ACCOUNT_PANEL, {
      id: linked.accountId,
      first: 50,
    });
    expectNoErrors(res);
    const page = res.data?.account.projects as ProjectPage;
    const expected = await sql<{ id: string }>(
      `SELECT id FROM projects.project WHERE client_id = $1 ORDER BY start_date DESC, id DESC`,
      [linked.clientId],
    );
    expect(page.totalCount).toBe(expected.length);
    expect(page.nodes.map((node) => node.id)).toEqual(expected.map((row) => row.id));
    for (const node of page.nodes) {
      expect(node.client).toEqual({ id: linked.clientId, account: { id: linked.accountId } });
      expect(node.progress).toEqual(await expectedProgress(node.id));
    }
    // The seed gives projects tasks: the numbers compared are not all the empty case.
    expect(page.nodes.some((node) => node.progress.totalTasks > 0)).toBe(true);
  });

  it('PRJ-2: the panel pages, and an account no client is linked to lists nothing', async () => {
    const first = await graph.query<{ account: { projects: ProjectPage } }>(
      'agent',
      ACCOUNT_PANEL,
      { id: linked.accountId, first: 1 },
    );
    expectNoErrors(first);
    const firstPage = first.data?.account.projects as ProjectPage;
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const second = await graph.query<{ account: { projects: ProjectPage } }>(
      'agent',
      ACCOUNT_PANEL,
      { id: linked.accountId, first: 1, after: firstPage.pageInfo.endCursor },
    );
    expectNoErrors(second);
    const ids = [...firstPage.nodes, ...(second.data?.account.projects.nodes ?? [])].map(
      (node) => node.id,
    );
    expect(new Set(ids).size).toBe(2);

    const linkedIds = (
      await sql<{ id: string }>(
        'SELECT desk_account_id AS id FROM projects.client WHERE desk_account_id IS NOT NULL',
      )
    ).map((row) => row.id);
    const [unlinked] = await graph.dataSources.desk.query<{ id: string }[]>(
      'SELECT id FROM desk.account WHERE NOT (id = ANY($1::uuid[])) ORDER BY id LIMIT 1',
      [linkedIds],
    );
    const none = await graph.query<{ account: { projects: ProjectPage } }>('agent', ACCOUNT_PANEL, {
      id: unlinked.id,
    });
    expectNoErrors(none);
    expect(none.data?.account.projects).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it('PRJ-4: a deal lists the projects it is associated with', async () => {
    const [deal] = await sql<{ dealId: string }>(
      `SELECT desk_deal_id AS "dealId" FROM projects.project_deal
        GROUP BY desk_deal_id ORDER BY count(*) DESC, desk_deal_id LIMIT 1`,
    );
    const res = await graph.query<{ deal: { projects: ProjectPage } }>('agent', DEAL_PANEL, {
      id: deal.dealId,
    });
    expectNoErrors(res);
    const expected = await sql<{ id: string }>(
      `SELECT p.id FROM projects.project p JOIN projects.project_deal pd ON pd.project_id = p.id
        WHERE pd.desk_deal_id = $1 ORDER BY p.start_date DESC, p.id DESC`,
      [deal.dealId],
    );
    const page = res.data?.deal.projects as ProjectPage;
    expect(page.nodes.map((node) => node.id)).toEqual(expected.map((row) => row.id));
    expect(page.totalCount).toBe(expected.length);
    for (const node of page.nodes) {
      expect(node.progress).toEqual(await expectedProgress(node.id));
    }
  });

  it('a task with its subtasks, owners (first owner first) and comments (oldest first)', async () => {
    const [task] = await sql<{ id: string; projectId: string }>(
      `SELECT t.id, t.project_id AS "projectId" FROM projects.task t
        WHERE t.parent_task_id IS NULL
          AND EXISTS (SELECT 1 FROM projects.task s WHERE s.parent_task_id = t.id)
          AND EXISTS (SELECT 1 FROM projects.task_owner o WHERE o.task_id = t.id)
          AND EXISTS (SELECT 1 FROM projects.task_comment c WHERE c.task_id = t.id)
        ORDER BY t.id LIMIT 1`,
    );
    const res = await graph.query<{
      projectTask: {
        id: string;
        project: { id: string };
        subtasks: { id: string; parent: { id: string } }[];
        owners: { id: string; kind: string }[];
        comments: { body: string; authorName: string; author: { id: string } | null }[];
      };
    }>('agent', TASK, { id: task.id });
    expectNoErrors(res);
    const found = res.data?.projectTask;
    expect(found?.project.id).toBe(task.projectId);
    const subtasks = await sql<{ id: string }>(
      `SELECT id FROM projects.task WHERE parent_task_id = $1 ORDER BY created_at, id`,
      [task.id],
    );
    expect(found?.subtasks).toEqual(subtasks.map(({ id }) => ({ id, parent: { id: task.id } })));
    const owners = await sql<{ id: string }>(
      'SELECT user_id AS id FROM projects.task_owner WHERE task_id = $1 ORDER BY position',
      [task.id],
    );
    expect(found?.owners.map((owner) => owner.id)).toEqual(owners.map((row) => row.id));
    const comments = await sql<{ body: string; authorName: string; authorId: string | null }>(
      `SELECT body, author_name AS "authorName", author_user_id AS "authorId"
         FROM projects.task_comment WHERE task_id = $1 ORDER BY created_at, id`,
      [task.id],
    );
    expect(found?.comments).toEqual(
      comments.map((row) =>
        expect.objectContaining({
          body: row.body,
          authorName: row.authorName,
          author: row.authorId ? { id: row.authorId } : null,
        }),
      ),
    );

    // The same subtasks through projectTasks(parentId), paged.
    const PAGE = `query($projectId: ID!, $parentId: ID, $after: String) {
      projectTasks(projectId: $projectId, parentId: $parentId, first: 1, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id }
      }
    }`;
    type Page = {
      projectTasks: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: { id: string }[];
      };
    };
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: GraphQLResponse<Page> = await graph.query<Page>('agent', PAGE, {
        projectId: task.projectId,
        parentId: task.id,
        after,
      });
      expectNoErrors(page);
      const data = page.data?.projectTasks as Page['projectTasks'];
      expect(data.totalCount).toBe(subtasks.length);
      seen.push(...data.nodes.map((node) => node.id));
      if (!data.pageInfo.hasNextPage) break;
      after = data.pageInfo.endCursor;
    }
    expect(seen).toEqual(subtasks.map((row) => row.id));
  });

  it("PRJ-4: a linked client's project offers its account first and the project's deals; an unlinked client's is refused", async () => {
    // A linked client's project with deals and tasks, so that every kind of answer is checked.
    const [project] = await sql<{ projectId: string; accountId: string }>(
      `SELECT p.id AS "projectId", c.desk_account_id AS "accountId" FROM projects.project p
         JOIN projects.client c ON c.id = p.client_id
        WHERE c.desk_account_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM projects.project_deal d WHERE d.project_id = p.id)
          AND EXISTS (SELECT 1 FROM projects.task t WHERE t.project_id = p.id)
        ORDER BY p.id LIMIT 1`,
    );
    const deals = await sql<{ id: string }>(
      'SELECT desk_deal_id AS id FROM projects.project_deal WHERE project_id = $1',
      [project.projectId],
    );
    const res = await graph.query<{ crmLinkChoices: Choices }>('agent', CHOICES, {
      projectId: project.projectId,
    });
    expectNoErrors(res);
    const choices = res.data?.crmLinkChoices as Choices;
    expect(choices.available).toBe(true);
    expect(choices.reason).toBeNull();
    expect(choices.choices[0]).toMatchObject({
      kind: 'LINKED_ACCOUNT',
      account: { id: project.accountId },
      deal: null,
    });
    expect(
      choices.choices
        .filter((choice) => choice.kind === 'DEAL')
        .map((choice) => choice.deal?.id)
        .sort(),
    ).toEqual(deals.map((row) => row.id).sort());

    // Given by one of the project's tasks, the answer is the same.
    const [task] = await sql<{ id: string }>(
      'SELECT id FROM projects.task WHERE project_id = $1 LIMIT 1',
      [project.projectId],
    );
    const byTask = await graph.query<{ crmLinkChoices: Choices }>('agent', CHOICES, {
      taskId: task.id,
    });
    expectNoErrors(byTask);
    expect(byTask.data?.crmLinkChoices).toEqual(choices);

    const [unlinked] = await sql<{ projectId: string; name: string }>(
      `SELECT p.id AS "projectId", c.name FROM projects.project p
         JOIN projects.client c ON c.id = p.client_id
        WHERE c.desk_account_id IS NULL ORDER BY p.id LIMIT 1`,
    );
    const refused = await graph.query<{ crmLinkChoices: Choices }>('agent', CHOICES, {
      projectId: unlinked.projectId,
    });
    expectNoErrors(refused);
    expect(refused.data?.crmLinkChoices).toEqual({
      available: false,
      reason: expect.stringContaining(`"${unlinked.name}" is not linked to a CRM account`),
      choices: [],
    });

    expectError(await graph.query('agent', CHOICES, {}), 'BAD_USER_INPUT', ['crmLinkChoices']);
  });

  it("lists refuse what they cannot read: a malformed id, another project's task as parent", async () => {
    const [[a], [b]] = await Promise.all([
      sql<{ projectId: string }>('SELECT project_id AS "projectId" FROM projects.task LIMIT 1'),
      sql<{ id: string; projectId: string }>(
        `SELECT id, project_id AS "projectId" FROM projects.task
          WHERE project_id <> (SELECT project_id FROM projects.task LIMIT 1) LIMIT 1`,
      ),
    ]);
    const TASKS = `query($projectId: ID!, $parentId: ID) {
      projectTasks(projectId: $projectId, parentId: $parentId) { totalCount }
    }`;
    expectError(
      await graph.query('agent', TASKS, { projectId: a.projectId, parentId: b.id }),
      'BAD_USER_INPUT',
      ['projectTasks'],
    );
    expectError(
      await graph.query('agent', TASKS, { projectId: a.projectId, parentId: 'nope' }),
      'NOT_FOUND',
      ['projectTasks'],
    );
    expectError(await graph.query('agent', TASKS, { projectId: 'nope' }), 'NOT_FOUND', [
      'projectTasks',
    ]);
    expectError(
      await graph.query('agent', '{ projects(clientId: "nope") { totalCount } }'),
      'BAD_USER_INPUT',
      ['projects'],
    );
  });

  it('PRJ-5: a desk CRM task shows the project task linked to it, and the task its link', async () => {
    const [task] = await sql<{
      id: string;
      crmTaskId: string;
      accountId: string | null;
      dealId: string | null;
    }>(
      `SELECT id, desk_crm_task_id AS "crmTaskId", crm_account_id AS "accountId",
              crm_deal_id AS "dealId"
         FROM projects.task WHERE desk_crm_task_id IS NOT NULL ORDER BY id LIMIT 1`,
    );
    const res = await graph.query<{
      crmTask: {
        projectTask: {
          id: string;
          crmLink: {
            crmTask: { id: string };
            account: { id: string } | null;
            deal: { id: string } | null;
          };
        };
      };
    }>(
      'agent',
      `query($id: ID!) { crmTask(id: $id) { projectTask { id crmLink {
        crmTask { id } account { id } deal { id } linkedAt syncedAt
      } } } }`,
      { id: task.crmTaskId },
    );
    expectNoErrors(res);
    expect(res.data?.crmTask.projectTask).toMatchObject({
      id: task.id,
      crmLink: {
        crmTask: { id: task.crmTaskId },
        account: task.accountId ? { id: task.accountId } : null,
        deal: task.dealId ? { id: task.dealId } : null,
      },
    });
  });

  it('PERM-1: a new agent sees projects; a light agent gets FORBIDDEN, on the panel field too', async () => {
    const seen = await graph.query<{ account: { projects: ProjectPage } }>(
      'newAgent',
      ACCOUNT_PANEL,
      { id: linked.accountId, first: 1 },
    );
    expectNoErrors(seen);
    expect(seen.data?.account.projects.nodes).toHaveLength(1);
    const levels = await graph.query<{ projectsIntegration: { viewerPermissions: object } }>(
      'newAgent',
      '{ projectsIntegration { viewerPermissions { viewProjects createEditTasks addToCrm } } }',
    );
    expectNoErrors(levels);
    expect(levels.data?.projectsIntegration.viewerPermissions).toEqual({
      viewProjects: true,
      createEditTasks: false,
      addToCrm: false,
    });

    expectError(await graph.query('light', '{ projects(first: 1) { totalCount } }'), 'FORBIDDEN', [
      'projects',
    ]);
    // Desk hides accounts from a light agent before projects is asked, so the panel field is
    // asked of projects directly, as the gateway would through `_entities`.
    const light = DEMO_AGENTS[3];
    const identity = signForwardedIdentity(
      { kind: 'agent', agentId: graph.agentIds.light, email: light.email },
      config().auth,
    );
    const panel = await postGraphQL<{ _entities: unknown[] }>(
      graph.subgraphUrls.projects,
      { [IDENTITY_HEADER]: identity },
      {
        query: `query($representations: [_Any!]!) {
          _entities(representations: $representations) { ... on Account { projects { totalCount } } }
        }`,
        variables: { representations: [{ __typename: 'Account', id: linked.accountId }] },
      },
    );
    expectError(panel, 'FORBIDDEN', ['_entities', 0, 'projects']);
  });

  it("batching: an accounts page's projects panels cost the same statements for 5 accounts as for 40", async () => {
    const cost = (first: number) =>
      graph.countStatements('projects', async () => {
        const res = await graph.query<{ linked: { projects: { totalCount: number } } }>(
          'agent',
          ACCOUNTS_PANELS,
          { first, linked: linked.accountId },
        );
        expectNoErrors(res);
        // Other suites' accounts may come first by name and have no client: this one has.
        expect(res.data?.linked.projects.totalCount).toBeGreaterThan(0);
      });
    const small = await cost(5);
    const large = await cost(40);
    expect(large).toBe(small);
    // Two requests to projects (the page's accounts and the linked one), each about 8 statements:
    // the viewer's levels, clients, ranking, rows, count, progress, owners and clients of the page.
    expect(large).toBeLessThanOrEqual(20);
  });
});
