import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { IsText } from 'src/common/validation/text';
import {
  INTERVIEW_RESULTS,
  InterviewResult,
  InterviewStatus,
  SLOT_MODES,
  SlotMode,
} from 'src/modules/interviews/interview.entity';
import { queryBool } from 'src/common/validation/query-bool';

export class NewSlotDto {
  @ApiProperty({ example: '2027-03-15T10:00:00+03:00' }) @IsISO8601({ strict: true }) startsAt: string;
  @ApiProperty({ example: '2027-03-15T10:20:00+03:00' }) @IsISO8601({ strict: true }) endsAt: string;
  @ApiProperty({ enum: SLOT_MODES }) @IsIn(SLOT_MODES) mode: SlotMode;
  @ApiPropertyOptional({
    description:
      'Booth or room; for `video` the meeting link (https, required); for `phone` the number the candidate ' +
      'calls (without one the employer calls the candidate). Part of what makes two slots the same place',
  })
  @IsOptional()
  @IsText(1, 300)
  location?: string;
  @ApiPropertyOptional({ description: 'The fair where the interview takes place' })
  @IsOptional()
  @IsUUID()
  fairId?: string;
}

export class CreateSlotsDto {
  @ApiProperty({ type: [NewSlotDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => NewSlotDto)
  slots: NewSlotDto[];
}

export class SlotListQuery {
  @ApiPropertyOptional({ description: 'Only slots not booked and not started' })
  @IsOptional()
  @Transform(queryBool)
  @IsBoolean()
  available?: boolean;
}

export class SlotDto {
  @ApiProperty() id: string;
  @ApiProperty() vacancyId: string;
  @ApiProperty() employerId: string;
  @ApiProperty({ nullable: true }) fairId: string | null;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ enum: SLOT_MODES }) mode: SlotMode;
  @ApiProperty({ nullable: true }) location: string | null;
  @ApiProperty({ description: 'Not booked and not started' }) available: boolean;
}

export class SlotListDto {
  @ApiProperty({ type: [SlotDto] }) items: SlotDto[];
}

export class BookInterviewDto {
  @ApiProperty() @IsUUID() slotId: string;
}

export class RescheduleInterviewDto {
  @ApiProperty() @IsUUID() slotId: string;
}

export class CancelInterviewDto {
  @ApiProperty({ example: 'The candidate asked for another day' }) @IsText(1, 1000) reason: string;
}

export class InterviewOutcomeDto {
  @ApiProperty({ description: 'false records a no-show' }) @IsBoolean() attended: boolean;
  @ApiPropertyOptional({ enum: INTERVIEW_RESULTS, description: 'Required when attended' })
  @IsOptional()
  @IsIn(INTERVIEW_RESULTS)
  result?: InterviewResult;
  @ApiPropertyOptional() @IsOptional() @IsText(1, 4000) notes?: string;
}

export class InterviewClockDto {
  @ApiProperty({ example: 'Asia/Dushanbe' }) timeZone: string;
  @ApiProperty({ nullable: true, example: 'TJ-SU', description: 'ISO 3166-2 region whose clock it is' })
  region: string | null;
  @ApiProperty({ example: '2027-03-15T12:00:00+05:00', description: 'Local wall-clock time with its offset' })
  startsAt: string;
  @ApiProperty({ example: '2027-03-15T12:20:00+05:00' }) endsAt: string;
}

export class InterviewTimesDto {
  @ApiProperty({ type: InterviewClockDto, description: "The employer's clock (its region, or the fair)" })
  employer: InterviewClockDto;
  @ApiProperty({
    type: InterviewClockDto,
    description: "The candidate's clock: the fair abroad they applied at for a remote interview",
  })
  candidate: InterviewClockDto;
}

export class InterviewDto {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiProperty() slotId: string;
  @ApiProperty() vacancyId: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The recruit of an organised-recruitment order for this vacancy the candidate is, if any',
  })
  recruitId: string | null;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ enum: ['scheduled', 'cancelled', 'completed', 'no_show'] }) status: InterviewStatus;
  @ApiProperty({ description: 'iCalendar SEQUENCE of the last invitation' }) sequence: number;
  @ApiProperty({ enum: SLOT_MODES }) mode: SlotMode;
  @ApiProperty({ nullable: true }) location: string | null;
  @ApiProperty({ nullable: true }) fairId: string | null;
  @ApiProperty({ type: InterviewTimesDto, description: 'The time on each side, in its own time zone' })
  times: InterviewTimesDto;
  @ApiProperty({ nullable: true }) attended: boolean | null;
  @ApiProperty({ enum: INTERVIEW_RESULTS, nullable: true }) result: InterviewResult | null;
  @ApiPropertyOptional({ nullable: true, description: "The employer's notes; not shown to the candidate" })
  notes?: string | null;
  @ApiProperty({ nullable: true }) cancelReason: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class InterviewListDto {
  @ApiProperty({ type: [InterviewDto] }) items: InterviewDto[];
}
