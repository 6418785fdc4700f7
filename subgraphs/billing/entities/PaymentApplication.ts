import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericTransformer } from '../../../shared/database/numeric';

/** Part of a payment applied to an invoice. */
@Entity({ name: 'payment_application' })
export class PaymentApplication {
  @PrimaryColumn({ name: 'payment_id', type: 'uuid' })
  paymentId: string;

  @PrimaryColumn({ name: 'invoice_id', type: 'uuid' })
  invoiceId: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  amount: number;

  @Column({ name: 'applied_on', type: 'date' })
  appliedOn: string;
}
