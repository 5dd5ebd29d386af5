import { Injectable } from '@nestjs/common';

export interface HealthCheck {
  name: string;
  /** A critical component down makes the instance not ready (503). */
  critical: boolean;
  check: () => Promise<string | void>;
}

export interface ComponentStatus {
  status: 'up' | 'down';
  critical: boolean;
  latencyMs: number;
  detail?: string;
}

const TIMEOUT_MS = 2000;

@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  register(check: HealthCheck): void {
    this.checks.set(check.name, check);
  }

  async run(): Promise<{ ready: boolean; components: Record<string, ComponentStatus> }> {
    const entries = await Promise.all(
      [...this.checks.values()].map(async (c): Promise<[string, ComponentStatus]> => {
        const started = Date.now();
        try {
          const detail = await Promise.race([
            c.check(),
            new Promise<never>((_, reject) =>
              setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS).unref(),
            ),
          ]);
          return [
            c.name,
            {
              status: 'up',
              critical: c.critical,
              latencyMs: Date.now() - started,
              ...(detail ? { detail } : {}),
            },
          ];
        } catch (error) {
          return [
            c.name,
            {
              status: 'down',
              critical: c.critical,
              latencyMs: Date.now() - started,
              detail: (error as Error).message,
            },
          ];
        }
      }),
    );
    const components = Object.fromEntries(entries);
    const ready = entries.every(([, s]) => s.status === 'up' || !s.critical);
    return { ready, components };
  }
}
