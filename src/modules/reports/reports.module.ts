import { Module } from '@nestjs/common';
import { ReportsController } from 'src/modules/reports/reports.controller';
import { ReportsRepository } from 'src/modules/reports/reports.repository';
import { ReportsService } from 'src/modules/reports/reports.service';

@Module({
  controllers: [ReportsController],
  providers: [ReportsService, ReportsRepository],
  exports: [ReportsService],
})
export class ReportsModule {}
