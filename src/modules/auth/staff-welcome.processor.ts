import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobRegistry } from 'src/queue/job-registry';
import { JobName } from 'src/queue/queue.constants';
import { MailService } from 'src/modules/mail/mail.service';
import { UserRepository } from 'src/modules/users/user.repository';

/** Tells a new staff member that their account exists; skips users that are gone or have no email. */
@Injectable()
export class StaffWelcomeProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly users: UserRepository,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    this.registry.register(JobName.StaffWelcome, async ({ userId }, job) => {
      const user = await this.users.findById(userId);
      if (!user?.email) return;
      await this.mail.send({
        to: user.email,
        subject: 'Your job fair service account / Ваша учётная запись',
        text:
          `Hello ${user.displayName},\n\nA ${user.role} account was created for you. Log in with this email address.\n\n` +
          `Здравствуйте, ${user.displayName}! Для вас создана учётная запись (${user.role}). Входите с этим адресом почты.\n`,
        messageId: `<staff-welcome-${user.id}-${job.id}@jobfair.local>`,
      });
    });
  }
}
