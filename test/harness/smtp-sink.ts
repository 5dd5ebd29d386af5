import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Message-ID header as sent, with angle brackets. */
  messageId: string;
  to: string[];
  /** Absent when the sink runs with `parse: false`. */
  parsed?: ParsedMail;
}

export interface SmtpSinkOptions {
  /** Parse each message with mailparser (default). Off: only the Message-ID is read, for benchmarks. */
  parse?: boolean;
}

/**
 * An in-process SMTP server (no TLS, no auth) for tests and benchmarks. It can refuse mail with a temporary
 * failure for a while, as a real server does when overloaded. Use `url` as SMTP_URL.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  /** Transactions answered with the refusal code. */
  refused = 0;
  private refuseUntil = 0;
  private refuseCode = 451;
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
    const parse = options.parse ?? true;
    const ref: { sink?: SmtpSink } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 10 * 1024 * 1024,
      onRcptTo(address, _session, callback) {
        const sink = ref.sink;
        if (sink && Date.now() < sink.refuseUntil) {
          sink.refused += 1;
          const error = new Error('Temporary failure, try again later') as Error & { responseCode: number };
          error.responseCode = sink.refuseCode;
          return callback(error);
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          const to = session.envelope.rcptTo.map((r) => r.address);
          const done = (mail: ReceivedMail) => {
            ref.sink!.messages.push(mail);
            ref.sink!.wake();
            callback();
          };
          if (!parse) {
            const end = raw.indexOf('\r\n\r\n');
            const head = raw.subarray(0, end < 0 ? raw.length : end).toString();
            const messageId = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? '';
            return done({ messageId, to });
          }
          simpleParser(raw)
            .then((parsed) => done({ messageId: parsed.messageId ?? '', to, parsed }))
            .catch((error: Error) => callback(error));
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.server.address() as AddressInfo;
    ref.sink = new SmtpSink(server, address.port);
    return ref.sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Answers every recipient with `code` (a 4xx temporary failure by default) for `ms` milliseconds. */
  refuseFor(ms: number, code = 451): void {
    this.refuseCode = code;
    this.refuseUntil = Date.now() + ms;
  }

  accept(): void {
    this.refuseUntil = 0;
  }

  byMessageId(messageId: string): ReceivedMail[] {
    return this.messages.filter((m) => m.messageId === messageId);
  }

  /** Resolves once at least `count` messages arrived in total. */
  async waitForCount(count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`SMTP sink: ${this.messages.length} of ${count} messages arrived`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
