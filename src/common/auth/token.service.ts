import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { ROLES, Role, UserPrincipal } from 'src/common/auth/principal';

interface Claims {
  sub: string;
  role: Role;
  emp?: string;
  mig?: string;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issue(user: { id: string; role: Role; employerId: string | null; migrantId: string | null }) {
    const claims: Claims = { sub: user.id, role: user.role };
    if (user.employerId) claims.emp = user.employerId;
    if (user.migrantId) claims.mig = user.migrantId;
    const accessToken = this.jwt.sign(claims);
    return { accessToken, tokenType: 'Bearer' as const, expiresIn: this.config.jwtTtlSeconds };
  }

  async verify(token: string): Promise<UserPrincipal | undefined> {
    try {
      const claims = await this.jwt.verifyAsync<Claims>(token);
      if (!ROLES.includes(claims.role)) return undefined;
      return {
        kind: 'user',
        userId: claims.sub,
        role: claims.role,
        employerId: claims.emp ?? null,
        migrantId: claims.mig ?? null,
      };
    } catch {
      return undefined;
    }
  }
}
