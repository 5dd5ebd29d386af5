/** What the kiosk asks the server: its fair, the trades, the fair's vacancies and eligibility. */
import { call, createApi } from '../api/client';
import { ApiError, NetworkError } from '../api/errors';
import { describeError } from '../shared/Problem';
import {
  CONSENT_VERSION,
  TOKEN_KEY,
  birthDate,
  eligibility,
  error,
  fair,
  identification,
  lang,
  normalisedPhone,
  occupations,
  pairing,
  person,
  rankedIds,
  screen,
  selected,
  token,
  tr,
  vacancies,
} from './state';
import type { Eligibility } from './state';
import type { ApplicationBody } from './outbox';

export const api = createApi(token);

/** Runs an action; its failure becomes the screen's error line instead of an exception. */
export async function guarded(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (e) {
    error.value = describeError(e, tr('offline'));
  }
}

/** Reads the paired fair; a refused token unpairs the kiosk, an unreachable server retries later. */
export async function loadFair(): Promise<boolean> {
  try {
    fair.value = await call(api.GET('/v1/kiosk/fair'));
    return true;
  } catch (e) {
    fair.value = null;
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      localStorage.removeItem(TOKEN_KEY);
      pairing.value = { message: 'pairFailed' };
    } else {
      pairing.value = { message: e instanceof NetworkError || e instanceof ApiError ? 'offline' : null };
      if (!(e instanceof ApiError) || e.status >= 500) throw e;
    }
    return false;
  }
}

export async function loadOccupations(): Promise<void> {
  const page = await call(
    api.GET('/v1/reference/occupations', { params: { query: { lang: lang.value, pageSize: 100 } } }),
  );
  occupations.value = page.items;
}

/** The fair's vacancies in the chosen language, and the server's ranking of them for the trade. */
export async function loadVacancies(): Promise<void> {
  const current = fair.value;
  if (!current) return;
  const list = await call(api.GET('/v1/kiosk/vacancies', { params: { query: { lang: lang.value } } }));
  vacancies.value = list.items;
  const trade = occupations.value.find((o) => o.code === person.value.trade);
  if (!trade) {
    rankedIds.value = [];
    return;
  }
  const ranked = await call(
    api.GET('/v1/vacancies', {
      params: { query: { q: trade.label, fairId: current.id, lang: lang.value, pageSize: 100 } },
    }),
  );
  rankedIds.value = ranked.items.map((v) => v.id);
}

/** One eligibility check per chosen vacancy, each shown as it arrives. */
export async function checkEligibility(): Promise<void> {
  const p = person.value;
  const chosen = vacancies.value.filter((v) => selected.value.includes(v.id));
  eligibility.value = {};
  await Promise.all(
    chosen.map(async (v) => {
      let result: Eligibility | 'error';
      try {
        result = await call(
          api.POST('/v1/eligibility/check', {
            params: { query: { lang: lang.value } },
            body: {
              hostCountry: v.region.code.slice(0, 2),
              workRegion: v.region.code,
              citizenship: p.citizenship,
              birthDate: birthDate(p),
              startDate: v.startDate,
              occupationCode: v.occupation.code,
              ...(v.salary.period === 'month'
                ? { monthlySalary: { amount: v.salary.min, currency: v.salary.currency } }
                : {}),
            },
          }),
        );
      } catch {
        result = 'error';
      }
      eligibility.value = { ...eligibility.value, [v.id]: result };
    }),
  );
}

/** After a language change, the screen on show is fetched again in the new language. */
export async function reloadForLanguage(): Promise<void> {
  await loadOccupations();
  if (screen.value === 'vacancies') await loadVacancies();
  if (screen.value === 'review') {
    await loadVacancies();
    await checkEligibility();
  }
}

/** The proof a returning visitor gave, as the submission carries it. */
function proof(): ApplicationBody['identification'] {
  const i = identification.value;
  if (!i.returning) return undefined;
  if (i.identificationId && i.code) return { identificationId: i.identificationId, code: i.code };
  if (i.accessCode.trim()) return { accessCode: i.accessCode.trim().toUpperCase() };
  return undefined;
}

/** Asks the server to text a one-time code to the phone on the person's profile (it never says whether it did). */
export async function requestSmsCode(): Promise<void> {
  await guarded(async () => {
    const sent = await call(api.POST('/v1/kiosk/identifications', { body: { phone: normalisedPhone() } }));
    identification.value = { ...identification.value, identificationId: sent.identificationId, code: '' };
  });
}

export function applicationBody(): ApplicationBody {
  const p = person.value;
  const identity = proof();
  return {
    ...(identity ? { identification: identity } : {}),
    migrant: {
      fullName: p.fullName.trim(),
      gender: p.gender || 'unspecified',
      citizenship: p.citizenship,
      birthDate: birthDate(p),
      phone: normalisedPhone(p),
      preferredLanguage: lang.value,
      ...(p.trade ? { occupations: [{ code: p.trade, years: 0 }] } : {}),
      consent: {
        dataProcessing: true,
        visibleToEmployers: Boolean(p.visibleToEmployers),
        version: CONSENT_VERSION,
      },
    },
    vacancyIds: [...selected.value],
  };
}
