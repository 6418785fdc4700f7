import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ProjectRole = 'MANAGER' | 'MEMBER' | 'CLIENT';

/**
 * A user's part in a project (table `project_user`). CLIENT is for CLIENT users only, MANAGER and
 * MEMBER for INTERNAL ones: the table's foreign key checks it.
 */
@Entity({ name: 'project_user' })
export class ProjectMember {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  role: ProjectRole;
}
