import {
  escapeHtml,
  normalizeLocale,
  placeholdersOf,
  renderTemplate,
  TEMPLATE_LOCALES,
  TEMPLATE_NAMES,
  TEMPLATES,
  TemplatePayload,
} from 'src/modules/notifications/templates/render';

// Realistic values of typical length, to check SMS sizes.
const SAMPLE: TemplatePayload = {
  recipientName: 'Alisher Karimov',
  candidateName: 'Alisher Karimov',
  workerName: 'Alisher Karimov',
  vacancyTitle: 'Povar',
  employerName: 'OOO Romashka',
  startsAt: '12.01.2026 10:00',
  startDate: '12.01.2026',
  location: 'VDNH, pav. 57, stend 12',
  dueDate: '15.01.2026',
  eventDate: '12.01.2026',
  paidUntil: '20.02.2026',
  regionName: 'Moskva',
  hotline: '8-800-000-00-00',
  code: '4F7K-92QX',
  minutes: '10',
  applicationUrl: 'https://jf.example/a/8H2K4',
  interviewUrl: 'https://jf.example/i/8H2K4',
  offerUrl: 'https://jf.example/o/8H2K4',
  obligationUrl: 'https://jf.example/d/8H2K4',
  planUrl: 'https://jf.example/#plan',
  loginUrl: 'https://jf.example/login',
  stateLabel: 'Na rassmotrenii',
  grievanceUrl: 'https://jf.example/g/8H2K4',
  reason: 'Documents of workers retained',
  stepText: 'Vstante na migratsionnyi uchet do 17.03.2027.',
};

// GSM 03.38 basic alphabet (no extension table), so one SMS part holds 160 characters.
const GSM7 = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà]*$/;

const cases = TEMPLATE_NAMES.flatMap((name) => TEMPLATE_LOCALES.map((locale) => [name, locale] as const));

describe('message templates', () => {
  it.each(cases)('%s exists in %s with every part non-empty', (name, locale) => {
    const t = TEMPLATES[locale][name];
    expect(t.subject.trim()).not.toBe('');
    expect(t.sms.trim()).not.toBe('');
    expect(t.body.length).toBeGreaterThan(0);
    t.body.forEach((p) => expect(p.trim()).not.toBe(''));

    const email = renderTemplate(name, 'email', locale, SAMPLE);
    expect(email.subject).toBeTruthy();
    expect(email.text).toBeTruthy();
    expect(email.html).toBeTruthy();
    expect(renderTemplate(name, 'sms', locale, SAMPLE).text).toBeTruthy();
    for (const part of [email.subject, email.text, email.html]) expect(part).not.toMatch(/\{\{|\}\}/);
  });

  it('has no template outside TEMPLATE_NAMES', () => {
    for (const locale of TEMPLATE_LOCALES) {
      expect(Object.keys(TEMPLATES[locale]).sort()).toEqual([...TEMPLATE_NAMES].sort());
    }
  });

  it.each(TEMPLATE_NAMES)('%s uses the same placeholders in every locale', (name) => {
    const sets = (locale: (typeof TEMPLATE_LOCALES)[number]) => {
      const t = TEMPLATES[locale][name];
      return {
        subject: placeholdersOf(t.subject),
        body: placeholdersOf(t.body.join('\n')),
        sms: placeholdersOf(t.sms),
      };
    };
    const reference = sets('ru');
    for (const locale of TEMPLATE_LOCALES)
      expect({ locale, ...sets(locale) }).toEqual({ locale, ...reference });
    // Every placeholder is one the sample payload (and so the callers) know about.
    for (const key of [...reference.subject, ...reference.body, ...reference.sms])
      expect(SAMPLE).toHaveProperty(key);
  });

  it.each(cases)('%s SMS in %s fits in one Latin part or two Cyrillic parts', (name, locale) => {
    const sms = renderTemplate(name, 'sms', locale, SAMPLE).text;
    if (locale === 'en' || locale === 'uz') {
      expect(sms).toMatch(GSM7);
      expect(sms.length).toBeLessThanOrEqual(160);
    } else {
      // UCS-2: 70 characters in one part, 67 per part when split.
      expect(sms.length).toBeLessThanOrEqual(134);
    }
  });

  it('writes Uzbek e-mails with the letters oʻ and gʻ, not an ASCII apostrophe', () => {
    for (const name of TEMPLATE_NAMES) {
      const t = TEMPLATES.uz[name];
      expect([t.subject, ...t.body].join('\n')).not.toMatch(/[og]'/i);
    }
  });

  it('tells the migrant about fees, the passport and the hotline in an offer and a hire', () => {
    for (const locale of TEMPLATE_LOCALES) {
      for (const name of ['offer', 'hired'] as const) {
        const { text } = renderTemplate(name, 'email', locale, SAMPLE);
        expect(text).toContain('8-800-000-00-00');
        expect(renderTemplate(name, 'sms', locale, SAMPLE).text).toContain('8-800-000-00-00');
      }
    }
  });
});

describe('legal consultation changes', () => {
  it.each(TEMPLATE_LOCALES)(
    'tells the person in %s the new time and place of a moved consultation',
    (locale) => {
      const email = renderTemplate('legal_consultation_rescheduled', 'email', locale, SAMPLE);
      const sms = renderTemplate('legal_consultation_rescheduled', 'sms', locale, SAMPLE).text;
      for (const text of [email.subject!, email.text, sms]) expect(text).toContain('12.01.2026 10:00');
      expect(email.text).toContain('VDNH, pav. 57, stend 12');
      expect(sms).toContain('VDNH, pav. 57, stend 12');
      expect(email.text).toContain('Alisher Karimov');
    },
  );

  it.each(TEMPLATE_LOCALES)(
    'tells the person in %s of a cancelled consultation with its reason',
    (locale) => {
      const email = renderTemplate('legal_consultation_cancelled', 'email', locale, SAMPLE);
      const sms = renderTemplate('legal_consultation_cancelled', 'sms', locale, SAMPLE).text;
      expect(email.text).toContain('Documents of workers retained');
      expect(email.html).toContain('Documents of workers retained');
      expect(email.text).toContain('12.01.2026 10:00');
      expect(sms).toContain('12.01.2026 10:00');
      // The reason is free text of any length: the SMS leaves it to the e-mail and the in-app message.
      expect(sms).not.toContain('Documents of workers retained');
    },
  );

  it('words each change differently from the reminder in every language', () => {
    for (const locale of TEMPLATE_LOCALES) {
      const subjects = (
        [
          'legal_consultation_reminder',
          'legal_consultation_rescheduled',
          'legal_consultation_cancelled',
        ] as const
      ).map((name) => renderTemplate(name, 'email', locale, SAMPLE).subject);
      expect(new Set(subjects).size).toBe(3);
    }
  });
});

describe('renderTemplate', () => {
  it('escapes HTML in payload values but not in the plain text', () => {
    const payload = { ...SAMPLE, vacancyTitle: '<script>alert("x")</script> & Co' };
    const email = renderTemplate('application_received', 'email', 'en', payload);
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(email.html).not.toContain('<script>');
    expect(email.text).toContain('<script>alert("x")</script> & Co');
  });

  it('links only http(s) addresses in …Url values', () => {
    const ok = renderTemplate('access_code', 'email', 'en', {
      ...SAMPLE,
      loginUrl: 'https://jf.example/login?a=1&b=2',
    });
    expect(ok.html).toContain('<a href="https://jf.example/login?a=1&amp;b=2">');
    const bad = renderTemplate('access_code', 'email', 'en', { ...SAMPLE, loginUrl: 'javascript:alert(1)' });
    expect(bad.html).not.toContain('<a ');
    expect(bad.html).toContain('javascript:alert(1)');
  });

  it('renders list paragraphs as a list and line breaks as <br>', () => {
    const { html } = renderTemplate('hired', 'email', 'ru', SAMPLE);
    expect(html).toMatch(/^<div lang="ru">/);
    expect(html).toContain('<ul><li>');
    expect(html).toContain('<br>');
  });

  it('renders a missing placeholder as empty text and never throws', () => {
    expect(() => renderTemplate('interview_invitation', 'email', 'ru', {})).not.toThrow();
    const { text } = renderTemplate('access_code', 'sms', 'en', { code: null, loginUrl: undefined });
    expect(text).toBe('Access code: . Sign in: . Do not share the code.');
    // Inherited object keys are not payload values.
    expect(renderTemplate('access_code', 'sms', 'en', {}).text).not.toContain('function');
  });

  it('falls back to Russian for an unknown locale and accepts regional tags', () => {
    expect(renderTemplate('access_code', 'email', 'fr', SAMPLE).subject).toBe('Ваш код доступа');
    expect(renderTemplate('access_code', 'email', '', SAMPLE).subject).toBe('Ваш код доступа');
    expect(renderTemplate('access_code', 'email', 'uz-Latn-UZ', SAMPLE).subject).toBe('Kirish kodingiz');
    expect(normalizeLocale('KY_kg')).toBe('ky');
    expect(normalizeLocale('de')).toBeNull();
  });

  it('gives in-app messages a title and plain text, SMS only text', () => {
    const inApp = renderTemplate('offer', 'in_app', 'tg', SAMPLE);
    expect(inApp.subject).toBe('Пешниҳоди кор: Povar');
    expect(inApp.html).toBeUndefined();
    const sms = renderTemplate('offer', 'sms', 'tg', SAMPLE);
    expect(sms.subject).toBeUndefined();
    expect(sms.html).toBeUndefined();
  });

  it('keeps a line break in a value out of the subject', () => {
    const { subject } = renderTemplate('new_application', 'email', 'en', {
      vacancyTitle: 'Cook\r\nBcc: x@y.z',
    });
    expect(subject).toBe('New application: Cook Bcc: x@y.z');
  });

  it('names a region code in the language of the message', () => {
    const payload = { paidUntil: '20.02.2027', region: 'RU-MOS', regionName: 'RU-MOS' };
    expect(renderTemplate('patent_expiring_migrant', 'sms', 'tg', payload).text).toContain('Вилояти Маскав');
    expect(renderTemplate('patent_expiring_migrant', 'sms', 'uz', payload).text).toContain('Moskva viloyati');
    expect(renderTemplate('patent_expiring_migrant', 'sms', 'ru', payload).text).toContain(
      'Московская область',
    );
    // An unknown code keeps what was given.
    const unknown = { ...payload, region: 'RU-XXX', regionName: 'RU-XXX' };
    expect(renderTemplate('patent_expiring_migrant', 'sms', 'tg', unknown).text).toContain('RU-XXX');
  });

  it('throws for an unknown template name', () => {
    expect(() => renderTemplate('nope' as never, 'email', 'ru', {})).toThrow(/Unknown message template/);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
