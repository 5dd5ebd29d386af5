import { Module } from '@nestjs/common';
import { EmployerRepository } from 'src/modules/employers/employer.repository';
import { EmployersController } from 'src/modules/employers/employers.controller';
import { EmployersService } from 'src/modules/employers/employers.service';

@Module({
  controllers: [EmployersController],
  providers: [EmployersService, EmployerRepository],
  exports: [EmployersService, EmployerRepository],
})
export class EmployersModule {}
