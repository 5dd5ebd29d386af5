import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { KIOSK_KEY, PUBLIC_KEY, ROLES_KEY } from 'src/common/auth/auth.decorators';
import {
  KIOSK_TOKEN_PREFIX,
  KIOSK_TOKEN_RESOLVER,
  KioskTokenResolver,
  hashKioskToken,
} from 'src/common/auth/kiosk-token';
import { Principal, Role } from 'src/common/auth/principal';
import { TokenService } from 'src/common/auth/token.service';
import { DomainError, ErrorCode } from 'src/common/errors/domain-error';

/** Global guard: every route needs a valid token unless marked @Public(); @Roles and @KioskOnly narrow it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @Optional() @Inject(KIOSK_TOKEN_RESOLVER) private readonly kiosks?: KioskTokenResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    const kioskOnly = this.reflector.getAllAndOverride<boolean>(KIOSK_KEY, targets);
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);
    const request = context.switchToHttp().getRequest<FastifyRequest>();

    const principal = await this.authenticate(request, isPublic);
    if (principal) request.principal = principal;
    if (isPublic) return true;
    if (!principal) throw new DomainError(ErrorCode.Unauthenticated, 'A valid bearer token is required');

    if (kioskOnly) {
      if (principal.kind !== 'kiosk')
        throw new DomainError(ErrorCode.Forbidden, 'This route is for fair kiosks');
      return true;
    }
    if (principal.kind === 'kiosk')
      throw new DomainError(ErrorCode.Forbidden, 'A kiosk token cannot use this route');
    if (roles?.length && !roles.includes(principal.role)) {
      throw new DomainError(ErrorCode.Forbidden, `This route is for: ${roles.join(', ')}`);
    }
    return true;
  }

  private async authenticate(request: FastifyRequest, lenient: boolean): Promise<Principal | undefined> {
    const header = request.headers.authorization;
    if (!header) return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      if (lenient) return undefined;
      throw new DomainError(ErrorCode.Unauthenticated, 'The Authorization header must be "Bearer <token>"');
    }
    const token = match[1];
    if (token.startsWith(KIOSK_TOKEN_PREFIX)) {
      const kiosk = this.kiosks ? await this.kiosks.resolve(hashKioskToken(token), new Date()) : undefined;
      if (!kiosk && !lenient) {
        throw new DomainError(
          ErrorCode.Unauthenticated,
          'The kiosk token is revoked, unknown or outside its fair dates',
        );
      }
      return kiosk;
    }
    const principal = await this.tokens.verify(token);
    if (!principal && !lenient)
      throw new DomainError(ErrorCode.Unauthenticated, 'The token is invalid or expired');
    return principal;
  }
}
