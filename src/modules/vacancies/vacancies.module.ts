import { Module } from '@nestjs/common';
import { EmployersModule } from 'src/modules/employers/employers.module';
import { SearchModule } from 'src/modules/search/search.module';
import { VacanciesController } from 'src/modules/vacancies/vacancies.controller';
import { VacanciesService } from 'src/modules/vacancies/vacancies.service';
import { VacancyRepository } from 'src/modules/vacancies/vacancy.repository';

@Module({
  imports: [EmployersModule, SearchModule],
  controllers: [VacanciesController],
  providers: [VacanciesService, VacancyRepository],
  exports: [VacanciesService, VacancyRepository],
})
export class VacanciesModule {}
