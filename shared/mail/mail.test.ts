import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { type Config, config } from '../config';
import { createSubgraphDataSource, statementCount } from '../database/dataSource';
import { type JobQueue, openJobQueue } from '../jobs/queue';
import { removeExpired, retentionQueue } from '../jobs/retention';
import { SyncRuns } from '../jobs/syncRuns';
import { createJobTables } from '../jobs/tables';
import { type SubgraphJobs, startWorkers } from '../jobs/workers';
import { logger } from '../logger';
import {
  type MailMessageInput,
  type MailRecord,
  mailByIds,
  mailForRelated,
  mailQueue,
  queueMail,
} from './outbox';
import { createMailTables } from './tables';
import { ensureMailQueue, mailTransport, startMailWorker } from './worker';
import { type SmtpServer, startSmtpServer } from '../../test/smtpServer';

/**
 * The mail outbox against real PostgreSQL, pg-boss and a real SMTP server on this machine: what a
 * committed change queues is delivered once, what a rolled-back one queues never exists, a refusal
 * is retried with backoff and ends FAILED when no attempt is left.
 */

/** Where the tests send from, with a worker running from the start. */
const SCHEMA = 'mail_probe';
/** A subgraph whose workers first run without SMTP, then with it. */
const LATER = 'mail_later';
/** A schema with the mail table whose queue the migrations never created. */
const NO_QUEUE = 'mail_no_queue';

const DELIVERY_TIMEOUT_MS = 20_000;
const POLL_INTERVAL_SECONDS = 0.5;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` yields something, so a test waits only as long as delivery takes. */
async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>) {
  const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('mail: queued in the sender’s transaction, delivered by SMTP', () => {
  let url: string;
  // The refusals below are deliberate; their warnings would only clutter the test output.
  const log = logger('mail-test').child({}, { level: 'error' });
  const jobSettings: Config['jobs'] = {
    ...config().jobs,
    pollIntervalSeconds: POLL_INTERVAL_SECONDS,
  };
  let smtp: SmtpServer;
  let mail: Config['mail'];
  let dataSource: DataSource;
  let boss: JobQueue;

  const message = (overrides: Partial<MailMessageInput> = {}): MailMessageInput => ({
    toAddress: 'ada@example.test',
    subject: `Invoice ${randomUUID()}`,
    textBody: 'Please find your invoice attached.',
    ...overrides,
  });

  const queue = (input: MailMessageInput, schema = SCHEMA) =>
    dataSource.transaction((manager) => queueMail(manager, boss, schema, input));

  /** The message once the worker is done with it: SENT, or FAILED with no attempt left. */
  const settled = (id: string, schema = SCHEMA) =>
    waitFor(`message ${id} to be sent or to fail`, async () => {
      const [record] = await mailByIds(dataSource, schema, [id]);
      return record?.status !== 'QUEUED' && record;
    });

  /** What the SMTP server received of a message, by the Message-ID the worker gives it. */
  const receivedOf = (id: string) =>
    smtp.received.filter((received) => received.raw.includes(`Message-ID: <${id}@`));

  const jobOf = (id: string, state: 'created' | 'completed' | 'failed', schema = SCHEMA) =>
    waitFor(`job ${id} to be ${state}`, async () => {
      const job = await boss.getJobById(mailQueue(schema), id);
      return job?.state === state && job;
    });

  beforeAll(async () => {
    url = process.env.TEST_DATABASE_URL ?? '';
    if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest');
    smtp = await startSmtpServer();
    mail = { ...config().mail, smtpUrl: smtp.url, retryLimit: 2, retryDelaySeconds: 1 };
    dataSource = createSubgraphDataSource({
      schema: SCHEMA,
      url,
      entities: [],
      migrations: [],
      log,
    });
    await dataSource.initialize();
    const runner = dataSource.createQueryRunner();
    try {
      // What the migrations of a subgraph that sends mail create.
      for (const schema of [SCHEMA, LATER, NO_QUEUE]) {
        await runner.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await runner.query(`CREATE SCHEMA "${schema}"`);
        await createJobTables(runner, schema);
        await createMailTables(runner, schema);
      }
    } finally {
      await runner.release();
    }
    boss = await openJobQueue(url, jobSettings, log, { supervise: false, application: 'mail' });
    await ensureMailQueue(boss, LATER, mail);
    const transport = mailTransport(mail);
    if (!transport) throw new Error('the test SMTP server is configured');
    await startMailWorker({
      boss,
      dataSource,
      schema: SCHEMA,
      settings: mail,
      pollIntervalSeconds: POLL_INTERVAL_SECONDS,
      log,
      transport,
    });
  });

  afterAll(async () => {
    // startWorkers scheduled it; no later test suite should find it hourly on a dropped schema.
    await boss?.unschedule(retentionQueue(new SyncRuns(LATER)));
    await boss?.stop({ graceful: true, timeout: 10_000 });
    await dataSource?.query(`DROP SCHEMA IF EXISTS "${SCHEMA}", "${LATER}", "${NO_QUEUE}" CASCADE`);
    await dataSource?.destroy();
    await smtp?.close();
  });

  it('a message queued in a committed transaction is delivered once, with its bodies and attachment', async () => {
    const invoiceId = randomUUID();
    const pdf = Buffer.from('%PDF-1.4 invoice INV-1001').toString('base64');
    const queued = await queue(
      message({
        toAddress: '  ada@example.test ',
        toName: 'Ada Lovelace',
        subject: 'Invoice INV-1001',
        htmlBody: '<p>Please find your invoice <b>attached</b>.</p>',
        attachments: [
          { fileName: 'INV-1001.pdf', contentType: 'application/pdf', contentBase64: pdf },
        ],
        relatedType: 'invoice',
        relatedId: invoiceId,
      }),
    );
    expect(queued).toEqual({
      id: expect.any(String),
      toAddress: 'ada@example.test',
      toName: 'Ada Lovelace',
      subject: 'Invoice INV-1001',
      textBody: 'Please find your invoice attached.',
      htmlBody: '<p>Please find your invoice <b>attached</b>.</p>',
      // The content stays with the worker; the graph only ever reads what was attached.
      attachments: [{ fileName: 'INV-1001.pdf', contentType: 'application/pdf' }],
      relatedType: 'invoice',
      relatedId: invoiceId,
      status: 'QUEUED',
      attempts: 0,
      lastError: null,
      createdAt: expect.any(Date),
      sentAt: null,
    });

    const sent = await settled(queued.id);
    expect(sent).toEqual({ ...queued, status: 'SENT', attempts: 1, sentAt: expect.any(Date) });
    const job = await jobOf(queued.id, 'completed');
    expect(job.data).toEqual({ messageId: queued.id });
    expect(job.retryCount).toBe(0);

    const [received, ...more] = receivedOf(queued.id);
    expect(more).toEqual([]);
    expect(received.to).toEqual(['ada@example.test']);
    expect(received.raw).toMatch(/^From: "customer-graph" <no-reply@customer-graph\.local>\r$/m);
    expect(received.raw).toMatch(/^To: Ada Lovelace <ada@example\.test>\r$/m);
    expect(received.raw).toMatch(/^Subject: Invoice INV-1001\r$/m);
    expect(received.raw).toContain('Please find your invoice attached.');
    expect(received.raw).toContain('<p>Please find your invoice <b>attached</b>.</p>');
    expect(received.raw).toMatch(/^Content-Type: application\/pdf; name=INV-1001\.pdf\r$/m);
    expect(received.raw).toMatch(/^Content-Disposition: attachment; filename=INV-1001\.pdf\r$/m);
    expect(received.raw).toContain(`\r\n\r\n${pdf}\r\n`);
  });

  it('a message queued in a transaction that rolls back leaves no message and no job', async () => {
    const rolledBack: MailRecord[] = [];
    const subject = `Rolled back ${randomUUID()}`;
    await expect(
      dataSource.transaction(async (manager) => {
        rolledBack.push(await queueMail(manager, boss, SCHEMA, message({ subject })));
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const [ghost] = rolledBack;
    expect(await mailByIds(dataSource, SCHEMA, [ghost.id])).toEqual([]);
    // No job, so nothing can ever deliver it.
    expect(await boss.getJobById(mailQueue(SCHEMA), ghost.id)).toBeNull();

    // A message committed after it arrives; the rolled-back one did not, nor ever will.
    const after = await queue(message());
    expect((await settled(after.id)).status).toBe('SENT');
    expect(smtp.received.filter((received) => received.raw.includes(subject))).toEqual([]);
  });

  it('a message the SMTP server refuses once is retried with backoff and delivered once; a redelivered job sends nothing', async () => {
    smtp.refusals.set('busy@example.test', 1);
    const queued = await queue(message({ toAddress: 'busy@example.test' }));

    const sent = await settled(queued.id);
    expect(sent).toMatchObject({ status: 'SENT', attempts: 2, sentAt: expect.any(Date) });
    // The reason of the refused attempt stays on record.
    expect(sent.lastError).toContain('451');
    expect((await jobOf(queued.id, 'completed')).retryCount).toBe(1);
    expect(receivedOf(queued.id)).toHaveLength(1);

    // The same job again is refused by pg-boss: the message has one job, whose id is its own.
    expect(
      await boss.send(mailQueue(SCHEMA), { messageId: queued.id }, { id: queued.id }),
    ).toBeNull();
    // A copy under another id, as at-least-once delivery may hand over, finds it SENT.
    const copyId = randomUUID();
    expect(await boss.send(mailQueue(SCHEMA), { messageId: queued.id }, { id: copyId })).toBe(
      copyId,
    );
    await jobOf(copyId, 'completed');
    expect(receivedOf(queued.id)).toHaveLength(1);
    expect((await mailByIds(dataSource, SCHEMA, [queued.id]))[0]).toEqual(sent);
  });

  it('a message refused on every attempt is FAILED with the reason once no retry is left', async () => {
    smtp.refusals.set('gone@example.test', Infinity);
    const queued = await queue(message({ toAddress: 'gone@example.test' }));

    const failed = await settled(queued.id);
    // The first attempt and retryLimit (2) retries.
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 3, sentAt: null });
    expect(failed.lastError).toContain('451');
    expect((await jobOf(queued.id, 'failed')).retryCount).toBe(2);
    expect(receivedOf(queued.id)).toEqual([]);
  });

  it.each([
    'not-an-address',
    'ada@localhost',
    'ada@example.test, eve@example.test',
    'Ada <ada@example.test>',
    '',
  ])('"%s" as the address is BAD_USER_INPUT, and nothing is queued', async (toAddress) => {
    const subject = `Refused ${randomUUID()}`;
    const error = await queue(message({ toAddress, subject })).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'toAddress',
    });
    const rows: unknown[] = await dataSource.query(
      `SELECT 1 FROM "${SCHEMA}".mail_message WHERE subject = $1`,
      [subject],
    );
    expect(rows).toEqual([]);
  });

  it('without its queue a message is refused and its transaction rolls back, rather than wait forever', async () => {
    await expect(queue(message(), NO_QUEUE)).rejects.toThrow(
      `Queue ${mailQueue(NO_QUEUE)} does not exist`,
    );
    expect(await dataSource.query(`SELECT 1 FROM "${NO_QUEUE}".mail_message`)).toEqual([]);
  });

  it('the messages of many records are read in one statement, newest first for each', async () => {
    const [first, second, none] = [randomUUID(), randomUUID(), randomUUID()];
    const about = (relatedType: string, relatedId: string, subject: string) =>
      message({ relatedType, relatedId, subject });
    await dataSource.transaction(async (manager) => {
      for (const input of [
        about('invoice', first, 'first, older'),
        about('invoice', second, 'second'),
        about('sales_order', first, 'a sales order, not an invoice'),
      ]) {
        await queueMail(manager, boss, SCHEMA, input);
      }
    });
    // A transaction of its own, so that it is newer.
    await queue(about('invoice', first, 'first, newer'));

    const before = statementCount(dataSource);
    const found = await mailForRelated(dataSource, SCHEMA, 'invoice', [first, second, none]);
    expect(statementCount(dataSource) - before).toBe(1);
    const subjectsOf = (relatedId: string) =>
      found.filter((record) => record.relatedId === relatedId).map((record) => record.subject);
    expect(found).toHaveLength(3);
    expect(subjectsOf(first)).toEqual(['first, newer', 'first, older']);
    expect(subjectsOf(second)).toEqual(['second']);
    // Nothing to read, nothing asked of the database.
    expect(await mailForRelated(dataSource, SCHEMA, 'invoice', [])).toEqual([]);
    expect(await mailByIds(dataSource, SCHEMA, ['not-a-uuid'])).toEqual([]);
    expect(statementCount(dataSource) - before).toBe(1);
  });

  it('without SMTP a message stays QUEUED with its job waiting; a worker started later with SMTP delivers it', async () => {
    const jobs: SubgraphJobs = {
      runs: new SyncRuns(LATER),
      syncKinds: [],
      consumers: [],
      sendsMail: true,
    };
    const withoutSmtp = await startWorkers({
      jobs,
      boss,
      dataSource,
      url,
      config: { ...config(), jobs: jobSettings, mail: { ...mail, smtpUrl: undefined } },
      log,
    });
    let queued: MailRecord;
    try {
      queued = await queue(message({ subject: 'Sent once SMTP is there' }), LATER);
      // Long enough for a worker, had one started, to have polled several times.
      await sleep(4 * POLL_INTERVAL_SECONDS * 1000);
      const [waiting] = await mailByIds(dataSource, LATER, [queued.id]);
      expect(waiting).toMatchObject({ status: 'QUEUED', attempts: 0, sentAt: null });
      await jobOf(queued.id, 'created', LATER);
      expect(receivedOf(queued.id)).toEqual([]);
    } finally {
      await withoutSmtp.stop();
    }

    // Another process, as a deployment that sets SMTP_URL starts.
    const laterBoss = await openJobQueue(url, jobSettings, log, {
      supervise: false,
      application: 'mail-later',
    });
    const withSmtp = await startWorkers({
      jobs,
      boss: laterBoss,
      dataSource,
      url,
      config: { ...config(), jobs: jobSettings, mail },
      log,
    });
    try {
      const sent = await settled(queued.id, LATER);
      expect(sent).toMatchObject({ status: 'SENT', attempts: 1 });
      expect(receivedOf(queued.id)).toHaveLength(1);
    } finally {
      await withSmtp.stop();
      await laterBoss.stop({ graceful: true, timeout: 10_000 });
    }
  });

  it('retention removes sent and failed messages older than the retention period, and only where mail is sent', async () => {
    const insert = (status: string, createdDaysAgo: number, sentDaysAgo: number | null) =>
      dataSource
        .query(
          `INSERT INTO "${SCHEMA}".mail_message
             (to_address, subject, text_body, status, created_at, sent_at)
           VALUES ('old@example.test', 'Old', 'Old', $1, now() - make_interval(days => $2::int),
                   now() - make_interval(days => $3::int))
           RETURNING id`,
          [status, createdDaysAgo, sentDaysAgo],
        )
        .then((rows: { id: string }[]) => rows[0].id);
    const oldSent = await insert('SENT', 9, 8);
    const oldFailed = await insert('FAILED', 8, null);
    const oldQueued = await insert('QUEUED', 8, null);
    // Queued long ago, but sent recently: its history counts from when it was sent.
    const recentlySent = await insert('SENT', 30, 6);
    const ids = [oldSent, oldFailed, oldQueued, recentlySent];
    const left = async () =>
      (await mailByIds(dataSource, SCHEMA, ids)).map((record) => record.id).sort();
    const runs = new SyncRuns(SCHEMA);

    expect((await removeExpired(dataSource, runs, 7, false)).mail).toBe(0);
    expect(await left()).toEqual([...ids].sort());

    expect((await removeExpired(dataSource, runs, 7, true)).mail).toBe(2);
    expect(await left()).toEqual([oldQueued, recentlySent].sort());
  });
});
