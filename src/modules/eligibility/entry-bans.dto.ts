import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsText } from 'src/common/validation/text';

export const ENTRY_BAN_SOURCES = ['declared', 'checked'] as const;
export type EntryBanSource = (typeof ENTRY_BAN_SOURCES)[number];

export class RecordEntryBanDto {
  @ApiProperty({ example: 'RU', description: 'The country that bars entry' })
  @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as RU' })
  hostCountry: string;
  @ApiProperty({ example: '2029-05-31', description: 'Last day of the ban, inclusive' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
  until: string;
  @ApiProperty({
    enum: ENTRY_BAN_SOURCES,
    description: '`declared`: the person’s word; `checked`: staff checked it (staff only)',
  })
  @IsIn(ENTRY_BAN_SOURCES)
  source: EntryBanSource;
  @ApiPropertyOptional({
    description: 'What the check showed or the decision’s reference (stored encrypted)',
  })
  @IsOptional()
  @IsText(1, 1000)
  note?: string;
}

export class EntryBanDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'RU' }) hostCountry: string;
  @ApiProperty({ example: '2029-05-31' }) until: string;
  @ApiProperty({ enum: ENTRY_BAN_SOURCES }) source: string;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ description: 'The ban runs today (not lifted, end date not passed)' }) running: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) liftedAt: string | null;
  @ApiProperty() createdAt: string;
}

export class EntryBanListDto {
  @ApiProperty({ type: [EntryBanDto] }) items: EntryBanDto[];
}
