import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, Matches } from 'class-validator';
import { IsText } from 'src/common/validation/text';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CalendarYearDto {
  @ApiProperty({ example: 'RU' }) country: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({
    enum: ['override', 'file', 'rules'],
    description:
      'override: edited by staff; file: the decree shipped with the service; rules: Labour Code art. 112 only',
  })
  source: 'override' | 'file' | 'rules';
  @ApiPropertyOptional({ description: 'The decree on transferring days off', nullable: true })
  decree: string | null;
  @ApiProperty({
    type: [String],
    description: 'Every non-working day of the year (weekends, holidays, transfers)',
  })
  nonWorkingDays: string[];
  @ApiProperty({ type: [String], description: 'Extra days off the decree sets' }) daysOff: string[];
  @ApiProperty({ type: [String], description: 'Weekend days made working days' }) workingDays: string[];
  @ApiProperty({ type: [String], description: 'Working days shortened by one hour' }) shortened: string[];
  @ApiProperty() workingDayCount: number;
  @ApiPropertyOptional({ nullable: true }) updatedAt: Date | null;
  @ApiPropertyOptional({ nullable: true }) updatedBy: string | null;
}

export class PutCalendarYearDto {
  @ApiProperty({ example: 'Government Decree No. 1466 of 24.09.2025' }) @IsText(1, 500) decree: string;

  @ApiProperty({ type: [String], description: 'Complete list of extra days off (YYYY-MM-DD)' })
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(ISO_DATE, { each: true, message: 'daysOff must hold dates written YYYY-MM-DD' })
  daysOff: string[];

  @ApiProperty({ type: [String], description: 'Weekend days made working days (YYYY-MM-DD)' })
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(ISO_DATE, { each: true, message: 'workingDays must hold dates written YYYY-MM-DD' })
  workingDays: string[];

  @ApiPropertyOptional({ type: [String], description: 'Pre-holiday days shortened by one hour' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(ISO_DATE, { each: true, message: 'shortened must hold dates written YYYY-MM-DD' })
  shortened?: string[];
}
