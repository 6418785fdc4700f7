import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A comment on a task, written in projects or brought over from the desk task (PRJ-3). */
@Entity({ name: 'task_comment' })
export class TaskComment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  /** null when the author is a desk agent who has not been imported (PRJ-1). */
  @Column({ name: 'author_user_id', type: 'uuid', nullable: true })
  authorUserId: string | null;

  /** The author's name as it was shown when the comment was written. */
  @Column({ name: 'author_name', type: 'text' })
  authorName: string;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The desk CRM task comment it came from or went to; unique. */
  @Column({ name: 'desk_comment_id', type: 'uuid', nullable: true })
  deskCommentId: string | null;
}
