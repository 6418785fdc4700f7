import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  raw: string;
}

/**
 * A real SMTP server on a free port that keeps what it receives. `refusals` makes it refuse a
 * recipient temporarily (451) that many times; while `hold(subject)` is in force it takes in a
 * message with that text in its subject but does not answer, so the sender's outbox row stays
 * QUEUED for as long as a test needs to look at it.
 */
export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const held: ReceivedMail[] = [];
  /** Refusals left per recipient address; Infinity refuses every attempt. */
  const refusals = new Map<string, number>();
  let heldSubject: string | null = null;
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const left = refusals.get(address.address) ?? 0;
      if (left === 0) return callback();
      refusals.set(address.address, left - 1);
      // 4xx: a temporary refusal, as a busy or greylisting server gives.
      callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const message = {
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          subject: /^Subject: (.*)$/m.exec(raw)?.[1]?.trim() ?? '',
          raw,
        };
        if (heldSubject === null || !message.subject.includes(heldSubject)) {
          received.push(message);
          return callback();
        }
        held.push(message);
        void gate.then(() => {
          held.splice(held.indexOf(message), 1);
          received.push(message);
          callback();
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    held,
    refusals,
    hold: (subject: string) => {
      heldSubject = subject;
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    release: () => {
      heldSubject = null;
      open();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;
