import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A user who owns a task. `position` orders a task's owners: the first one's desk agent is the
 * desk task's owner (PRJ-3), so "first" has to be stored, not guessed.
 */
@Entity({ name: 'task_owner' })
export class TaskOwner {
  @PrimaryColumn({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** 1, 2, …; unique per task. */
  @Column({ type: 'smallint' })
  position: number;
}
