import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import {
  KIOSK_AFTER_FAIR_KEY,
  KIOSK_KEY,
  OPEN_TO_UNVERIFIED_KEY,
  PUBLIC_KEY,
  ROLES_KEY,
} from 'src/common/auth/auth.decorators';
import {
  KIOSK_TOKEN_PREFIX,
  KIOSK_TOKEN_RESOLVER,
  KioskTokenResolver,
  hashKioskToken,
} from 'src/common/auth/kiosk-token';
import { Principal, Role, UserPrincipal } from 'src/common/auth/principal';
import { PRINCIPAL_STATE_RESOLVER, PrincipalStateResolver } from 'src/common/auth/principal-state';
import { TokenService } from 'src/common/auth/token.service';
import { DomainError, ErrorCode } from 'src/common/errors/domain-error';

/** What an employer that staff have not (or no longer) verified is told, by status. */
const NOT_CLEARED: Record<string, string> = {
  pending:
    'The labour department has not verified your company yet. You can complete its details and prepare draft ' +
    'vacancies; candidates, profiles and interviews open once staff have verified it.',
  rejected:
    'The labour department did not verify your company. Correct its details and ask the labour department to ' +
    'review it again; until then candidates, profiles and interviews stay closed.',
  suspended:
    'The labour department has suspended your company. Contact the labour department; until the suspension is ' +
    'lifted candidates, profiles and interviews stay closed.',
};

/**
 * Global guard: every route needs a valid token unless marked @Public(); @Roles and @KioskOnly narrow it. A user's
 * token works only while the user is active, and an employer's only for a verified employer unless the route is
 * @OpenToUnverifiedEmployers().
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @Optional() @Inject(KIOSK_TOKEN_RESOLVER) private readonly kiosks?: KioskTokenResolver,
    @Optional() @Inject(PRINCIPAL_STATE_RESOLVER) private readonly states?: PrincipalStateResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    const kioskOnly = this.reflector.getAllAndOverride<boolean>(KIOSK_KEY, targets);
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);
    const request = context.switchToHttp().getRequest<FastifyRequest>();

    const principal = await this.authenticate(request, isPublic, targets);
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
    if (
      principal.role === 'employer' &&
      !this.reflector.getAllAndOverride<boolean>(OPEN_TO_UNVERIFIED_KEY, targets)
    ) {
      const status = request.employerStatus ?? 'pending';
      if (status !== 'verified') {
        throw new DomainError(ErrorCode.EmployerNotCleared, NOT_CLEARED[status] ?? NOT_CLEARED.pending, {
          employerStatus: status,
        });
      }
    }
    return true;
  }

  /** The user's token counts only while the user is active; an employer's status is kept for the check above. */
  private async activeUser(
    request: FastifyRequest,
    principal: UserPrincipal,
  ): Promise<UserPrincipal | undefined> {
    if (!this.states) return principal;
    const state = await this.states.stateOf(principal.userId);
    if (!state?.active) return undefined;
    request.employerStatus = state.employerStatus ?? undefined;
    return principal;
  }

  private async authenticate(
    request: FastifyRequest,
    lenient: boolean,
    targets: Parameters<Reflector['getAllAndOverride']>[1],
  ): Promise<Principal | undefined> {
    const header = request.headers.authorization;
    if (!header) return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      if (lenient) return undefined;
      throw new DomainError(ErrorCode.Unauthenticated, 'The Authorization header must be "Bearer <token>"');
    }
    const token = match[1];
    if (token.startsWith(KIOSK_TOKEN_PREFIX)) {
      const kiosk = this.kiosks
        ? await this.kiosks.resolve(
            hashKioskToken(token),
            new Date(),
            this.reflector.getAllAndOverride<boolean>(KIOSK_AFTER_FAIR_KEY, targets) === true,
          )
        : undefined;
      if (!kiosk && !lenient) {
        throw new DomainError(
          ErrorCode.Unauthenticated,
          'The kiosk token is revoked, unknown or outside its fair dates',
        );
      }
      return kiosk;
    }
    const verified = await this.tokens.verify(token);
    const principal = verified && (await this.activeUser(request, verified));
    if (!principal && !lenient) {
      throw new DomainError(
        ErrorCode.Unauthenticated,
        verified ? 'The account of this token is no longer active' : 'The token is invalid or expired',
      );
    }
    return principal || undefined;
  }
}
