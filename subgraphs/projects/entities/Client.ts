import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A client organization that projects are done for (PRJ-2). Linked to at most one desk account,
 * and each desk account to at most one client; an unlinked client cannot add tasks to the CRM
 * (PRJ-4) until it is linked.
 */
@Entity({ name: 'client' })
export class Client {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** The desk account it is linked to; null while it is not (PRJ-2/4). */
  @Column({ name: 'desk_account_id', type: 'uuid', nullable: true })
  deskAccountId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
