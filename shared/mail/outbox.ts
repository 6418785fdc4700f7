import type { DataSource, EntityManager } from 'typeorm';
import { badUserInput } from '../errors';
import { inTransaction, type JobQueue } from '../jobs/queue';
import { isUuid } from '../loaders';

export type MailStatus = 'QUEUED' | 'SENT' | 'FAILED';

export interface MailAttachment {
  fileName: string;
  /** A MIME type, e.g. `application/pdf`. */
  contentType: string;
  contentBase64: string;
}

export interface MailMessageInput {
  toAddress: string;
  toName?: string | null;
  subject: string;
  textBody: string;
  htmlBody?: string | null;
  attachments?: readonly MailAttachment[];
  /** What the message is about, in the sender's words (`invoice`, `sales_order`), to find it by. */
  relatedType?: string | null;
  relatedId?: string | null;
}

export interface MailRecord {
  id: string;
  toAddress: string;
  toName: string | null;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  /** Names and types only: the content is read by the mail worker, never by the graph. */
  attachments: { fileName: string; contentType: string }[];
  relatedType: string | null;
  relatedId: string | null;
  status: MailStatus;
  attempts: number;
  /** Why the last failed attempt failed; kept when a later attempt succeeds. */
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** Data of a mail job: the message to send, which the worker reads from the sender's schema. */
export interface MailJob {
  messageId: string;
}

export const mailQueue = (schema: string) => `${schema}-mail`;

const MAIL_COLUMNS = `
  id, to_address AS "toAddress", to_name AS "toName", subject, text_body AS "textBody",
  html_body AS "htmlBody",
  (SELECT COALESCE(jsonb_agg(a - 'contentBase64' ORDER BY n), '[]')
     FROM jsonb_array_elements(attachments) WITH ORDINALITY AS e(a, n)) AS attachments,
  related_type AS "relatedType", related_id AS "relatedId", status, attempts,
  last_error AS "lastError", created_at AS "createdAt", sent_at AS "sentAt"`;

// None of the characters that would let one string name a second recipient or a display name.
const ADDRESS_PART = '[^\\s@<>()[\\]\\\\,;:"]+';
const EMAIL = new RegExp(`^${ADDRESS_PART}@${ADDRESS_PART}\\.${ADDRESS_PART}$`);
const MIME_TYPE = /^[\w.+-]+\/[\w.+-]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Refuses what no SMTP server would ever accept, while the caller can still say so: a message
 * that passed here fails later only for reasons a retry may cure.
 */
function validated(message: MailMessageInput): MailMessageInput {
  const toAddress = message.toAddress.trim();
  if (toAddress.length > 254 || !EMAIL.test(toAddress)) {
    throw badUserInput(`"${message.toAddress}" is not a valid e-mail address`, {
      field: 'toAddress',
    });
  }
  const subject = message.subject.trim();
  if (subject === '') throw badUserInput('The subject must not be empty', { field: 'subject' });
  for (const attachment of message.attachments ?? []) {
    const valid =
      attachment.fileName.trim() !== '' &&
      MIME_TYPE.test(attachment.contentType) &&
      BASE64.test(attachment.contentBase64);
    if (!valid) {
      throw badUserInput(
        `Attachment "${attachment.fileName}" needs a file name, a MIME type and base64 content`,
        { field: 'attachments' },
      );
    }
  }
  return { ...message, toAddress, subject, toName: message.toName?.trim() || null };
}

/**
 * Queues an e-mail in the transaction of the change that causes it: the message and its delivery
 * job commit with that change or not at all, so a rolled-back change never sends anything. The
 * job id is the message id, so the message has exactly one job.
 */
export async function queueMail(
  manager: EntityManager,
  jobs: JobQueue,
  schema: string,
  message: MailMessageInput,
): Promise<MailRecord> {
  const mail = validated(message);
  const [record]: MailRecord[] = await manager.query(
    `INSERT INTO "${schema}".mail_message
       (to_address, to_name, subject, text_body, html_body, attachments, related_type, related_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     RETURNING ${MAIL_COLUMNS}`,
    [
      mail.toAddress,
      mail.toName,
      mail.subject,
      mail.textBody,
      mail.htmlBody ?? null,
      // As JSON text: node-postgres would send an array as a PostgreSQL array.
      JSON.stringify(mail.attachments ?? []),
      mail.relatedType ?? null,
      mail.relatedId ?? null,
    ],
  );
  const job: MailJob = { messageId: record.id };
  const queue = mailQueue(schema);
  const jobId = await jobs.send(queue, job, { id: record.id, db: inTransaction(manager) });
  // pg-boss inserts nothing, silently, into a queue that does not exist; the id is new, so that
  // is the only reason here, and the message would otherwise wait forever.
  if (jobId === null) {
    throw new Error(
      `Queue ${queue} does not exist; the migrations create it when sendsMail is set`,
    );
  }
  return record;
}

/** Messages by id in one statement, for a loader; ids that are not UUIDs match nothing. */
export async function mailByIds(
  db: DataSource | EntityManager,
  schema: string,
  ids: readonly string[],
): Promise<MailRecord[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return db.query(`SELECT ${MAIL_COLUMNS} FROM "${schema}".mail_message WHERE id = ANY($1)`, [
    valid,
  ]);
}

/**
 * The messages about many records of one type in one statement, for a loader ("the e-mails of
 * these invoices"): grouped by related id, newest first within each.
 */
export async function mailForRelated(
  db: DataSource | EntityManager,
  schema: string,
  relatedType: string,
  relatedIds: readonly string[],
): Promise<MailRecord[]> {
  if (relatedIds.length === 0) return [];
  return db.query(
    `SELECT ${MAIL_COLUMNS} FROM "${schema}".mail_message
     WHERE related_type = $1 AND related_id = ANY($2)
     ORDER BY related_id, created_at DESC, id DESC`,
    [relatedType, relatedIds],
  );
}

/** Removes sent and failed messages that finished (or, failed, were queued) before the cutoff. */
export async function removeFinishedMailBefore(
  manager: EntityManager,
  schema: string,
  cutoff: Date,
): Promise<number> {
  const [, removed]: [unknown, number] = await manager.query(
    `DELETE FROM "${schema}".mail_message
     WHERE status IN ('SENT','FAILED') AND COALESCE(sent_at, created_at) < $1`,
    [cutoff],
  );
  return removed;
}
