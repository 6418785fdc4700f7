import type { ProjectTaskStatus } from './taskSync';

/** What progress needs of a task. */
export interface ProgressTask {
  status: ProjectTaskStatus;
  percentComplete: number;
  /** Null for a top-level task. */
  parentTaskId: string | null;
}

export interface ProjectProgress {
  openTasks: number;
  closedTasks: number;
  totalTasks: number;
  /** Null when the project has no tasks. */
  percentComplete: number | null;
}

/**
 * PRJ-2: a project's progress from its tasks.
 *
 * The counts take every task, subtasks included: each is a piece of work someone opens and closes,
 * and the task list shows them all. OPEN and IN_PROGRESS are open.
 *
 * The percentage is the mean of the top-level tasks' percent complete, each weighing the same:
 * - not closed / total, which would show a project whose tasks are all 90 % done as 0 %;
 * - not over subtasks too, since a subtask is part of its parent's work, which the parent's own
 *   percentage already states: counting both would weigh that work twice, and let ten small
 *   subtasks outweigh the rest of the project;
 * - not weighted by duration, since a task's dates are optional.
 * A closed task counts 100 and an open one at most 99 whatever is stored (the tables keep 100 ⇔
 * CLOSED; this holds it even for a row caught mid-change), and the mean is rounded down, so 100
 * means every top-level task is closed.
 *
 * No tasks at all: the counts are 0 and the percentage null, as "nothing to measure yet" is not
 * "nothing done". Tasks that are all subtasks (not expected: a subtask has a parent in the same
 * project) are measured themselves rather than shown as no progress.
 */
export function projectProgress(tasks: readonly ProgressTask[]): ProjectProgress {
  const closedTasks = tasks.filter((task) => task.status === 'CLOSED').length;
  const totalTasks = tasks.length;
  if (totalTasks === 0)
    return { openTasks: 0, closedTasks: 0, totalTasks: 0, percentComplete: null };
  let measured = tasks.filter((task) => task.parentTaskId === null);
  if (measured.length === 0) measured = [...tasks];
  const sum = measured.reduce((total, task) => total + taskPercent(task), 0);
  return {
    openTasks: totalTasks - closedTasks,
    closedTasks,
    totalTasks,
    percentComplete: Math.floor(sum / measured.length),
  };
}

/** A task's percent complete as progress counts it: 100 when closed, 0..99 otherwise. */
export function taskPercent(task: Pick<ProgressTask, 'status' | 'percentComplete'>): number {
  if (task.status === 'CLOSED') return 100;
  const stored = Number.isFinite(task.percentComplete) ? Math.trunc(task.percentComplete) : 0;
  return Math.min(99, Math.max(0, stored));
}
