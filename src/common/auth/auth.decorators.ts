import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { KioskPrincipal, Principal, Role, UserPrincipal } from 'src/common/auth/principal';

export const PUBLIC_KEY = 'auth:public';
export const ROLES_KEY = 'auth:roles';
export const KIOSK_KEY = 'auth:kiosk';

/** The route needs no token (a token, when sent, is still read). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these user roles may call the route; others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A kiosk route: only a kiosk token (acting for its own fair) is accepted. */
export const KioskOnly = () => SetMetadata(KIOSK_KEY, true);

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal | undefined =>
    ctx.switchToHttp().getRequest<FastifyRequest>().principal,
);

export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): UserPrincipal =>
    ctx.switchToHttp().getRequest<FastifyRequest>().principal as UserPrincipal,
);

export const CurrentKiosk = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): KioskPrincipal =>
    ctx.switchToHttp().getRequest<FastifyRequest>().principal as KioskPrincipal,
);
