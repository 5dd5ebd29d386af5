import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { mkdir, writeFile, access } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join, resolve } from 'node:path';
import { Socket, connect } from 'node:net';
import nodemailer, { Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from 'src/config/config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: string; contentType: string }[];
  /** Stable Message-ID so a retried send can be recognised by the receiving side. */
  messageId?: string;
  /** Extra headers; an iCalendar invite is also sent as an alternative part. */
  icalEvent?: { method: string; content: string };
}

type SocketHook = (
  options: { host?: string; port?: number },
  callback: (error: Error | null, socket?: { connection: Socket }) => void,
) => void;

const noDelaySocket: SocketHook = (options, callback) => {
  const socket = connect({ host: options.host, port: options.port ?? 25, noDelay: true });
  const onError = (error: Error) => callback(error);
  socket.once('error', onError);
  socket.once('connect', () => {
    socket.off('error', onError);
    callback(null, { connection: socket });
  });
};

/**
 * Given a URL, nodemailer reads its options from that URL alone (other fields are dropped), so the pool
 * settings travel in the query string; values already in SMTP_URL win.
 */
function pooledSmtpUrl(raw: string): string {
  const url = new URL(raw);
  const defaults = { pool: 'true', maxConnections: '8', maxMessages: 'Infinity' };
  for (const [key, value] of Object.entries(defaults)) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  }
  return url.toString();
}

/**
 * Real SMTP through nodemailer when SMTP_URL is set; otherwise each message is written as an .eml file
 * under MAIL_DIR, so a fresh start needs no mail server.
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private readonly transporter: Transporter;
  private readonly toFiles: boolean;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.toFiles = !config.smtpUrl;
    this.transporter = config.smtpUrl
      ? nodemailer.createTransport(pooledSmtpUrl(config.smtpUrl))
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    if (config.smtpUrl?.startsWith('smtp:')) {
      // Nagle's algorithm holds each small SMTP command back for a delayed ACK (~40 ms on Linux), capping a
      // connection at ~20 messages/s; nodemailer has no option for it, only this socket hook.
      (this.transporter as unknown as { getSocket: SocketHook }).getSocket = noDelaySocket;
    }
  }

  mode(): 'smtp' | 'files' {
    return this.toFiles ? 'files' : 'smtp';
  }

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const info = await this.transporter.sendMail({
      from: this.config.mailFrom,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: message.messageId,
      attachments: message.attachments,
      icalEvent: message.icalEvent,
    });
    if (this.toFiles) {
      const dir = resolve(this.config.mailDir);
      await mkdir(dir, { recursive: true });
      const safeId = String(info.messageId).replace(/[^A-Za-z0-9.@_-]/g, '_');
      await writeFile(
        join(dir, `${Date.now()}-${safeId}.eml`),
        (info as unknown as { message: Buffer }).message,
      );
      this.logger.log(`mail written to ${this.config.mailDir} (${safeId})`);
    }
    return { messageId: String(info.messageId) };
  }

  async check(): Promise<void> {
    if (this.toFiles) {
      const dir = resolve(this.config.mailDir);
      await mkdir(dir, { recursive: true });
      await access(dir, constants.W_OK);
      return;
    }
    await this.transporter.verify();
  }

  /** After the workers have stopped (`beforeApplicationShutdown`), so a message being sent is not cut off. */
  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
