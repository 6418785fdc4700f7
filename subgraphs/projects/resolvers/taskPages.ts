import { notFound } from '../../../shared/errors';
import { isUuid } from '../../../shared/loaders';
import type { PageArgs } from '../../../shared/pagination';
import type { ProjectsContext } from '../context';
import type { TaskStatus } from '../entities/Task';

/**
 * A page of a project's top-level tasks, or of one of its tasks' subtasks (a task of another
 * project has none here). A parentId that is not an id is NOT_FOUND, as byIdLoader answers it,
 * instead of reaching SQL.
 */
export function taskPage(
  ctx: ProjectsContext,
  projectId: string,
  args: PageArgs & { status?: TaskStatus | null; parentId?: string | null },
) {
  if (args.parentId && !isUuid(args.parentId)) throw notFound('ProjectTask', args.parentId);
  return ctx.loaders.taskPages.load({ projectId, ...args });
}
