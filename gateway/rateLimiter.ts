import type { DataSource } from 'typeorm';

export interface RateLimitDecision {
  allowed: boolean;
  /** Requests the current window allows. */
  limit: number;
  remaining: number;
  /** Seconds until the current window ends and requests are allowed again. */
  resetSeconds: number;
}

/**
 * Per-partner fixed windows counted in PostgreSQL, so every gateway replica sees the same count:
 * one upsert per request both counts it and says where the window stands.
 */
export class PartnerRateLimiter {
  constructor(
    private readonly db: DataSource,
    private readonly windowSeconds: number,
  ) {}

  /** The requests a window of this length allows at `perMinute`, never fewer than one. */
  allowance(perMinute: number): number {
    return Math.max(1, Math.floor((perMinute * this.windowSeconds) / 60));
  }

  async consume(partnerId: string, perMinute: number): Promise<RateLimitDecision> {
    const limit = this.allowance(perMinute);
    const [row]: { requests: number; reset_seconds: number }[] = await this.db.query(
      `INSERT INTO gateway.rate_limit_window AS w (partner_id, window_start, requests)
       VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / $2) * $2), 1)
       ON CONFLICT (partner_id, window_start) DO UPDATE SET requests = w.requests + 1
       RETURNING w.requests,
         ceil(extract(epoch FROM w.window_start + make_interval(secs => $2) - now()))::integer
           AS reset_seconds`,
      [partnerId, this.windowSeconds],
    );
    return {
      allowed: row.requests <= limit,
      limit,
      remaining: Math.max(0, limit - row.requests),
      resetSeconds: Math.max(1, row.reset_seconds),
    };
  }

  /** Drops windows long over; any replica may run it. */
  async sweepExpired(): Promise<number> {
    const [, deleted]: [unknown, number] = await this.db.query(
      `DELETE FROM gateway.rate_limit_window
        WHERE window_start < now() - make_interval(secs => $1)`,
      [this.windowSeconds * 2],
    );
    return deleted;
  }
}
