import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A partner application: calls the graph with an API key instead of an agent's token, and sees
 * and does what its agent profile allows. Only the key's hash is kept, so the key itself is shown
 * once, when it is made.
 */
@Entity({ name: 'partner' })
export class Partner {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Unique regardless of case. */
  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'profile_id', type: 'uuid' })
  profileId: string;

  /** The key's first characters, so that an administrator can tell which key a client holds. */
  @Column({ name: 'key_prefix', type: 'text' })
  keyPrefix: string;

  /** SHA-256 of the whole key, in hex: what the gateway looks a presented key up by. */
  @Column({ name: 'key_hash', type: 'text' })
  keyHash: string;

  /** Null leaves the partner at the gateway's default limit. */
  @Column({ name: 'rate_limit_per_minute', type: 'integer', nullable: true })
  rateLimitPerMinute: number | null;

  /** Null when an operator made it with `npm run partner`, not an agent through the graph. */
  @Column({ name: 'created_by_agent_id', type: 'uuid', nullable: true })
  createdByAgentId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
