import { Module } from '@nestjs/common';
import { CalendarController } from 'src/modules/calendar/calendar.controller';
import { CalendarRepository } from 'src/modules/calendar/calendar.repository';
import { CalendarService } from 'src/modules/calendar/calendar.service';

@Module({
  controllers: [CalendarController],
  providers: [CalendarService, CalendarRepository],
  exports: [CalendarService],
})
export class CalendarModule {}
