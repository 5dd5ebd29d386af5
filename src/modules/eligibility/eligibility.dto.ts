import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import {
  DOCUMENT_TYPES,
  EMPLOYER_KINDS,
  LANGS,
  MIGRATION_CARD_PURPOSES,
  REGIMES,
} from 'src/modules/eligibility/eligibility.types';

// Request classes document the body only: the engine's own validator checks it and names each field.

export class HeldDocumentDoc {
  @ApiProperty({ enum: DOCUMENT_TYPES }) type: string;
  @ApiPropertyOptional({ example: 'RU-MOW', description: 'ISO 3166-2, for region-bound documents' })
  region?: string;
  @ApiPropertyOptional({ example: '2025-01-10' }) validFrom?: string;
  @ApiPropertyOptional({ example: '2026-01-09' }) validUntil?: string;
  @ApiPropertyOptional({ enum: MIGRATION_CARD_PURPOSES, description: 'Migration cards only' })
  purpose?: string;
  @ApiPropertyOptional({ example: '2025-01-05' }) issuedAt?: string;
}

export class MoneyDoc {
  @ApiProperty({ example: 90000 }) amount: number;
  @ApiProperty({ example: 'RUB' }) currency: string;
}

export class EmployerDoc {
  @ApiProperty({ enum: EMPLOYER_KINDS }) kind: string;
  @ApiPropertyOptional({ description: 'The employer holds a quota place for a work permit' })
  quotaAvailable?: boolean;
}

export class EntryBanDoc {
  @ApiProperty({ example: '2029-05-31', description: 'Last day of the ban, inclusive' }) until: string;
}

export class ArrivalDoc {
  @ApiProperty({ example: '2027-03-05' }) expectedDate: string;
}

export class EligibilityRequestDto {
  @ApiProperty({ example: 'RU', description: 'ISO 3166-1 alpha-2 country of the job' }) hostCountry: string;
  @ApiProperty({ example: 'RU-MOW', description: 'ISO 3166-2 region of the job' }) workRegion: string;
  @ApiProperty({ example: 'UZ' }) citizenship: string;
  @ApiProperty({ example: '1995-04-12' }) birthDate: string;
  @ApiProperty({ example: '2026-03-01' }) startDate: string;
  @ApiPropertyOptional({ example: '7112', description: 'ISCO-08 unit group' }) occupationCode?: string;
  @ApiPropertyOptional({ type: MoneyDoc }) monthlySalary?: MoneyDoc;
  @ApiPropertyOptional({ type: EmployerDoc }) employer?: EmployerDoc;
  @ApiPropertyOptional({ type: [HeldDocumentDoc] }) documents?: HeldDocumentDoc[];
  @ApiPropertyOptional({
    type: EntryBanDoc,
    description: 'An entry ban of the host country: while it runs on the start date the answer is ineligible',
  })
  entryBan?: EntryBanDoc;
  @ApiPropertyOptional({
    type: ArrivalDoc,
    description: 'The person is still outside the host country: the answer adds a dated pre-departure plan',
  })
  arrival?: ArrivalDoc;
}

export class LangQueryDto {
  @ApiPropertyOptional({ enum: LANGS, description: 'Message language; else Accept-Language; else ru' })
  @IsOptional()
  @IsString()
  lang?: string;
}

export class MigrantEligibilityQueryDto extends LangQueryDto {
  @ApiProperty({ description: 'The vacancy to check against' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'must be a UUID' })
  vacancyId: string;
  @ApiPropertyOptional({
    example: '2027-03-05',
    description: 'The person is still outside the host country and expects to arrive then: adds a dated plan',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
  arrivalDate?: string;
}

export class EligibilityCheckDto {
  @ApiProperty({ example: 'PATENT_VALID' }) code: string;
  @ApiProperty() passed: boolean;
  @ApiProperty({ description: 'In the requested language' }) message: string;
  @ApiProperty({ example: '115-FZ art. 13.3' }) legalBasis: string;
}

export class EligibilityStepDto {
  @ApiProperty({ example: 'OBTAIN_PATENT' }) code: string;
  @ApiPropertyOptional({ description: 'In the requested language; not in an employer’s answer-only view' })
  message?: string;
  @ApiPropertyOptional({
    example: '/#consultations/new',
    description: 'Where to act on the step: LEGAL_ADVICE links to booking a legal consultation',
  })
  link?: string;
}

export class RuleSetRefDto {
  @ApiProperty({ example: 'ru-2024-03-01' }) id: string;
  @ApiProperty({ example: '2024-03-01' }) effectiveFrom: string;
}

export class PlanStepDto {
  @ApiProperty({ example: 'REGISTER_STAY' }) code: string;
  @ApiProperty({ enum: ['before', 'entry', 'after'] }) phase: string;
  @ApiProperty({ example: '2027-03-17' }) dueDate: string;
  @ApiProperty({ description: 'In the requested language, with the due date' }) message: string;
  @ApiProperty({ example: 'Federal Law 109-FZ of 18.07.2006, art. 20' }) legalBasis: string;
}

export class PreDeparturePlanDto {
  @ApiProperty({ example: '2027-03-05' }) arrivalDate: string;
  @ApiProperty({ description: 'Assumed date of the contract (the start date), for the employer’s deadline' })
  contractDate: string;
  @ApiProperty({ enum: REGIMES, nullable: true }) regime: string | null;
  @ApiProperty({ type: [PlanStepDto] }) steps: PlanStepDto[];
}

export class EligibilityResultDto {
  @ApiProperty({ enum: ['eligible', 'conditional', 'ineligible'] }) status: string;
  @ApiProperty({ enum: REGIMES, nullable: true }) regime: string | null;
  @ApiProperty({ type: [EligibilityCheckDto] }) checks: EligibilityCheckDto[];
  @ApiProperty({ type: [EligibilityStepDto] }) steps: EligibilityStepDto[];
  @ApiProperty({ type: RuleSetRefDto }) ruleSet: RuleSetRefDto;
  @ApiPropertyOptional({
    type: PreDeparturePlanDto,
    description: 'Only for a person still outside the country',
  })
  plan?: PreDeparturePlanDto;
}

export class SpecialCitizenshipDto {
  @ApiProperty({ example: 'UA' }) citizenship: string;
  @ApiProperty({ description: 'The act that gives these nationals rules of their own' }) legalBasis: string;
  @ApiProperty({ example: '2022-08-27' }) since: string;
  @ApiProperty() note: string;
}

export class RuleSetSummaryDto {
  @ApiProperty({ example: 'ru-2024-03-01' }) id: string;
  @ApiProperty({ example: 'RU' }) hostCountry: string;
  @ApiProperty({ example: '2024-03-01' }) effectiveFrom: string;
  @ApiProperty({ example: 'RUB' }) currency: string;
  @ApiProperty({ example: 18 }) minimumAge: number;
  @ApiProperty({ enum: REGIMES, isArray: true }) regimeOrder: string[];
  @ApiProperty({ type: [String] }) sources: string[];
  @ApiProperty({
    enum: ['visa', 'legalAdvice'],
    description:
      'How a citizenship in no country group is treated: as a visa national, or referred to legal advice',
  })
  unlistedCitizenship: string;
  @ApiProperty({
    type: [SpecialCitizenshipDto],
    description: 'Citizenships referred to legal advice because an act gives them rules of their own',
  })
  specialCitizenships: SpecialCitizenshipDto[];
}

export class RuleSetListDto {
  @ApiProperty({ type: [RuleSetSummaryDto] }) items: RuleSetSummaryDto[];
}
