import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on 127.0.0.1 (smtp-server) that keeps what it receives, for tests of the
 * mail Qualif sends. `down()` closes it (connections are then refused) and `up()` listens
 * again on the same port, as a relay that went away and came back.
 */
export type Received = {
  from: string;
  to: string[];
  headers: string;
  text: string;
  /** The whole message as received (latin1: one character per octet), for multipart messages. */
  raw: string;
};

export type SmtpPeer = {
  port: number;
  url: string;
  received: Received[];
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
};

export async function startSmtpPeer(): Promise<SmtpPeer> {
  const received: Received[] = [];
  let server: SMTPServer | undefined;

  function create() {
    return new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', callback);
        stream.on('end', () => {
          const from = session.envelope.mailFrom;
          const raw = Buffer.concat(chunks).toString('latin1');
          received.push({
            from: from ? from.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            ...parseMessage(raw),
            raw,
          });
          callback();
        });
      },
    });
  }

  async function listen(port: number): Promise<number> {
    const s = create();
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    server = s;
    return (s.server.address() as AddressInfo).port;
  }

  async function down() {
    const s = server;
    server = undefined;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  const port = await listen(0);
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    down,
    up: async () => {
      if (!server) await listen(port);
    },
    close: down,
  };
}

/** Headers and decoded text of a single-part message (what nodemailer sends for a text mail). */
export function parseMessage(raw: string): { headers: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  let bytes: Buffer;
  if (encoding === 'quoted-printable') {
    const unwrapped = body.replace(/=\r\n/g, '');
    bytes = Buffer.from(
      unwrapped.replace(/=([0-9A-F]{2})/gi, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      ),
      'latin1',
    );
  } else if (encoding === 'base64') {
    bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  } else {
    bytes = Buffer.from(body, 'latin1');
  }
  return { headers, text: bytes.toString('utf8') };
}

/** The subject header, decoded when nodemailer encoded it (=?UTF-8?Q?…?= / =?UTF-8?B?…?=). */
export function subjectOf(mail: Received): string {
  const raw = /^subject:\s*(.*)$/im.exec(mail.headers)?.[1] ?? '';
  return raw
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    )
    .trim();
}

/**
 * The settings of an app that sends its mail through `peer` by background jobs polled often
 * and retried fast (tests of mail sent by jobs).
 */
export function mailByJobsEnv(peer: SmtpPeer): Record<string, string> {
  return {
    MAIL_TRANSPORT: 'smtp',
    SMTP_URL: peer.url,
    PUBLIC_URL: 'http://qualif.test',
    JOBS_POLL_INTERVAL_MS: '100',
    JOBS_RETRY_BASE_SECONDS: '1',
  };
}
