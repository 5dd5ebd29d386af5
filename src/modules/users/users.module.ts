import { Global, Module } from '@nestjs/common';
import { PRINCIPAL_STATE_RESOLVER } from 'src/common/auth/principal-state';
import { UserPrincipalStateResolver } from 'src/modules/users/principal-state.resolver';
import { UserRepository } from 'src/modules/users/user.repository';

/** Global so that the global AuthGuard can read a user's state through PRINCIPAL_STATE_RESOLVER. */
@Global()
@Module({
  providers: [
    UserRepository,
    UserPrincipalStateResolver,
    { provide: PRINCIPAL_STATE_RESOLVER, useExisting: UserPrincipalStateResolver },
  ],
  exports: [UserRepository, PRINCIPAL_STATE_RESOLVER],
})
export class UsersModule {}
