import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { numericTransformer } from '../../../shared/database/numeric';

/**
 * A customer of a books organization (table `contact`), synced with at most one desk account or
 * desk contact (BKS-4/5). The class is named for the GraphQL type so it is never mistaken for
 * desk's Contact.
 */
@Entity({ name: 'contact' })
export class BooksContact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'company_name', type: 'text', nullable: true })
  companyName: string | null;

  /** Where BKS-11 e-mails go unless the caller names another address. */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Column({ type: 'text', nullable: true })
  country: string | null;

  /** The contact's transactions are in it; books lets a contact be billed in its own currency. */
  @Column({ type: 'char', length: 3 })
  currency: string;

  /**
   * Credit the contact holds in books (credit notes, overpayments), which books itself settles;
   * desk only shows the sum (BooksReceivables.unusedCredits).
   */
  @Column({
    name: 'unused_credits',
    type: 'numeric',
    precision: 14,
    scale: 2,
    transformer: numericTransformer,
  })
  unusedCredits: number;

  /** The desk account it is synced with (module ACCOUNTS); unique in the organization. */
  @Column({ name: 'desk_account_id', type: 'uuid', nullable: true })
  deskAccountId: string | null;

  /** The desk contact it is synced with (module CONTACTS); never together with an account. */
  @Column({ name: 'desk_contact_id', type: 'uuid', nullable: true })
  deskContactId: string | null;

  /** When a sync last brought the two sides together; null if it never was. */
  @Column({ name: 'desk_synced_at', type: 'timestamptz', nullable: true })
  deskSyncedAt: Date | null;

  /** domain/contactSync contactSyncHash of the mapped fields at that moment. */
  @Column({ name: 'synced_hash', type: 'text', nullable: true })
  syncedHash: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
