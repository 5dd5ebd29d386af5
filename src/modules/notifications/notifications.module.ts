import { Module, OnModuleInit } from '@nestjs/common';
import { HealthRegistry } from 'src/modules/health/health.registry';
import { NotificationDeliveryProcessor } from 'src/modules/notifications/notification-delivery.processor';
import { NotificationRepository } from 'src/modules/notifications/notification.repository';
import { NotificationsController } from 'src/modules/notifications/notifications.controller';
import { NotificationsService } from 'src/modules/notifications/notifications.service';
import { SmsGateway } from 'src/modules/notifications/sms.gateway';

/** Import this module and use NotificationsService.enqueue / notifyUser inside your transaction. */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationRepository, NotificationDeliveryProcessor, SmsGateway],
  exports: [NotificationsService],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly health: HealthRegistry,
    private readonly sms: SmsGateway,
  ) {}

  onModuleInit(): void {
    // Without a gateway the check is that SMS_DIR can be written to.
    this.health.register({ name: 'sms', critical: false, check: () => this.sms.check() });
  }
}
