import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { IsText } from 'src/common/validation/text';
import { GRIEVANCE_LANGS, GrievanceLang } from 'src/modules/grievances/grievance.types';
import { CreateGrievanceDto } from 'src/modules/grievances/grievances.dto';

export const CONSULTATION_TOPICS = [
  'patent',
  'registration',
  'contract',
  'grievance',
  'family_women',
  'other',
] as const;
export type ConsultationTopic = (typeof CONSULTATION_TOPICS)[number];

export class CreateLegalAdviserDto {
  @ApiProperty() @IsEmail() email: string;
  @ApiProperty({ minLength: 10 }) @IsString() @Length(10, 200) password: string;
  @ApiProperty() @IsText(1, 200) displayName: string;
  @ApiProperty({ type: [String], description: 'Fairs the adviser works at' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  fairIds: string[];
}

export class SlotInputDto {
  @ApiProperty() @IsUUID() adviserId: string;
  @ApiProperty({ example: '2026-12-10T10:00:00+03:00' }) @IsDateString({ strict: true }) startsAt: string;
  @ApiProperty({ example: '2026-12-10T10:30:00+03:00' }) @IsDateString({ strict: true }) endsAt: string;
}

export class CreateLegalDeskDto {
  @ApiProperty({ example: 'Legal aid desk' }) @IsText(1, 200) name: string;
  @ApiPropertyOptional({ example: 'Hall B, stand 4' }) @IsOptional() @IsText(1, 300) location?: string;
  @ApiProperty({ type: [SlotInputDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SlotInputDto)
  slots: SlotInputDto[];
}

export class BookConsultationDto {
  @ApiProperty() @IsUUID() slotId: string;
  @ApiProperty({ enum: CONSULTATION_TOPICS }) @IsIn(CONSULTATION_TOPICS) topic: ConsultationTopic;
  @ApiPropertyOptional({ enum: GRIEVANCE_LANGS }) @IsOptional() @IsIn(GRIEVANCE_LANGS) lang?: GrievanceLang;
  @ApiPropertyOptional({ description: 'Kiosk only: the visitor from the check-in' })
  @IsOptional()
  @IsUUID()
  migrantId?: string;
}

export class RescheduleConsultationDto {
  @ApiProperty({ description: 'Another free slot of the same desk' }) @IsUUID() slotId: string;
}

export class CancelConsultationDto {
  @ApiProperty({ maxLength: 2000, example: 'The adviser is ill; please book another slot' })
  @IsText(3, 2000)
  reason: string;
}

export class ConsultationOutcomeDto {
  @ApiProperty({ maxLength: 8000 }) @IsText(1, 8000) outcome: string;
  @ApiPropertyOptional({
    type: CreateGrievanceDto,
    description:
      'Opens a grievance for the person from this consultation (migrantId is taken from the booking)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CreateGrievanceDto)
  grievance?: CreateGrievanceDto;
}

// Responses: plain shapes, documented for the OpenAPI document.
export class ConsultationSlotDto {
  @ApiProperty() id: string;
  @ApiProperty() adviserId: string;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty() free: boolean;
}

export class LegalDeskDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) location: string | null;
  @ApiProperty({ type: [ConsultationSlotDto] }) slots: ConsultationSlotDto[];
}

export class LegalDeskListDto {
  @ApiProperty({ type: [LegalDeskDto] }) items: LegalDeskDto[];
}

export class LegalConsultationDto {
  @ApiProperty() id: string;
  @ApiProperty() slotId: string;
  @ApiProperty() fairId: string;
  @ApiProperty() adviserId: string;
  @ApiProperty() migrantId: string;
  @ApiProperty({ enum: CONSULTATION_TOPICS }) topic: string;
  @ApiProperty({ enum: GRIEVANCE_LANGS }) language: string;
  @ApiProperty({ enum: ['online', 'kiosk', 'desk'] }) channel: string;
  @ApiProperty({ enum: ['booked', 'cancelled', 'done'] }) status: string;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty({ nullable: true, type: String }) grievanceId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'For the adviser and staff only' })
  outcome: string | null;
  @ApiProperty({
    description: 'iCalendar SEQUENCE: 0 when booked, one more for each move and the cancellation',
  })
  sequence: number;
  @ApiProperty({ nullable: true, type: Date }) cancelledAt: Date | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was cancelled' })
  cancelReason: string | null;
}

export class BookedConsultationDto extends LegalConsultationDto {
  @ApiProperty({
    description: 'The booking as an iCalendar event (METHOD:REQUEST; METHOD:CANCEL once cancelled)',
  })
  ics: string;
}

export class LegalConsultationListDto {
  @ApiProperty({ type: [LegalConsultationDto] }) items: LegalConsultationDto[];
}

export class PersonFactsDto {
  @ApiProperty({ example: '1995-04-12' }) birthDate: string;
  @ApiProperty({ example: 'UZ' }) citizenship: string;
  @ApiProperty({ type: [String] }) occupationCodes: string[];
  @ApiPropertyOptional({
    type: Object,
    description: 'Host country → last day of the latest entry ban not lifted',
    example: { RU: '2029-05-31' },
  })
  entryBans?: Record<string, string>;
}

export class PersonDocumentDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'patent' }) type: string;
  @ApiProperty({ nullable: true, type: String, description: 'Masked' }) number: string | null;
  @ApiProperty({ nullable: true, type: String }) issuingCountry: string | null;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ nullable: true, type: String }) validFrom: string | null;
  @ApiProperty({ nullable: true, type: String }) validUntil: string | null;
}

export class ConsultationPersonDto {
  @ApiProperty() consultationId: string;
  @ApiProperty() migrantId: string;
  @ApiProperty({ type: PersonFactsDto }) eligibilityFacts: PersonFactsDto;
  @ApiProperty({ type: [PersonDocumentDto] }) documents: PersonDocumentDto[];
}

export class LegalAdviserDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty() email: string;
  @ApiProperty({ type: [String] }) fairIds: string[];
}

export class LegalAdviserListDto {
  @ApiProperty({ type: [LegalAdviserDto] }) items: LegalAdviserDto[];
}
