import { Column, Entity } from 'typeorm';
import { DocumentLine } from './documentLine';

@Entity({ name: 'invoice_line' })
export class InvoiceLine extends DocumentLine {
  @Column({ name: 'invoice_id', type: 'uuid' })
  invoiceId: string;
}
