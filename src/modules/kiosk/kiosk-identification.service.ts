import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomInt } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { KioskPrincipal } from 'src/common/auth/principal';
import { AccessCodeHasher } from 'src/common/crypto/access-code-hasher';
import { DomainError, ErrorCode, ValidationError } from 'src/common/errors/domain-error';
import { RateLimits } from 'src/common/http/rate-limits';
import { normalizePhone } from 'src/common/validation/phone';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { preparedQuery } from 'src/database/prepared-query';
import { inTransaction } from 'src/database/transaction';
import { NotificationsService } from 'src/modules/notifications/notifications.service';

/** How long a code sent by SMS works, and how many wrong tries it takes. */
export const IDENTIFICATION_CODE_MINUTES = 10;
export const IDENTIFICATION_CODE_ATTEMPTS = 5;

/** What a returning visitor shows at a kiosk: their access code, or the code the kiosk had texted them. */
export interface IdentityProof {
  accessCode?: string;
  identificationId?: string;
  code?: string;
}

export type ProofKind = 'access_code' | 'sms_code';

/**
 * A returning visitor proves who they are at a kiosk before it acts in their name: with the access code from an
 * earlier visit, or with a one-time code sent by SMS to the phone on their profile. A phone and a birth date are no
 * proof (both are easy to know). Attempts are limited per phone, failures per kiosk; every failure is on the audit
 * trail (without the phone) and counted for the fair's staff.
 */
@Injectable()
export class KioskIdentificationService {
  private readonly phoneKey: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly accessCodes: AccessCodeHasher,
    private readonly notifications: NotificationsService,
    private readonly limits: RateLimits,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.phoneKey = createHmac('sha256', config.jwtSecret).update('kiosk-identification-phone').digest();
  }

  /**
   * Texts a one-time code to the phone when it is a person's login. The answer is the same whether or not it is,
   * so that a kiosk cannot learn who is registered.
   */
  async request(
    kiosk: KioskPrincipal,
    phoneInput: string,
  ): Promise<{ identificationId: string; expiresAt: string }> {
    const phone = this.phone(phoneInput, 'phone');
    const phoneHash = this.phoneHash(phone);
    await this.limits.check(
      'identifyFailuresPerKiosk',
      kiosk.kioskId,
      'failed identifications at this kiosk',
    );
    await this.limits.hit('identificationCodesPerPhone', phoneHash, 'codes sent to this phone');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(Date.now() + IDENTIFICATION_CODE_MINUTES * 60_000);
    return inTransaction(this.dataSource, async (manager) => {
      const [person] = await preparedQuery<{
        user_id: string;
        migrant_id: string;
        preferred_language: string;
      }>(
        manager,
        `SELECT u.id AS user_id, u.migrant_id, u.preferred_language
           FROM users u JOIN migrants m ON m.id = u.migrant_id AND m.status = 'active'
          WHERE u.phone = $1 AND NOT u.disabled`,
        [phone],
      );
      const [row] = await preparedQuery<{ id: string }>(
        manager,
        `INSERT INTO kiosk_identifications (kiosk_id, fair_id, phone_hash, migrant_id, code_hash, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          kiosk.kioskId,
          kiosk.fairId,
          phoneHash,
          person?.migrant_id ?? null,
          person ? this.accessCodes.hash(code) : null,
          expiresAt,
        ],
      );
      if (person) {
        await this.notifications.enqueueMany(manager, [
          {
            recipientUserId: person.user_id,
            channel: 'sms',
            address: phone,
            template: 'kiosk_identification_code',
            locale: person.preferred_language,
            payload: { code, minutes: String(IDENTIFICATION_CODE_MINUTES) },
            dedupeKey: `kiosk-identification:${row.id}`,
          },
        ]);
      }
      return { identificationId: row.id, expiresAt: expiresAt.toISOString() };
    });
  }

  /**
   * The person the proof identifies for this phone; otherwise the failure is counted and audited and the answer is
   * 422 (429 once the phone or the kiosk is over its limit).
   */
  async prove(
    kiosk: KioskPrincipal,
    phone: string,
    proof: IdentityProof,
    field = 'identification',
  ): Promise<{ migrantId: string; via: ProofKind }> {
    const byAccessCode = !!proof.accessCode;
    const byCode = !!proof.identificationId || !!proof.code;
    if (byAccessCode === byCode || (byCode && !(proof.identificationId && proof.code))) {
      throw ValidationError.field(field, 'send either accessCode, or identificationId with code');
    }
    const phoneHash = this.phoneHash(phone);
    await this.limits.check(
      'identifyFailuresPerKiosk',
      kiosk.kioskId,
      'failed identifications at this kiosk',
    );
    await this.limits.hit('identifyPerPhone', phoneHash, 'identification attempts for this phone');
    const migrantId = byAccessCode
      ? await this.byAccessCode(phone, proof.accessCode!)
      : await this.byCode(kiosk, phoneHash, proof.identificationId!, proof.code!);
    if (!migrantId) {
      await this.recordFailure(kiosk, byAccessCode ? 'access_code' : 'sms_code');
      throw new DomainError(
        ErrorCode.IdentificationFailed,
        byAccessCode
          ? 'The access code does not match this phone'
          : 'The code is wrong, used or expired: ask for a new one, or go to the staff desk',
        { field },
      );
    }
    return { migrantId, via: byAccessCode ? 'access_code' : 'sms_code' };
  }

  /** A known phone and birth date typed without proof: audited, and shown to staff beside the failures. */
  async recordUnconfirmed(manager: EntityManager, kiosk: KioskPrincipal): Promise<void> {
    await this.audit(manager, kiosk, 'kiosk.identity_unconfirmed', 'no_proof');
  }

  private async recordFailure(kiosk: KioskPrincipal, reason: ProofKind): Promise<void> {
    await this.audit(this.dataSource.manager, kiosk, 'kiosk.identification_failed', reason);
    await this.limits.hit('identifyFailuresPerKiosk', kiosk.kioskId, 'failed identifications at this kiosk');
  }

  private async audit(manager: EntityManager, kiosk: KioskPrincipal, action: string, reason: string) {
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, subject_type, subject_id, reason, details)
       VALUES ($1, 'kiosk', $2, 'kiosk', $1, $3, $4)`,
      [kiosk.kioskId, action, reason, { fairId: kiosk.fairId }],
    );
  }

  private async byAccessCode(phone: string, code: string): Promise<string | undefined> {
    const [user] = await preparedQuery<{ migrant_id: string; access_code_hash: string | null }>(
      this.dataSource,
      `SELECT u.migrant_id, u.access_code_hash
         FROM users u JOIN migrants m ON m.id = u.migrant_id AND m.status = 'active'
        WHERE u.phone = $1 AND NOT u.disabled`,
      [phone],
    );
    return user && this.accessCodes.verify(code, user.access_code_hash) ? user.migrant_id : undefined;
  }

  /** One attempt more, counted atomically; the code works once, at the kiosk that asked for it, before it expires. */
  private async byCode(
    kiosk: KioskPrincipal,
    phoneHash: string,
    identificationId: string,
    code: string,
  ): Promise<string | undefined> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(identificationId))
      return undefined;
    const [row] = await preparedQuery<{ migrant_id: string | null; code_hash: string | null }>(
      this.dataSource,
      `UPDATE kiosk_identifications SET attempts = attempts + 1
        WHERE id = $1 AND kiosk_id = $2 AND phone_hash = $3 AND used_at IS NULL AND expires_at > now()
          AND attempts < $4
        RETURNING migrant_id, code_hash`,
      [identificationId, kiosk.kioskId, phoneHash, IDENTIFICATION_CODE_ATTEMPTS],
    );
    if (!row?.migrant_id || !this.accessCodes.verify(code, row.code_hash)) return undefined;
    const [used] = await preparedQuery(
      this.dataSource,
      `UPDATE kiosk_identifications SET used_at = now() WHERE id = $1 AND used_at IS NULL RETURNING id`,
      [identificationId],
    );
    return used ? row.migrant_id : undefined;
  }

  hashAccessCode(code: string): string {
    return this.accessCodes.hash(code);
  }

  phone(input: string, field: string): string {
    const phone = normalizePhone(input);
    if (!phone) throw ValidationError.field(field, 'must be a valid phone number');
    return phone;
  }

  private phoneHash(phone: string): string {
    return createHmac('sha256', this.phoneKey).update(phone).digest('base64url');
  }
}
