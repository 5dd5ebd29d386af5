import { OutboxEntity } from 'src/database/outbox.entity';
import { UserEntity } from 'src/modules/users/user.entity';
import { EmployerEntity } from 'src/modules/employers/employer.entity';
import { VacancyEntity, VacancyTermsSnapshotEntity } from 'src/modules/vacancies/vacancy.entity';
import {
  FairEntity,
  FairParticipantEntity,
  FairVacancyEntity,
  KioskEntity,
} from 'src/modules/fairs/fair.entity';
import { NotificationEntity } from 'src/modules/notifications/notification.entity';
import {
  MigrantConsentEntity,
  MigrantDocumentEntity,
  MigrantEntity,
} from 'src/modules/migrants/migrant.entity';

import { ApplicationEntity, ApplicationTransitionEntity } from 'src/modules/applications/application.entity';
import { InterviewEntity, InterviewSlotEntity } from 'src/modules/interviews/interview.entity';

/** Every TypeORM entity; feature modules add theirs here. */
export const ENTITIES = [
  UserEntity,
  OutboxEntity,
  EmployerEntity,
  VacancyEntity,
  VacancyTermsSnapshotEntity,
  FairEntity,
  FairParticipantEntity,
  FairVacancyEntity,
  KioskEntity,
  NotificationEntity,
  MigrantEntity,
  MigrantDocumentEntity,
  MigrantConsentEntity,
  ApplicationEntity,
  ApplicationTransitionEntity,
  InterviewSlotEntity,
  InterviewEntity,
];
