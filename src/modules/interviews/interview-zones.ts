/**
 * Where each side of an interview is, and so the clock each reads. An interview in person has one place (the
 * fair, or the employer's site); a remote one joins two: the employer in its region, the candidate at the fair
 * where they applied (a fair abroad, e.g. Khujand) or, failing that, the fair they registered at.
 */
import type { SlotMode } from 'src/modules/interviews/interview.entity';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';

export const DEFAULT_TIMEZONE = 'Europe/Moscow';

export interface PlaceClock {
  /** IANA zone, e.g. `Europe/Moscow`, `Asia/Dushanbe`. */
  timeZone: string;
  /** ISO 3166-2 code of the region whose clock it is. */
  region: string | null;
}

/** What the zones of an interview are computed from; the repository reads it with the interview. */
export interface ZoneFacts {
  mode: SlotMode;
  employerRegion: string | null;
  slotFair: PlaceClock | null;
  candidateFair: PlaceClock | null;
}

export interface InterviewZones {
  employer: PlaceClock;
  candidate: PlaceClock;
}

export function isRemote(mode: SlotMode): boolean {
  return mode === 'video' || mode === 'phone';
}

export function interviewZones(facts: ZoneFacts, catalog: ReferenceCatalog): InterviewZones {
  const employerHome: PlaceClock = {
    timeZone: (facts.employerRegion && catalog.region(facts.employerRegion)?.timezone) || DEFAULT_TIMEZONE,
    region: facts.employerRegion,
  };
  if (!isRemote(facts.mode)) {
    const place = facts.slotFair ?? employerHome;
    return { employer: place, candidate: place };
  }
  return { employer: employerHome, candidate: facts.candidateFair ?? facts.slotFair ?? employerHome };
}

/** `2027-03-15T12:00:00+05:00`: the instant as a wall clock of the zone, with its offset. */
export function localIso(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  const offsetMin = Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** Whether two zones show a different wall clock at this instant. */
export function differentClocks(date: Date, a: string, b: string): boolean {
  return a !== b && localIso(date, a) !== localIso(date, b);
}
