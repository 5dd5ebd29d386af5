/**
 * Submissions that the server has not confirmed yet, kept in localStorage so that bad Wi-Fi, a reload
 * or a crash loses nothing. Each keeps the Idempotency-Key it was created with: a retry of a request
 * that did reach the server replays the first answer instead of applying twice. Sent through the
 * typed client, so the stored body is the API's own KioskSubmissionDto.
 */
import { Schemas, call, createApi } from '../api/client';
import { ApiError, NetworkError } from '../api/errors';

export type ApplicationBody = Schemas['KioskSubmissionDto'];
export type ApplicationResult = Schemas['KioskSubmissionResultDto'];
export type GrievanceBody = Schemas['CreateGrievanceDto'];
export type GrievanceResult = Schemas['GrievanceDto'];

/** A stored submission: applications (items stored before grievances existed carry no `type`), or a grievance. */
export type PendingSubmission = { key: string; createdAt: string; attempts: number } & (
  { type?: 'application'; body: ApplicationBody } | { type: 'grievance'; body: GrievanceBody }
);

export type SubmitOutcome =
  | { kind: 'sent'; key: string; result: ApplicationResult }
  | { kind: 'filed'; key: string; grievance: GrievanceResult }
  | { kind: 'refused'; key: string; error: ApiError }
  | { kind: 'waiting'; key: string };

const STORE = 'jobfair.kiosk.outbox';

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

export class KioskOutbox {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing = false;
  private readonly api;

  constructor(
    token: () => string | null,
    private readonly onOutcome: (outcome: SubmitOutcome) => void,
  ) {
    this.api = createApi(token, 15_000);
    window.addEventListener('online', () => void this.flush());
  }

  pending(): PendingSubmission[] {
    return load();
  }

  /** Stores the submission first, then tries to send it. */
  async submit(key: string, body: ApplicationBody): Promise<void> {
    const items = load().filter((i) => i.key !== key);
    items.push({ key, body, createdAt: new Date().toISOString(), attempts: 0 });
    save(items);
    await this.flush();
  }

  /** A "report a problem" from the kiosk: stored and retried with its key like an application. */
  async submitGrievance(key: string, body: GrievanceBody): Promise<void> {
    const items = load().filter((i) => i.key !== key);
    items.push({ key, type: 'grievance', body, createdAt: new Date().toISOString(), attempts: 0 });
    save(items);
    await this.flush();
  }

  /** Tries every stored submission once, oldest first; schedules the next round if any remain. */
  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    clearTimeout(this.timer);
    try {
      for (const item of load()) {
        const outcome = await this.sendOne(item);
        this.onOutcome(outcome);
      }
    } finally {
      this.flushing = false;
    }
    const left = load();
    if (left.length) {
      const attempts = Math.max(...left.map((i) => i.attempts));
      const delay = Math.min(15_000, 1_000 * 2 ** Math.min(attempts, 4));
      this.timer = setTimeout(() => void this.flush(), delay);
    }
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
        this.remove(item.key);
        return { kind: 'filed', key: item.key, grievance };
      }
      const result = await call(
        this.api.POST('/v1/kiosk/applications', {
          body: item.body,
          params: { header: { 'Idempotency-Key': item.key } },
        }),
      );
      this.remove(item.key);
      return { kind: 'sent', key: item.key, result };
    } catch (error) {
      if (retryable(error)) {
        save(load().map((i) => (i.key === item.key ? { ...i, attempts: i.attempts + 1 } : i)));
        return { kind: 'waiting', key: item.key };
      }
      this.remove(item.key);
      return { kind: 'refused', key: item.key, error: error as ApiError };
    }
  }

  private remove(key: string): void {
    save(load().filter((i) => i.key !== key));
  }
}
