import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type UserKind = 'INTERNAL' | 'CLIENT';

/**
 * A projects user (table `user`): an INTERNAL one, usually a desk agent imported by PRJ-1, or a
 * CLIENT one, a person of a client organization, usually a desk contact of the linked account.
 * Named ProjectsUser so it is never mistaken for desk's Agent or Contact, nor for project_user
 * (ProjectMember). The table's CHECKs tie the kind to the columns.
 */
@Entity({ name: 'user' })
export class ProjectsUser {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: UserKind;

  @Column({ type: 'text' })
  name: string;

  /** Lower-case; unique. */
  @Column({ type: 'text' })
  email: string;

  /** INTERNAL only: the desk agent it was imported from. */
  @Column({ name: 'desk_agent_id', type: 'uuid', nullable: true })
  deskAgentId: string | null;

  /** CLIENT only: the desk contact it was imported from. */
  @Column({ name: 'desk_contact_id', type: 'uuid', nullable: true })
  deskContactId: string | null;

  /** CLIENT only, and required for them: the client organization the person belongs to. */
  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** When a PRJ-1 import last brought it over from desk; null for users made in projects. */
  @Column({ name: 'imported_at', type: 'timestamptz', nullable: true })
  importedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
