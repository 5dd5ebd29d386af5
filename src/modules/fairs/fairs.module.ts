import { Global, Module } from '@nestjs/common';
import { KIOSK_TOKEN_RESOLVER } from 'src/common/auth/kiosk-token';
import { EmployersModule } from 'src/modules/employers/employers.module';
import { FairRepository } from 'src/modules/fairs/fair.repository';
import { FairsController, KioskController } from 'src/modules/fairs/fairs.controller';
import { FairsService } from 'src/modules/fairs/fairs.service';
import { FairKioskTokenResolver } from 'src/modules/fairs/kiosk-token.resolver';
import { VacanciesModule } from 'src/modules/vacancies/vacancies.module';

/** Global so that the global AuthGuard can resolve kiosk tokens through KIOSK_TOKEN_RESOLVER. */
@Global()
@Module({
  imports: [EmployersModule, VacanciesModule],
  controllers: [FairsController, KioskController],
  providers: [
    FairsService,
    FairRepository,
    FairKioskTokenResolver,
    { provide: KIOSK_TOKEN_RESOLVER, useExisting: FairKioskTokenResolver },
  ],
  exports: [FairsService, FairRepository, KIOSK_TOKEN_RESOLVER],
})
export class FairsModule {}
