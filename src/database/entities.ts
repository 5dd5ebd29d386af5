import { OutboxEntity } from 'src/database/outbox.entity';
import { UserEntity } from 'src/modules/users/user.entity';

/** Every TypeORM entity; feature modules add theirs here. */
export const ENTITIES = [UserEntity, OutboxEntity];
