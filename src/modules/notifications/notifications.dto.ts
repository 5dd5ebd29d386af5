import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from 'src/common/http/pagination';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_STATUSES,
  NotificationChannel,
  NotificationStatus,
} from 'src/modules/notifications/notification.entity';

export class InboxItemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Message name, e.g. interview_invitation' })
  template: string;

  @ApiProperty({ description: 'Language the message is written in', example: 'uz' })
  locale: string;

  @ApiProperty({ description: 'Title in the recipient’s language' })
  subject: string;

  @ApiProperty({ description: 'Text in the recipient’s language; paragraphs separated by a blank line' })
  text: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}

export class InboxPageDto {
  @ApiProperty({ type: [InboxItemDto] })
  items: InboxItemDto[];

  @ApiProperty()
  total: number;

  @ApiProperty({ description: 'How many of all are unread' })
  unread: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;
}

export class NotificationListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES, description: 'Default: failed and dead' })
  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES)
  status?: NotificationStatus;

  @ApiPropertyOptional({ enum: NOTIFICATION_CHANNELS })
  @IsOptional()
  @IsIn(NOTIFICATION_CHANNELS)
  channel?: NotificationChannel;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  recipientUserId: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Masked e-mail address or phone' })
  recipientAddress: string | null;

  @ApiProperty({ enum: NOTIFICATION_CHANNELS })
  channel: NotificationChannel;

  @ApiProperty()
  template: string;

  @ApiProperty()
  locale: string;

  @ApiProperty({ enum: NOTIFICATION_STATUSES })
  status: NotificationStatus;

  @ApiProperty({ description: 'Delivery attempts so far, staff retries included' })
  attempts: number;

  @ApiProperty({ description: 'Times staff sent it again' })
  retries: number;

  @ApiProperty({ nullable: true, type: String })
  lastError: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] })
  items: NotificationDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;
}
