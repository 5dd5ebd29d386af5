import { loadConfig } from 'src/config/config';
import { PAGE_PATH, absoluteLinks, pageLinks, renderPayload } from 'src/modules/notifications/links';
import {
  TEMPLATES,
  TEMPLATE_LOCALES,
  TEMPLATE_NAMES,
  placeholdersOf,
  renderTemplate,
} from 'src/modules/notifications/templates/render';

const BASE = 'https://jobs.example.gov/fairs';
const ID = '0b0d4c52-6f0e-4f43-9d1a-2f3e8c6a9b10';

/** The page each link placeholder points at, as the code that enqueues the message builds it. */
const LINK_OF: Record<string, string> = {
  applicationUrl: pageLinks.employerApplication(ID),
  interviewUrl: pageLinks.migrantInterview(ID),
  offerUrl: pageLinks.migrantApplication(ID),
  obligationUrl: pageLinks.employerObligations(),
  loginUrl: pageLinks.migrantLogin('+998901234567'),
  grievanceUrl: pageLinks.migrantGrievance(ID),
  planUrl: pageLinks.migrantPlan(),
};

describe('links in messages', () => {
  const config = loadConfig({
    PUBLIC_BASE_URL: `${BASE}/`,
    LEGAL_HELP_PHONE: 'RU=+7 495 123-45-67;KZ=+7 7172 12-34-56',
  });

  it('names a page of one of the faces, never the JSON API', () => {
    for (const make of Object.values(pageLinks)) {
      const path = make(ID);
      expect(path).toMatch(PAGE_PATH);
      expect(path).not.toMatch(/\/v1\//);
    }
    expect(pageLinks.migrantLogin('+998901234567')).toBe('/#login?phone=%2B998901234567');
    expect(pageLinks.migrantLogin()).toBe('/#login');
  });

  it('renders every link of every template, in every language and channel, as an absolute address of a page', () => {
    let links = 0;
    for (const name of TEMPLATE_NAMES) {
      const used = new Set(
        TEMPLATE_LOCALES.flatMap((l) => {
          const t = TEMPLATES[l][name];
          return [t.subject, t.sms, ...t.body].flatMap(placeholdersOf);
        }),
      );
      const urls = [...used].filter((p) => p.endsWith('Url'));
      for (const key of urls) expect(LINK_OF[key]).toBeDefined();
      const payload = renderPayload(Object.fromEntries(urls.map((k) => [k, LINK_OF[k]])), config);
      for (const locale of TEMPLATE_LOCALES) {
        for (const channel of ['email', 'sms', 'in_app'] as const) {
          const message = renderTemplate(name, channel, locale, payload);
          const text = `${message.subject ?? ''}\n${message.text}`;
          for (const key of urls) {
            const url = `${BASE}${LINK_OF[key]}`;
            if (
              TEMPLATES[locale][name][channel === 'sms' ? 'sms' : 'body'].toString().includes(`{{${key}}}`)
            ) {
              expect(text).toContain(url);
              links++;
            }
            if (channel === 'email' && message.html?.includes(url.replace(/&/g, '&amp;'))) {
              expect(message.html).toContain(`<a href="${url.replace(/&/g, '&amp;')}">`);
            }
          }
          expect(text).not.toMatch(/(^|\s)\/(v1|applications|login)\b/);
        }
      }
    }
    // 11 templates carry links; each in 5 languages, in the e-mail, in-app and SMS texts.
    expect(links).toBeGreaterThanOrEqual(11 * 5 * 3);
  });

  it('makes an API path left by older messages the start page, and keeps absolute addresses', () => {
    expect(absoluteLinks({ interviewUrl: `/v1/interviews/${ID}` }, BASE).interviewUrl).toBe(`${BASE}/`);
    expect(absoluteLinks({ loginUrl: '/login' }, BASE).loginUrl).toBe(`${BASE}/`);
    expect(absoluteLinks({ loginUrl: 'https://other.example/x' }, BASE).loginUrl).toBe(
      'https://other.example/x',
    );
    expect(absoluteLinks({ code: '/not-a-link' }, BASE).code).toBe('/not-a-link');
  });

  it("carries the legal-help number of the message's host country", () => {
    expect(renderPayload({ region: 'KZ-ALA' }, config).hotline).toBe('+7 7172 12-34-56');
    expect(renderPayload({ region: 'RU-MOW' }, config).hotline).toBe('+7 495 123-45-67');
    expect(renderPayload({ hostCountry: 'KZ' }, config).hotline).toBe('+7 7172 12-34-56');
    expect(renderPayload({}, config).hotline).toBe('+7 495 123-45-67');
    expect(renderPayload({ hotline: 'kept' }, config).hotline).toBe('kept');
  });
});
