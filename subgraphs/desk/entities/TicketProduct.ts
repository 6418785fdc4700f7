import { Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'ticket_product' })
export class TicketProduct {
  @PrimaryColumn({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;
}
