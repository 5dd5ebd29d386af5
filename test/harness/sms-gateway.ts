import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedSms {
  to: string;
  text: string;
  id: string;
}

/**
 * A local HTTP server standing in for the SMS provider: records each JSON POST `{ to, text, id }` it accepts
 * and answers `{ messageId }`; told to fail, it answers with that status and records nothing.
 */
export class SmsGatewayStub {
  readonly messages: ReceivedSms[] = [];
  /** Requests answered with a failure. */
  failures = 0;
  private failStatus = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<SmsGatewayStub> {
    const ref: { stub?: SmsGatewayStub } = {};
    const server = createServer((req, res) => ref.stub!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ref.stub = new SmsGatewayStub(server, (server.address() as AddressInfo).port);
    return ref.stub;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/sms`;
  }

  /** Every send fails with `status` until `succeed()`. */
  failWith(status = 503): void {
    this.failStatus = status;
  }

  succeed(): void {
    this.failStatus = 0;
  }

  byId(id: string): ReceivedSms[] {
    return this.messages.filter((m) => m.id === id);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST') {
        res.writeHead(405).end();
        return;
      }
      if (this.failStatus) {
        this.failures += 1;
        res.writeHead(this.failStatus, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'gateway unavailable' }));
        return;
      }
      let body: ReceivedSms;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedSms;
      } catch {
        res.writeHead(400).end();
        return;
      }
      this.messages.push(body);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ messageId: `gw-${this.messages.length}` }));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
