import { Injectable } from '@nestjs/common';
import { KIOSK_REPORT_DAYS, KioskTokenResolver } from 'src/common/auth/kiosk-token';
import { KioskPrincipal } from 'src/common/auth/principal';
import { FairRepository } from 'src/modules/fairs/fair.repository';

/**
 * A kiosk token works while not revoked, for a fair not cancelled, from a day before it opens to a day after;
 * routes marked @KioskAfterFair take it KIOSK_REPORT_DAYS longer.
 */
@Injectable()
export class FairKioskTokenResolver implements KioskTokenResolver {
  constructor(private readonly fairs: FairRepository) {}

  async resolve(tokenHash: string, now: Date, afterFair = false): Promise<KioskPrincipal | undefined> {
    const kiosk = await this.fairs.findActiveKiosk(tokenHash, now, afterFair ? KIOSK_REPORT_DAYS : 0);
    return kiosk ? { kind: 'kiosk', kioskId: kiosk.kioskId, fairId: kiosk.fairId } : undefined;
  }
}
