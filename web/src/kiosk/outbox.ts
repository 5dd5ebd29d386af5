/**
 * Submissions that the server has not confirmed yet, kept in localStorage so that bad Wi-Fi, a reload
 * or a crash loses nothing. Each keeps the Idempotency-Key it was created with: a retry of a request
 * that did reach the server replays the first answer instead of applying twice. Sent through the
 * typed client, so the stored body is the API's own KioskSubmissionDto.
 *
 * A refusal that arrives after the person has left the kiosk (a late 4xx on a replay) is never dropped:
 * the submission is held and handed over to the fair's staff (`POST /v1/kiosk/held-submissions`), who call
 * the person back. A 401 (the kiosk's token revoked, or its fair long over) holds it on the device until
 * staff pair the kiosk with its fair again. Nothing personal stays past its expiry: a week after the fair.
 */
import { Schemas, call, createApi } from '../api/client';
import { ApiError, NetworkError } from '../api/errors';

export type ApplicationBody = Schemas['KioskSubmissionDto'];
export type ApplicationResult = Schemas['KioskSubmissionResultDto'];
export type Refusal = Schemas['KioskRefusalDto'];
export type GrievanceBody = Schemas['KioskGrievanceInputDto'];
export type GrievanceResult = Schemas['KioskGrievanceResultDto'];

/** A stored submission: an application (items stored before grievances existed carry no `type`), or a grievance. */
export type PendingSubmission = Stored &
  ({ type?: 'application'; body: ApplicationBody } | { type: 'grievance'; body: GrievanceBody });

interface Stored {
  key: string;
  createdAt: string;
  attempts: number;
  /** The fair it was made at: it is only ever sent with that fair's token. */
  fairId?: string;
  /** When the browser forgets it, sent or not. */
  expiresAt?: string;
  /** The server refused it when nobody was at the screen to see it; it waits to be handed to staff. */
  held?: Refusal;
  /** Not even the hand-over is accepted (401): it stays here until staff pair the kiosk with its fair again. */
  stuck?: boolean;
}

export type SubmitOutcome =
  | { kind: 'sent'; key: string; result: ApplicationResult }
  | { kind: 'filed'; key: string; grievance: GrievanceResult }
  | { kind: 'refused'; key: string; error: ApiError }
  | { kind: 'waiting'; key: string };

const STORE = 'jobfair.kiosk.outbox';
/** Days after the fair ends that the device keeps what it could not send (the server takes reports as long). */
export const KEEP_DAYS_AFTER_FAIR = 7;

function load(): PendingSubmission[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORE) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as PendingSubmission[]) : [];
  } catch {
    return [];
  }
}

function save(items: PendingSubmission[]): void {
  localStorage.setItem(STORE, JSON.stringify(items));
}

/** Server answers worth retrying with the same key; anything else is final. */
function retryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof ApiError) {
    if (error.status >= 500 || error.status === 408 || error.status === 429) return true;
    // The first attempt with this key is still being processed on the server.
    if (error.status === 409 && /idempotency/i.test(String(error.problem.type ?? ''))) return true;
  }
  return false;
}

function refusalOf(error: ApiError): Refusal {
  const p = error.problem;
  return {
    status: error.status,
    type: String(p.type ?? 'about:blank').slice(0, 200),
    title: String(p.title ?? `HTTP ${error.status}`).slice(0, 300),
    ...(p.detail ? { detail: String(p.detail).slice(0, 2000) } : {}),
  };
}

export class KioskOutbox {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing = false;
  private readonly api;

  constructor(
    token: () => string | null,
    private readonly onOutcome: (outcome: SubmitOutcome) => void,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.api = createApi(token, 15_000);
    window.addEventListener('online', () => void this.flush());
  }

  /** Everything not sent yet, the held ones included. */
  pending(): PendingSubmission[] {
    return this.live();
  }

  /** Submissions refused after the person left, that staff have not received yet. */
  held(): PendingSubmission[] {
    return this.live().filter((i) => i.held || i.stuck);
  }

  /** Stores the submission first, then tries to send it. */
  async submit(key: string, body: ApplicationBody, fair?: { id: string; endsAt: string }): Promise<void> {
    this.store({ key, type: 'application', body, ...this.stamp(fair) });
    await this.flush();
  }

  /** A "report a problem" from the kiosk: stored and retried with its key like an application. */
  async submitGrievance(
    key: string,
    body: GrievanceBody,
    fair?: { id: string; endsAt: string },
  ): Promise<void> {
    this.store({ key, type: 'grievance', body, ...this.stamp(fair) });
    await this.flush();
  }

  private stamp(fair?: { id: string; endsAt: string }): Omit<Stored, 'key'> {
    const expires = fair ? new Date(fair.endsAt) : this.now();
    expires.setUTCDate(expires.getUTCDate() + KEEP_DAYS_AFTER_FAIR);
    return {
      createdAt: this.now().toISOString(),
      attempts: 0,
      fairId: fair?.id,
      expiresAt: expires.toISOString(),
    };
  }

  private store(item: PendingSubmission): void {
    save([...this.live().filter((i) => i.key !== item.key), item]);
  }

  /** The person at the screen saw the refusal and will correct it: the refused submission is theirs to redo. */
  discard(key: string): void {
    save(load().filter((i) => i.key !== key));
  }

  /**
   * The kiosk is paired (again) with this fair: what the old token could not hand over goes now, and a
   * submission refused only for the token (401) is sent once more as an application.
   */
  release(fairId: string): void {
    save(
      this.live().map((i) => {
        if (!i.stuck || (i.fairId && i.fairId !== fairId)) return i;
        return { ...i, stuck: false, attempts: 0, held: i.held?.status === 401 ? undefined : i.held };
      }),
    );
  }

  /** Tries every stored submission once, oldest first; schedules the next round if any remain. */
  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    clearTimeout(this.timer);
    try {
      for (const item of this.live()) {
        if (item.held || item.stuck) continue;
        const outcome = await this.sendOne(item);
        this.onOutcome(outcome);
      }
      // Those refused just now stay unless the person at the screen took theirs back (discard).
      for (const item of this.live()) if (item.held && !item.stuck) await this.handOver(item);
    } finally {
      this.flushing = false;
    }
    const left = this.live().filter((i) => !i.stuck);
    if (left.length) {
      const attempts = Math.max(...left.map((i) => i.attempts));
      const delay = Math.min(15_000, 1_000 * 2 ** Math.min(attempts, 4));
      this.timer = setTimeout(() => void this.flush(), delay);
    }
  }

  /** The stored items, with those past their expiry forgotten. */
  private live(): PendingSubmission[] {
    const all = load();
    const now = this.now().getTime();
    const kept = all.filter((i) => !i.expiresAt || new Date(i.expiresAt).getTime() > now);
    if (kept.length !== all.length) save(kept);
    return kept;
  }

  private update(key: string, change: (i: PendingSubmission) => PendingSubmission): void {
    save(load().map((i) => (i.key === key ? change(i) : i)));
  }

  private async sendOne(item: PendingSubmission): Promise<SubmitOutcome> {
    try {
      if (item.type === 'grievance') {
        const grievance = await call(
          this.api.POST('/v1/kiosk/grievances', {
            body: item.body,
            params: { header: { 'Idempotency-Key': item.key } },
          }),
        );
        this.discard(item.key);
        return { kind: 'filed', key: item.key, grievance };
      }
      const result = await call(
        this.api.POST('/v1/kiosk/applications', {
          body: item.body,
          params: { header: { 'Idempotency-Key': item.key } },
        }),
      );
      this.discard(item.key);
      return { kind: 'sent', key: item.key, result };
    } catch (error) {
      if (retryable(error)) {
        this.update(item.key, (i) => ({ ...i, attempts: i.attempts + 1 }));
        return { kind: 'waiting', key: item.key };
      }
      const refused =
        error instanceof ApiError ? error : new ApiError(400, { status: 400, title: String(error) });
      this.update(item.key, (i) => ({ ...i, held: refusalOf(refused), attempts: 0 }));
      return { kind: 'refused', key: item.key, error: refused };
    }
  }

  /** Gives a held submission to the fair's staff; it leaves the device once the server has it. */
  private async handOver(item: PendingSubmission): Promise<void> {
    try {
      await call(
        this.api.POST('/v1/kiosk/held-submissions', {
          body: {
            idempotencyKey: item.key,
            submittedAt: item.createdAt,
            submission: {
              ...(item.type === 'grievance' ? { type: 'grievance' } : {}),
              ...item.body,
            } as unknown as Record<string, never>,
            refusal: item.held!,
          },
        }),
      );
      this.discard(item.key);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.update(item.key, (i) => ({ ...i, stuck: true }));
      } else {
        this.update(item.key, (i) => ({ ...i, attempts: i.attempts + 1 }));
      }
    }
  }
}
