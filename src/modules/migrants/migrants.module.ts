import { Module } from '@nestjs/common';
import { MigrantsController } from 'src/modules/migrants/migrants.controller';
import { MigrantsRepository } from 'src/modules/migrants/migrants.repository';
import { MigrantsService } from 'src/modules/migrants/migrants.service';

@Module({
  controllers: [MigrantsController],
  providers: [MigrantsService, MigrantsRepository],
  exports: [MigrantsService, MigrantsRepository],
})
export class MigrantsModule {}
