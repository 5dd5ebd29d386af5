import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuthGuard } from 'src/common/auth/auth.guard';
import { TokenService } from 'src/common/auth/token.service';
import { PiiCipher } from 'src/common/crypto/pii-cipher';
import { AccessCodeHasher } from 'src/common/crypto/access-code-hasher';
import { IdempotencyInterceptor } from 'src/common/idempotency/idempotency.interceptor';

@Global()
@Module({
  imports: [JwtModule.register({})],
  providers: [
    TokenService,
    PiiCipher,
    AccessCodeHasher,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
  exports: [TokenService, PiiCipher, AccessCodeHasher],
})
export class CommonModule {}
