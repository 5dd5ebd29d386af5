import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentUser, OpenToUnverifiedEmployers, Roles } from 'src/common/auth/auth.decorators';
import type { UserPrincipal } from 'src/common/auth/principal';
import { PiiCipher } from 'src/common/crypto/pii-cipher';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { PageQuery } from 'src/common/http/pagination';
import { UuidPipe } from 'src/common/http/uuid.pipe';
import { Idempotent } from 'src/common/idempotency/idempotency.interceptor';
import { NotificationEntity } from 'src/modules/notifications/notification.entity';
import {
  InboxItemDto,
  InboxPageDto,
  NotificationDto,
  NotificationListQuery,
  NotificationPageDto,
} from 'src/modules/notifications/notifications.dto';
import { InboxItem, NotificationsService } from 'src/modules/notifications/notifications.service';

function inboxItem(item: InboxItem): InboxItemDto {
  return {
    ...item,
    readAt: item.readAt?.toISOString() ?? null,
    createdAt: item.createdAt.toISOString(),
  };
}

function notificationDto(n: NotificationEntity): NotificationDto {
  return {
    id: n.id,
    recipientUserId: n.recipientUserId,
    recipientAddress: n.recipientAddress ? PiiCipher.mask(n.recipientAddress) : null,
    channel: n.channel,
    template: n.template,
    locale: n.locale,
    status: n.status,
    attempts: n.attempts,
    retries: n.retries,
    lastError: n.lastError,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
    sentAt: n.sentAt?.toISOString() ?? null,
  };
}

@ApiTags('notifications')
@Controller('v1')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @OpenToUnverifiedEmployers()
  @Get('me/notifications')
  @ApiRoute('My in-app messages, newest first, in my language', [400])
  @ApiOkResponse({ type: InboxPageDto })
  async inbox(@CurrentUser() user: UserPrincipal, @Query() query: PageQuery): Promise<InboxPageDto> {
    const { page, pageSize } = query;
    const result = await this.notifications.inbox(user.userId, (page - 1) * pageSize, pageSize);
    return { items: result.items.map(inboxItem), total: result.total, unread: result.unread, page, pageSize };
  }

  @OpenToUnverifiedEmployers()
  @Post('me/notifications/:id/read')
  @HttpCode(200)
  @Idempotent()
  @ApiRoute('Mark one of my in-app messages read', [400, 404])
  @ApiOkResponse({ type: InboxItemDto })
  async read(@CurrentUser() user: UserPrincipal, @Param('id', UuidPipe) id: string): Promise<InboxItemDto> {
    return inboxItem(await this.notifications.markRead(user.userId, id));
  }

  @Get('notifications')
  @Roles('staff', 'admin')
  @ApiRoute('Notifications by delivery status (failed and dead by default), for staff', [400, 403])
  @ApiOkResponse({ type: NotificationPageDto })
  async list(@Query() query: NotificationListQuery): Promise<NotificationPageDto> {
    const { page, pageSize } = query;
    const statuses = query.status ? [query.status] : (['failed', 'dead'] as const);
    const result = await this.notifications.listByStatus(
      [...statuses],
      query.channel,
      (page - 1) * pageSize,
      pageSize,
    );
    return { items: result.items.map(notificationDto), total: result.total, page, pageSize };
  }

  @Post('notifications/:id/retry')
  @HttpCode(200)
  @Roles('staff', 'admin')
  @Idempotent()
  @ApiRoute('Send a failed or dead notification again (staff)', [400, 403, 404, 409])
  @ApiOkResponse({ type: NotificationDto })
  async retry(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<NotificationDto> {
    return notificationDto(await this.notifications.retry(id, user, String(request.id)));
  }
}
