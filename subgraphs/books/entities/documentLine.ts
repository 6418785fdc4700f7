import { Column, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '../../../shared/database/numeric';

/**
 * The columns every kind's lines share; each line table adds the column naming its document. Like
 * BooksDocument, this is no entity itself.
 */
export abstract class DocumentLine {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 1, 2, … in the order the lines are shown. */
  @Column({ type: 'integer' })
  position: number;

  /** The item it was filled from; null for a line typed in. */
  @Column({ name: 'item_id', type: 'uuid', nullable: true })
  itemId: string | null;

  @Column({ type: 'text' })
  description: string;

  /** Up to three decimals: hours, days. */
  @Column({ type: 'numeric', precision: 12, scale: 3, transformer: numericTransformer })
  quantity: number;

  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: numericTransformer })
  rate: number;

  /** Percent, e.g. 10. */
  @Column({
    name: 'tax_rate',
    type: 'numeric',
    precision: 6,
    scale: 3,
    transformer: numericTransformer,
  })
  taxRate: number;

  /** quantity × rate rounded to the currency (domain/money lineAmount); tax is derived from it. */
  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  amount: number;
}
