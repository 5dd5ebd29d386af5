import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { mkdir, writeFile, access } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join, resolve } from 'node:path';
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

/**
 * Real SMTP through nodemailer when SMTP_URL is set; otherwise each message is written as an .eml file
 * under MAIL_DIR, so a fresh start needs no mail server.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private readonly transporter: Transporter;
  private readonly toFiles: boolean;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.toFiles = !config.smtpUrl;
    this.transporter = config.smtpUrl
      ? nodemailer.createTransport({
          url: config.smtpUrl,
          pool: true,
          maxConnections: 8,
          maxMessages: Infinity,
        } as never)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
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

  onModuleDestroy(): void {
    this.transporter.close();
  }
}
