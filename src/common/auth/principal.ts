export type Role = 'admin' | 'staff' | 'employer' | 'migrant' | 'legal_adviser';
export const ROLES: Role[] = ['admin', 'staff', 'employer', 'migrant', 'legal_adviser'];

export interface UserPrincipal {
  kind: 'user';
  userId: string;
  role: Role;
  employerId: string | null;
  migrantId: string | null;
}

export interface KioskPrincipal {
  kind: 'kiosk';
  kioskId: string;
  fairId: string;
}

export type Principal = UserPrincipal | KioskPrincipal;

export function isStaff(principal: Principal | undefined): boolean {
  return principal?.kind === 'user' && (principal.role === 'staff' || principal.role === 'admin');
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    /** The verification status of an employer principal's company, read by the AuthGuard. */
    employerStatus?: string;
  }
}
