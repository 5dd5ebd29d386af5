import { AppConfig, legalHelpPhoneFor } from 'src/config/config';

/**
 * Where a message sends its reader: a page of one of the four faces that shows the object to its owner after
 * sign-in. Messages store these paths (relative to the service's public address) in their payload under a
 * `…Url` key; they are made absolute with `PUBLIC_BASE_URL` when the message is rendered, so a queued message
 * follows a change of address, and the API's own paths (`/v1/…`) never reach a person.
 *
 * The faces read the fragment after sign-in (web/src/<face>/state.ts, `readHash`):
 * - jobseeker, `/`: `#login`, `#applications/<id>`, `#interviews/<id>`, `#grievances/<id>`,
 *   `#consultations/<id>`, `#plan`;
 * - employer, `/employer/`: `#applications/<id>`, `#interviews/<id>`, `#obligations`, `#grievances/<id>`;
 * - staff, `/staff/`: `#grievances/<id>`, `#obligations`.
 */
export const pageLinks = {
  migrantLogin: (phone?: string | null) => (phone ? `/#login?phone=${encodeURIComponent(phone)}` : '/#login'),
  migrantApplication: (id: string) => `/#applications/${id}`,
  migrantInterview: (id: string) => `/#interviews/${id}`,
  migrantGrievance: (id: string) => `/#grievances/${id}`,
  migrantConsultation: (id: string) => `/#consultations/${id}`,
  migrantPlan: () => '/#plan',
  employerApplication: (id: string) => `/employer/#applications/${id}`,
  employerInterview: (id: string) => `/employer/#interviews/${id}`,
  employerObligations: () => '/employer/#obligations',
  employerGrievance: (id: string) => `/employer/#grievances/${id}`,
  staffGrievance: (id: string) => `/staff/#grievances/${id}`,
  staffObligations: () => '/staff/#obligations',
} as const;

/** Every page path a message may carry: a face and a fragment the face reads. */
export const PAGE_PATH = /^\/(employer\/|staff\/)?#[a-z]+(\/[0-9a-f-]{36}|\?[^\s#]*)?$/;

type Payload = Record<string, string | number | null | undefined>;

/**
 * The payload with every `…Url` page path made absolute against the public address. A value that is already
 * absolute is kept; any other relative value (an API path stored by older code) becomes the face's start page,
 * never a link to the JSON API.
 */
export function absoluteLinks<T extends Payload>(payload: T, publicBaseUrl: string): T {
  let out: Payload | undefined;
  for (const [key, value] of Object.entries(payload)) {
    if (!key.endsWith('Url') || typeof value !== 'string' || /^https?:\/\//i.test(value)) continue;
    out ??= { ...payload };
    out[key] = `${publicBaseUrl}${PAGE_PATH.test(value) ? value : '/'}`;
  }
  return (out ?? payload) as T;
}

/**
 * What every message is rendered with besides its own payload: the legal-help number of the host country the
 * message is about (its `hostCountry`, else the country of its `region`) and its links made absolute.
 */
export function renderPayload(
  payload: Payload,
  config: Pick<AppConfig, 'legalHelpPhones' | 'publicBaseUrl'>,
): Payload {
  const region = typeof payload.region === 'string' ? payload.region : '';
  const country = typeof payload.hostCountry === 'string' ? payload.hostCountry : region.slice(0, 2);
  return absoluteLinks({ hotline: legalHelpPhoneFor(config, country), ...payload }, config.publicBaseUrl);
}
