/**
 * CPU time spent by this process and by the local PostgreSQL server's processes over a stretch of a benchmark.
 * PostgreSQL's share is read from /proc (Linux, server on this machine; otherwise it is null): every process
 * named `postgres` is sampled every 200 ms, so a backend that exits during the stretch (pgbench's sessions at
 * its end) still counts up to its last sample.
 */
import { readdir, readFile } from 'node:fs/promises';

// USER_HZ: the unit of utime/stime in /proc/<pid>/stat, 100 on every Linux architecture Node runs on.
const TICKS_PER_SECOND = 100;
const SAMPLE_MS = 200;

export interface CpuReading {
  seconds: number;
  /** CPU seconds of this Node process (all its threads: the app, the load generator, the GC). */
  process: number;
  /** CPU seconds of the PostgreSQL server's processes, or null where /proc does not show them. */
  postgres: number | null;
}

async function postgresTicks(): Promise<Map<string, number> | null> {
  let pids: string[];
  try {
    pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const ticks = new Map<string, number>();
  await Promise.all(
    pids.map(async (pid) => {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
      const open = stat.indexOf('(');
      const close = stat.lastIndexOf(')');
      if (open < 0 || stat.slice(open + 1, close) !== 'postgres') return;
      // After "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
      const fields = stat.slice(close + 2).split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    }),
  );
  return ticks;
}

/** Starts measuring; `stop()` answers the CPU seconds spent since. */
export async function startCpuMeter(): Promise<{ stop: () => Promise<CpuReading> }> {
  const started = process.hrtime.bigint();
  const usage = process.cpuUsage();
  const first = await postgresTicks();
  const last = new Map(first ?? []);
  const sample = async () => {
    const now = await postgresTicks();
    for (const [pid, t] of now ?? []) last.set(pid, t);
  };
  let pending: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    pending = pending.then(sample);
  }, SAMPLE_MS);
  return {
    stop: async () => {
      clearInterval(timer);
      await pending;
      await sample();
      const spent = process.cpuUsage(usage);
      let ticks = 0;
      for (const [pid, t] of last) ticks += t - (first?.get(pid) ?? 0);
      return {
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        process: (spent.user + spent.system) / 1e6,
        postgres: first ? ticks / TICKS_PER_SECOND : null,
      };
    },
  };
}
