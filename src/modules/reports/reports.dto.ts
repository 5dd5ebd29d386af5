import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate } from 'src/modules/migrants/migrants.dto';
import { REPORT_LANGS, ReportLang } from 'src/modules/reports/report-labels';

export const GROUP_BY = ['citizenship', 'gender', 'occupation', 'region', 'employer', 'fair'] as const;
export type GroupBy = (typeof GROUP_BY)[number];
export const FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export class PeriodQuery {
  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'First day (Moscow time); a year before `to` when absent',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description: 'Last day, inclusive (Moscow time); today when absent',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class ReportLangQuery extends PeriodQuery {
  @ApiPropertyOptional({
    enum: REPORT_LANGS,
    default: 'ru',
    description: 'Language of labels and headers; a CSV in `ru` is separated by `;`, as Excel there expects',
  })
  @IsOptional()
  @IsIn(REPORT_LANGS)
  lang: ReportLang = 'ru';
}

export class PlacementsReportQuery extends ReportLangQuery {
  @ApiPropertyOptional({ enum: GROUP_BY, default: 'citizenship' })
  @IsOptional()
  @IsIn(GROUP_BY)
  groupBy: GroupBy = 'citizenship';

  @ApiPropertyOptional({ enum: FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(FORMATS)
  format: ReportFormat = 'json';
}

export class ApplicationsExportQuery extends ReportLangQuery {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format: 'csv' | 'xlsx' = 'csv';
}

export class DemandQuery extends PeriodQuery {
  @ApiPropertyOptional({
    example: 'RU-MOW',
    description: 'Vacancies in this region, people who want to work there',
  })
  @IsOptional()
  @IsString()
  @Length(4, 6)
  region?: string;
}

export class BreakdownRowDto {
  @ApiProperty() key: string;
  @ApiPropertyOptional() label?: string;
  @ApiProperty() visitors: number;
  @ApiProperty() hires: number;
}

export class FairReportDto {
  @ApiProperty() fair: {
    id: string;
    name: string;
    region: string;
    city: string;
    startsAt: Date;
    endsAt: Date;
  };
  @ApiProperty({ description: 'People recorded at the fair (fair_attendance)' }) visitors: number;
  @ApiProperty({ description: 'Profiles created at the fair’s kiosks' }) registrations: number;
  @ApiProperty({ description: 'People who applied at least once at the fair' }) applicants: number;
  @ApiProperty() applications: number;
  @ApiProperty() interviewsScheduled: number;
  @ApiProperty() interviewsAttended: number;
  @ApiProperty({ description: 'Applications invited to a second interview' }) secondInterviews: number;
  @ApiProperty() offers: number;
  @ApiProperty() hires: number;
  @ApiProperty({ type: [BreakdownRowDto] }) byCitizenship: BreakdownRowDto[];
  @ApiProperty({ type: [BreakdownRowDto] }) byGender: BreakdownRowDto[];
  @ApiProperty({
    type: [BreakdownRowDto],
    description: 'Visitors by their first trade, hires by the vacancy’s',
  })
  byOccupation: BreakdownRowDto[];
  @ApiProperty({ type: [BreakdownRowDto], description: 'Visitors = people who applied to the employer' })
  byEmployer: BreakdownRowDto[];
}

export class PlacementsReportRowDto {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() applications: number;
  @ApiProperty({ description: 'Applications that reached an interview' }) interviews: number;
  @ApiProperty() hires: number;
  @ApiProperty({ nullable: true, description: 'Median days from application to hire' })
  medianDaysToHire: number | null;
}

export class PlacementsReportDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ enum: GROUP_BY }) groupBy: GroupBy;
  @ApiProperty({ type: [PlacementsReportRowDto] }) rows: PlacementsReportRowDto[];
}

export class DemandRowDto {
  @ApiProperty() occupationCode: string;
  @ApiProperty() label: string;
  @ApiProperty() vacancies: number;
  @ApiProperty({ description: 'Published positions not yet taken by an active placement' })
  openPositions: number;
  @ApiProperty({ description: 'Active people with this trade and no active placement' }) seekers: number;
  @ApiProperty({ description: 'seekers − openPositions: positive means more people than jobs' }) gap: number;
}

export class DemandReportDto {
  @ApiPropertyOptional({ nullable: true }) region: string | null;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [DemandRowDto] }) rows: DemandRowDto[];
}
