import { Column, Entity } from 'typeorm';
import { DocumentLine } from './documentLine';

@Entity({ name: 'estimate_line' })
export class EstimateLine extends DocumentLine {
  @Column({ name: 'estimate_id', type: 'uuid' })
  estimateId: string;
}
