import { differentClocks, interviewZones, localIso } from 'src/modules/interviews/interview-zones';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';

const catalog = ReferenceCatalog.load();
const KHUJAND = { timeZone: 'Asia/Dushanbe', region: 'TJ-SU' };
const MOSCOW_FAIR = { timeZone: 'Europe/Moscow', region: 'RU-MOW' };

describe('interview time zones', () => {
  it('writes an instant as the zone’s wall clock with its offset', () => {
    const at = new Date('2027-03-15T07:00:00Z');
    expect(localIso(at, 'Europe/Moscow')).toBe('2027-03-15T10:00:00+03:00');
    expect(localIso(at, 'Asia/Dushanbe')).toBe('2027-03-15T12:00:00+05:00');
    expect(localIso(at, 'Asia/Bishkek')).toBe('2027-03-15T13:00:00+06:00');
    expect(differentClocks(at, 'Europe/Moscow', 'Asia/Dushanbe')).toBe(true);
    // Two names of one clock are not two clocks.
    expect(differentClocks(at, 'Asia/Tashkent', 'Asia/Samarkand')).toBe(false);
  });

  it('gives a remote interview the employer’s region and the candidate’s fair abroad', () => {
    const zones = interviewZones(
      { mode: 'video', employerRegion: 'RU-MOW', slotFair: null, candidateFair: KHUJAND },
      catalog,
    );
    expect(zones).toEqual({ employer: { timeZone: 'Europe/Moscow', region: 'RU-MOW' }, candidate: KHUJAND });
  });

  it('gives an interview in person one place for both, the fair when there is one', () => {
    const atFair = interviewZones(
      { mode: 'in_person', employerRegion: 'RU-MOS', slotFair: MOSCOW_FAIR, candidateFair: KHUJAND },
      catalog,
    );
    expect(atFair).toEqual({ employer: MOSCOW_FAIR, candidate: MOSCOW_FAIR });
    const onSite = interviewZones(
      { mode: 'in_person', employerRegion: 'KZ-75', slotFair: null, candidateFair: KHUJAND },
      catalog,
    );
    expect(onSite.candidate).toEqual(onSite.employer);
    expect(onSite.employer.region).toBe('KZ-75');
  });

  it('falls back to the slot’s fair, then to the employer, for a remote candidate of no fair', () => {
    expect(
      interviewZones(
        { mode: 'phone', employerRegion: 'RU-MOW', slotFair: KHUJAND, candidateFair: null },
        catalog,
      ).candidate,
    ).toEqual(KHUJAND);
    expect(
      interviewZones(
        { mode: 'phone', employerRegion: 'RU-MOW', slotFair: null, candidateFair: null },
        catalog,
      ).candidate.timeZone,
    ).toBe('Europe/Moscow');
  });
});
