import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { KioskPrincipal, Principal, Role, UserPrincipal } from 'src/common/auth/principal';

export const PUBLIC_KEY = 'auth:public';
export const ROLES_KEY = 'auth:roles';
export const KIOSK_KEY = 'auth:kiosk';
export const OPEN_TO_UNVERIFIED_KEY = 'auth:open-to-unverified-employers';
export const KIOSK_AFTER_FAIR_KEY = 'auth:kiosk-after-fair';

/** The route needs no token (a token, when sent, is still read). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these user roles may call the route; others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * An employer that staff have not verified (pending, rejected or suspended) may still call this route: its own
 * account, its company's details and its draft vacancies. Every other route refuses such an employer (403), so a
 * new route reaches jobseekers only for verified employers unless it says otherwise here.
 */
export const OpenToUnverifiedEmployers = () => SetMetadata(OPEN_TO_UNVERIFIED_KEY, true);

/** A kiosk route: only a kiosk token (acting for its own fair) is accepted. */
export const KioskOnly = () => SetMetadata(KIOSK_KEY, true);

/**
 * A kiosk route that still takes the kiosk's token for `KIOSK_REPORT_DAYS` after its fair (and its day of grace)
 * ended: a kiosk that comes back online after the fair can still hand over what it holds. Only for routes that
 * hand data to staff, never for ones that act for a person.
 */
export const KioskAfterFair = () => SetMetadata(KIOSK_AFTER_FAIR_KEY, true);

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
