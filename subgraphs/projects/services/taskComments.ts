import { forbidden } from '../../../shared/errors';
import { requiredText } from '../../../shared/validation';
import type { ProjectsContext } from '../context';
import { ProjectsUser, type TaskComment, TaskComment as TaskCommentRow } from '../entities';
import { publishProjectsEvent } from '../events';
import { lockedTask } from './taskRows';

const VIEWER_NAME = 'query ProjectsCommentAuthor { viewer { name } }';

/**
 * The comment is the agent's: their imported projects user when there is one, otherwise their name
 * as desk has it. On a linked task, projects.task.commented takes it to the desk task (PRJ-3),
 * written there on the agent's behalf.
 */
export async function addProjectTaskComment(
  ctx: ProjectsContext,
  taskId: string,
  body: string,
): Promise<TaskComment> {
  const agentId = (await ctx.viewer()).agentId;
  if (!agentId) throw forbidden('Only an agent can comment on a task');
  const text = requiredText('body', body);
  return ctx.db.transaction(async (manager) => {
    const task = await lockedTask(manager, taskId);
    const author = await manager.findOneBy(ProjectsUser, { deskAgentId: agentId });
    const authorName =
      author?.name ??
      (await ctx.desk().request<{ viewer: { name: string } }>(VIEWER_NAME)).viewer.name;
    const comment = await manager.save(
      manager.create(TaskCommentRow, {
        taskId: task.id,
        authorUserId: author?.id ?? null,
        authorName,
        body: text,
      }),
    );
    if (task.deskCrmTaskId) {
      await publishProjectsEvent(manager, 'projects.task.commented', task.id, {
        taskId: task.id,
        crmTaskId: task.deskCrmTaskId,
        commentId: comment.id,
        authorAgentId: agentId,
      });
    }
    return comment;
  });
}
