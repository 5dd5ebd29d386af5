import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuthGuard } from 'src/common/auth/auth.guard';
import { TokenService } from 'src/common/auth/token.service';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { PiiCipher } from 'src/common/crypto/pii-cipher';
import { AccessCodeHasher } from 'src/common/crypto/access-code-hasher';
import { IdempotencyInterceptor } from 'src/common/idempotency/idempotency.interceptor';
import { RateLimits } from 'src/common/http/rate-limits';

@Global()
@Module({
  imports: [
    // The HMAC key is made once: given a string, the JWT library tries to parse it as a public key first and then
    // builds a secret key object on every verification (about 1 ms of CPU per authenticated request).
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.jwtSecret)),
        signOptions: { algorithm: 'HS256', expiresIn: config.jwtTtlSeconds },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [
    TokenService,
    PiiCipher,
    AccessCodeHasher,
    RateLimits,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
  exports: [TokenService, PiiCipher, AccessCodeHasher, RateLimits],
})
export class CommonModule {}
