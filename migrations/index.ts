import { CreateFoundation1795300000000 } from './1795300000000-CreateFoundation';
import { CreateEmployersVacanciesFairs1795310000000 } from './1795310000000-CreateEmployersVacanciesFairs';
import { CreateMigrants1795320000000 } from './1795320000000-CreateMigrants';
import { CreateNotifications1795330000000 } from './1795330000000-CreateNotifications';
import { CreateApplications1795340000000 } from './1795340000000-CreateApplications';
import { CreateInterviews1795350000000 } from './1795350000000-CreateInterviews';
import { CreateSearchIndex1795360000000 } from './1795360000000-CreateSearchIndex';
import { CreatePlacements1795370000000 } from './1795370000000-CreatePlacements';
import { TuneSearchIndexes1795390000000 } from './1795390000000-TuneSearchIndexes';
import { WidenOutboxDelay1795400000000 } from './1795400000000-WidenOutboxDelay';
import { AddApplicationReportColumns1795410000000 } from './1795410000000-AddApplicationReportColumns';
import { NotifyOutboxOnInsert1795411000000 } from './1795411000000-NotifyOutboxOnInsert';
import { NarrowSearchVacancies1795430000000 } from './1795430000000-NarrowSearchVacancies';
import { MatchPriorColumns1795440000000 } from './1795440000000-MatchPriorColumns';
import { VacancyListIndex1795450000000 } from './1795450000000-VacancyListIndex';
import { AddVacancyWorkingTime1795500000000 } from './1795500000000-AddVacancyWorkingTime';
import { CreateGrievances1796000000000 } from './1796000000000-CreateGrievances';
import { CreateLegalAid1796010000000 } from './1796010000000-CreateLegalAid';
import { AllowOriginCountries1796100000000 } from './1796100000000-AllowOriginCountries';
import { CreateEntryBans1796110000000 } from './1796110000000-CreateEntryBans';
import { CreateRecruitmentOrders1796120000000 } from './1796120000000-CreateRecruitmentOrders';
import { CreatePreDepartureSteps1796130000000 } from './1796130000000-CreatePreDepartureSteps';
import { AddPreDepartureReminders1796410000000 } from './1796410000000-AddPreDepartureReminders';
import { CreateKioskIdentifications1796300000000 } from './1796300000000-CreateKioskIdentifications';
import { AddMigrantGrievanceChannel1796400000000 } from './1796400000000-AddMigrantGrievanceChannel';
import { CreateKioskHeldSubmissions1796420000000 } from './1796420000000-CreateKioskHeldSubmissions';
import { AddLegalConsultationChanges1796500000000 } from './1796500000000-AddLegalConsultationChanges';
import { CreateRecruitmentAgencies1796510000000 } from './1796510000000-CreateRecruitmentAgencies';
import { LinkInterviewsToRecruits1796511000000 } from './1796511000000-LinkInterviewsToRecruits';
import { CreateSearchVacancyCounts1796530000000 } from './1796530000000-CreateSearchVacancyCounts';

/**
 * Every migration, in order. TypeORM loads this list rather than a glob, so the same list works under
 * ts-jest, ts-node and compiled code. `npm run migration:generate` writes a file; add it here.
 */
export const MIGRATIONS = [
  CreateFoundation1795300000000,
  CreateEmployersVacanciesFairs1795310000000,
  CreateMigrants1795320000000,
  CreateNotifications1795330000000,
  CreateApplications1795340000000,
  CreateInterviews1795350000000,
  CreateSearchIndex1795360000000,
  CreatePlacements1795370000000,
  TuneSearchIndexes1795390000000,
  WidenOutboxDelay1795400000000,
  AddApplicationReportColumns1795410000000,
  NotifyOutboxOnInsert1795411000000,
  NarrowSearchVacancies1795430000000,
  MatchPriorColumns1795440000000,
  VacancyListIndex1795450000000,
  AddVacancyWorkingTime1795500000000,
  CreateGrievances1796000000000,
  CreateLegalAid1796010000000,
  AllowOriginCountries1796100000000,
  CreateEntryBans1796110000000,
  CreateRecruitmentOrders1796120000000,
  CreatePreDepartureSteps1796130000000,
  CreateKioskIdentifications1796300000000,
  AddMigrantGrievanceChannel1796400000000,
  AddPreDepartureReminders1796410000000,
  CreateKioskHeldSubmissions1796420000000,
  AddLegalConsultationChanges1796500000000,
  CreateRecruitmentAgencies1796510000000,
  LinkInterviewsToRecruits1796511000000,
  CreateSearchVacancyCounts1796530000000,
];
