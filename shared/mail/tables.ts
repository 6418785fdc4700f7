import type { QueryRunner } from 'typeorm';

/**
 * The mail outbox in a subgraph's own schema: every message the subgraph sends, from the
 * transaction that queued it to its delivery. A subgraph that sends mail calls these from its
 * migrations, like the job tables.
 */
export async function createMailTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`
    CREATE TABLE "${schema}".mail_message (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      to_address text NOT NULL,
      to_name text,
      subject text NOT NULL,
      text_body text NOT NULL,
      html_body text,
      -- [{fileName, contentType, contentBase64}], written once and read only by the mail worker.
      attachments jsonb NOT NULL DEFAULT '[]',
      related_type text,
      related_id text,
      status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED','SENT','FAILED')),
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
      sent_at timestamptz,
      CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
    );
    CREATE INDEX mail_message_related ON "${schema}".mail_message (related_type, related_id);
    -- What retention removes: finished messages, by when they finished (or were queued).
    CREATE INDEX mail_message_finished ON "${schema}".mail_message (COALESCE(sent_at, created_at))
      WHERE status IN ('SENT','FAILED');
  `);
}

export async function dropMailTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`DROP TABLE "${schema}".mail_message`);
}
