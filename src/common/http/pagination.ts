import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: number = 20;
}

/** `eq`: `total` is the exact count; `gte`: there are at least `total` (a count capped so that it costs the same at any size). */
export type TotalRelation = 'eq' | 'gte';

export interface Page<T> {
  items: T[];
  total: number;
  /** Only on pages whose count may be capped. */
  totalRelation?: TotalRelation;
  page: number;
  pageSize: number;
}

export function pageOf<T>(
  items: T[],
  total: number,
  query: PageQuery,
  totalRelation?: TotalRelation,
): Page<T> {
  return {
    items,
    total,
    ...(totalRelation ? { totalRelation } : {}),
    page: query.page,
    pageSize: query.pageSize,
  };
}
