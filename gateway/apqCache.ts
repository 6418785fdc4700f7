import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { DataSource } from 'typeorm';

/**
 * Apollo Server's automatic-persisted-query cache in PostgreSQL, so that a query registered
 * through one gateway replica is found by the next request whichever replica it reaches. Expired
 * entries read as missing and are swept by `sweepExpired`.
 */
export class PostgresApqCache implements KeyValueCache<string> {
  constructor(private readonly db: DataSource) {}

  async get(key: string): Promise<string | undefined> {
    const rows: { value: string }[] = await this.db.query(
      `SELECT value FROM gateway.apq_cache
        WHERE key = $1 AND (expires_at IS NULL OR expires_at > now())`,
      [key],
    );
    return rows[0]?.value;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttl = options?.ttl ?? null;
    await this.db.query(
      `INSERT INTO gateway.apq_cache (key, value, expires_at)
       VALUES ($1, $2, CASE WHEN $3::integer IS NULL THEN NULL
                            ELSE now() + make_interval(secs => $3::integer) END)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
      [key, value, ttl],
    );
  }

  async delete(key: string): Promise<boolean> {
    const [, deleted]: [unknown, number] = await this.db.query(
      'DELETE FROM gateway.apq_cache WHERE key = $1',
      [key],
    );
    return deleted > 0;
  }

  /** Removes what has expired; any replica may run it, as often as it likes. */
  async sweepExpired(): Promise<number> {
    const [, deleted]: [unknown, number] = await this.db.query(
      'DELETE FROM gateway.apq_cache WHERE expires_at <= now()',
    );
    return deleted;
  }
}
