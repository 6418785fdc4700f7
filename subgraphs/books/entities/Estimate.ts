import { Column, Entity } from 'typeorm';
import type { EstimateStatus } from '../domain/status';
import { BooksDocument } from './document';

/** Statuses move by domain/status: estimateStatusOn and the process rules. */
@Entity({ name: 'estimate' })
export class Estimate extends BooksDocument {
  @Column({ type: 'text' })
  status: EstimateStatus;

  /** After it, a sent estimate has expired; none means it never does. */
  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn: string | null;
}
