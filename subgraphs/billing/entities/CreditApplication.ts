import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericTransformer } from '../../../shared/database/numeric';

/** Part of a credit note applied to an invoice, which counts as paid by it. */
@Entity({ name: 'credit_application' })
export class CreditApplication {
  @PrimaryColumn({ name: 'credit_note_id', type: 'uuid' })
  creditNoteId: string;

  @PrimaryColumn({ name: 'invoice_id', type: 'uuid' })
  invoiceId: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  amount: number;

  @Column({ name: 'applied_on', type: 'date' })
  appliedOn: string;
}
