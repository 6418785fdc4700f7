import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type DealOutcome = 'OPEN' | 'WON' | 'LOST';

@Entity({ name: 'deal_stage' })
export class DealStage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  name: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'integer' })
  probability: number;

  @Column({ type: 'text' })
  outcome: DealOutcome;
}
