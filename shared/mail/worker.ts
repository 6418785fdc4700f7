import {
  createTransport,
  type SMTPSentMessageInfo,
  type SMTPTransportOptions,
  type Transporter,
} from 'nodemailer';
import type PgBoss from 'pg-boss';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { ensureQueue, type JobQueue } from '../jobs/queue';
import type { Logger } from '../logger';
import { type MailAttachment, type MailJob, mailQueue, type MailRecord } from './outbox';

export type MailTransport = Transporter<SMTPSentMessageInfo, SMTPTransportOptions>;

export interface MailWorkerOptions {
  boss: JobQueue;
  dataSource: DataSource;
  /** The sending subgraph's schema: its mail_message table and its `<schema>-mail` queue. */
  schema: string;
  settings: Config['mail'];
  pollIntervalSeconds: number;
  log: Logger;
  transport: MailTransport;
}

/** A stored message as the worker reads it: with its attachments' content. */
type MessageToSend = Omit<MailRecord, 'attachments' | 'lastError' | 'createdAt' | 'sentAt'> & {
  attachments: MailAttachment[];
};

export async function ensureMailQueue(
  boss: JobQueue,
  schema: string,
  settings: Config['mail'],
): Promise<void> {
  await ensureQueue(boss, {
    name: mailQueue(schema),
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
  });
}

/** The configured SMTP server, or null when there is none and mail is to stay queued. */
export function mailTransport(settings: Config['mail']): MailTransport | null {
  return settings.smtpUrl ? createTransport(settings.smtpUrl) : null;
}

/** The domain of the From address, for Message-IDs; the From may be a bare address. */
function messageIdDomain(from: string): string {
  return /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'customer-graph.local';
}

/**
 * Delivers a subgraph's queued e-mail, one message per job. The message row stays locked while
 * the SMTP server takes it, so a second worker handed the same message (a job that expired while
 * its send hung) waits, then finds it SENT and does nothing. Delivery is at least once: a worker
 * that dies after the server accepted a message but before its transaction commits sends it again
 * on the retry, with the same Message-ID, by which receiving systems recognise the duplicate.
 */
export async function startMailWorker(options: MailWorkerOptions): Promise<void> {
  const { boss, dataSource, schema, settings, log, transport } = options;
  const table = `"${schema}".mail_message`;
  const domain = messageIdDomain(settings.from);
  await ensureMailQueue(boss, schema, settings);

  /** Sends one message; resolves to the SMTP server's refusal, recorded on the message, if any. */
  const deliver = (messageId: string, lastAttempt: boolean): Promise<Error | null> =>
    dataSource.transaction(async (manager) => {
      const [message]: MessageToSend[] = await manager.query(
        `SELECT id, to_address AS "toAddress", to_name AS "toName", subject,
                text_body AS "textBody", html_body AS "htmlBody", attachments,
                related_type AS "relatedType", related_id AS "relatedId", status, attempts
         FROM ${table} WHERE id = $1 FOR UPDATE`,
        [messageId],
      );
      // Sent already (a redelivered job) or given up on: sending again is never right.
      if (!message || message.status !== 'QUEUED') return null;
      const about = {
        messageId,
        relatedType: message.relatedType,
        relatedId: message.relatedId,
        attempt: message.attempts + 1,
      };
      try {
        await transport.sendMail({
          from: settings.from,
          to: message.toName
            ? { name: message.toName, address: message.toAddress }
            : message.toAddress,
          subject: message.subject,
          text: message.textBody,
          html: message.htmlBody ?? undefined,
          messageId: `<${message.id}@${domain}>`,
          attachments: message.attachments.map((attachment) => ({
            filename: attachment.fileName,
            contentType: attachment.contentType,
            content: attachment.contentBase64,
            encoding: 'base64',
          })),
        });
      } catch (error) {
        const refusal = error instanceof Error ? error : new Error(String(error));
        // Committed although the job fails: the attempt and its reason are the message's history.
        await manager.query(
          `UPDATE ${table}
           SET attempts = attempts + 1, last_error = $2,
               status = CASE WHEN $3 THEN 'FAILED' ELSE status END
           WHERE id = $1`,
          [messageId, refusal.message, lastAttempt],
        );
        log.warn(
          { ...about, err: refusal },
          lastAttempt
            ? 'mail not sent; no attempt left, it is FAILED'
            : 'mail not sent; will retry',
        );
        return refusal;
      }
      await manager.query(
        `UPDATE ${table} SET status = 'SENT', sent_at = now(), attempts = attempts + 1
         WHERE id = $1`,
        [messageId],
      );
      log.info(about, 'mail sent');
      return null;
    });

  await boss.work<MailJob>(
    mailQueue(schema),
    { includeMetadata: true, pollingIntervalSeconds: options.pollIntervalSeconds },
    async (jobs: PgBoss.JobWithMetadata<MailJob>[]) => {
      for (const job of jobs) {
        const refusal = await deliver(job.data.messageId, job.retryCount >= job.retryLimit);
        // Failing the job is what makes pg-boss retry it, with backoff.
        if (refusal) throw refusal;
      }
    },
  );
}
