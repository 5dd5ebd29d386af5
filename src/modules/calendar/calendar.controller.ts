import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles } from 'src/common/auth/auth.decorators';
import type { UserPrincipal } from 'src/common/auth/principal';
import { ValidationError } from 'src/common/errors/domain-error';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { CalendarYearDto, PutCalendarYearDto } from 'src/modules/calendar/calendar.dto';
import { CalendarService } from 'src/modules/calendar/calendar.service';

const yearPipe = new ParseIntPipe({
  exceptionFactory: () => ValidationError.field('year', 'must be a year such as 2026'),
});

function checkYear(year: number): number {
  if (year < 2013 || year > 2200) throw ValidationError.field('year', 'must be between 2013 and 2200');
  return year;
}

@ApiTags('calendars')
@Controller('v1/calendars')
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  @Public()
  @Get(':country/:year')
  @ApiRoute('The production calendar of a year: non-working days, transfers and the decree', [400, 404], {
    auth: false,
  })
  @ApiOkResponse({ type: CalendarYearDto })
  get(@Param('country') country: string, @Param('year', yearPipe) year: number): Promise<CalendarYearDto> {
    return this.calendars.getYear(country, checkYear(year));
  }

  @Put(':country/:year')
  @Roles('staff', 'admin')
  @ApiRoute('Replace the year’s transfers (staff); later deadlines use it', [400, 403, 404])
  @ApiOkResponse({ type: CalendarYearDto })
  put(
    @CurrentUser() staff: UserPrincipal,
    @Param('country') country: string,
    @Param('year', yearPipe) year: number,
    @Body() dto: PutCalendarYearDto,
  ): Promise<CalendarYearDto> {
    return this.calendars.putYear(staff, country, checkYear(year), dto);
  }
}
