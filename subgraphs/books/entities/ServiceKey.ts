import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A books service key (BKS-2), stored as the SHA-256 of the key with the address it belongs to
 * (domain/serviceKey); the key itself is never kept.
 */
@Entity({ name: 'service_key' })
export class ServiceKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Lower case (domain/serviceKey normalizeEmail). */
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'key_hash', type: 'text' })
  keyHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
