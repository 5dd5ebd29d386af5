import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestApp, bootTestApp, staffToken, unique, waitFor } from 'test/harness/app';
import { addMigrantDocument, registerMigrant } from 'test/harness/migrants.factory';
import { createPublishedVacancy, createVerifiedEmployer, isoDate } from 'test/harness/supply.factory';
import { SearchSync } from 'src/modules/search/search.sync';

/** Vacancy search with q, a person's matches and a vacancy's candidates, over HTTP, index synced by the outbox. */
describe('search and matching API', () => {
  let t: TestApp;
  let staff: string;
  let employer: { id: string; token: string };
  let otherEmployer: { id: string; token: string };
  // A word no other test uses, to find this file's vacancies among everyone's.
  const tag = unique('zq').replace(/[^a-z0-9]/g, '');
  let cookId: string;
  let welderId: string;

  const get = (path: string, token?: string) => {
    const req = t.http().get(path);
    return token ? req.set('authorization', `Bearer ${token}`) : req;
  };

  const searchIds = async (query: string) =>
    ((await get(`/v1/vacancies?${query}`)).body.items ?? []).map((i: { id: string }) => i.id) as string[];

  beforeAll(async () => {
    t = await bootTestApp();
    staff = await staffToken(t);
    employer = await createVerifiedEmployer(t, { staff });
    otherEmployer = await createVerifiedEmployer(t, { staff });
    cookId = (
      await createPublishedVacancy(t, employer.token, {
        title: `Повар горячего цеха ${tag}`,
        startDate: isoDate(40),
      })
    ).id;
    welderId = (
      await createPublishedVacancy(t, employer.token, {
        title: `Электросварщик ${tag}`,
        occupationCode: '7212',
        region: 'RU-MOS',
        city: 'Подольск',
        housing: { provided: false },
        startDate: isoDate(40),
      })
    ).id;
    await waitFor(async () => (await searchIds(`q=${tag}`)).length === 2, {
      what: 'index sync',
      timeoutMs: 15000,
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('GET /v1/vacancies?q=', () => {
    it.each(['oshpaz', 'ошпаз', 'povar', 'повар', 'пвоар', 'cook'])(
      'finds the cook vacancy for "%s" across languages, scripts and typos',
      async (q) => {
        const res = await get(`/v1/vacancies?q=${encodeURIComponent(`${q} ${tag}`)}&lang=uz`);
        expect(res.status).toBe(200);
        // Other files' cook vacancies share the database: ours (which also has the tag) comes first.
        const ids = res.body.items.map((i: { id: string }) => i.id);
        expect(ids[0]).toBe(cookId);
        expect(ids).not.toContain(welderId);
        const item = res.body.items[0];
        expect(item).toMatchObject({
          id: cookId,
          occupation: { code: '5120', label: 'Oshpaz' },
          employer: { id: employer.id },
          region: 'RU-MOW',
          housing: true,
        });
        expect(item.score).toBeGreaterThan(0);
        expect(item.score).toBeGreaterThanOrEqual(res.body.items[ids.length - 1].score);
        expect(res.body).toMatchObject({ page: 1, pageSize: 20 });
        expect(res.body.total).toBeGreaterThanOrEqual(1);
        expect(res.body.facets.region).toEqual(
          expect.arrayContaining([expect.objectContaining({ value: 'RU-MOW' })]),
        );
      },
    );

    it('keeps structured filters working with a query', async () => {
      expect(await searchIds(`q=${tag}&region=RU-MOS`)).toEqual([welderId]);
      expect(await searchIds(`q=${tag}&housing=true`)).toEqual([cookId]);
      expect(await searchIds(`q=${tag}&occupation=7212`)).toEqual([welderId]);
      expect(await searchIds(`q=${tag}&salaryMin=1000000`)).toEqual([]);
    });

    it('reads a region named in the query as the region filter, and as text when another region is asked for', async () => {
      // Not from unique(): the tags of this file share most of their letters, and typo tolerance finds one for another.
      const near = `xw${randomBytes(6).toString('hex')}`;
      const moscow = await createPublishedVacancy(t, employer.token, { title: `Повар ${near}` });
      const podolsk = await createPublishedVacancy(t, employer.token, {
        title: `Повар ${near}`,
        region: 'RU-MOS',
        city: 'Подольск',
        description: 'Столовая при складе, 30 км от Москвы. Официальное оформление.',
      });
      await waitFor(async () => (await searchIds(`q=${near}`)).length === 2, { what: 'index sync' });
      const q = (text: string) => `q=${encodeURIComponent(`${text} ${near}`)}`;
      // "повар" names the cooks' occupation, so every cook vacancy of the region matches; the tag puts ours first.
      const regions = async (query: string) => {
        const items = (await get(`/v1/vacancies?${query}&pageSize=100`)).body.items as Array<{
          id: string;
          region: string;
        }>;
        return { ids: items.map((i) => i.id), regions: [...new Set(items.map((i) => i.region))] };
      };
      // The oblast's vacancy mentions Moscow, but is not in Moscow.
      for (const text of ['повар Москва', 'povar v Moskve', 'cook Moscow']) {
        const found = await regions(q(text));
        expect(found.ids[0]).toBe(moscow.id);
        expect(found.ids).not.toContain(podolsk.id);
        expect(found.regions).toEqual(['RU-MOW']);
      }
      const res = await get(`/v1/vacancies?${q('Moscow')}`);
      expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([moscow.id]);
      expect(res.body.facets.region).toEqual([{ value: 'RU-MOW', count: 1 }]);
      // The client is told, so that it can show the region as a filter the person may clear.
      expect(res.body.regionFromQuery).toBe('RU-MOW');
      const podmoskovye = await regions(q('повар Подмосковье'));
      expect(podmoskovye.ids[0]).toBe(podolsk.id);
      expect(podmoskovye.regions).toEqual(['RU-MOS']);
      expect((await regions(`${q('повар Москва')}&region=RU-MOW`)).ids[0]).toBe(moscow.id);
      // Asked for the oblast, "Москва" stays a word: the oblast's vacancy that mentions it comes first.
      const asked = await get(`/v1/vacancies?${q('повар Москва')}&region=RU-MOS&pageSize=100`);
      expect(asked.body).not.toHaveProperty('regionFromQuery');
      const oblast = await regions(`${q('повар Москва')}&region=RU-MOS`);
      expect(oblast.ids[0]).toBe(podolsk.id);
      expect(oblast.regions).toEqual(['RU-MOS']);
    });

    it('rejects bad parameters with 400, never 500', async () => {
      expect((await get(`/v1/vacancies?q=${'a'.repeat(201)}`)).status).toBe(400);
      expect((await get(`/v1/vacancies?q=x&lang=de`)).status).toBe(400);
      expect((await get(`/v1/vacancies?q=${encodeURIComponent("'&|!:*()")}`)).status).toBe(200);
    });

    it('drops a vacancy from the index when it is closed', async () => {
      const extra = await createPublishedVacancy(t, employer.token, {
        title: `Грузчик ${tag}`,
        occupationCode: '9333',
      });
      await waitFor(async () => (await searchIds(`q=${tag}`)).includes(extra.id), { what: 'indexed' });
      const closed = await t
        .http()
        .post(`/v1/vacancies/${extra.id}/close`)
        .set('authorization', `Bearer ${employer.token}`)
        .send({ filled: true });
      expect([200, 201]).toContain(closed.status);
      await waitFor(async () => !(await searchIds(`q=${tag}`)).includes(extra.id), { what: 'removed' });
    });
  });

  describe('GET /v1/migrants/:id/matches', () => {
    let cook: Awaited<ReturnType<typeof registerMigrant>>;

    beforeAll(async () => {
      cook = await registerMigrant(t, {
        occupations: [{ code: '5120', years: 4 }],
        desiredRegions: ['RU-MOW'],
        needsHousing: true,
        citizenship: 'UZ',
        consent: { dataProcessing: true, visibleToEmployers: true, version: '2025-01' },
      });
    });

    it('lists the cook vacancy first for a cook, marked conditional, with reasons in the language asked', async () => {
      const res = await waitFor(
        async () => {
          const r = await get(`/v1/migrants/${cook.id}/matches?lang=en&limit=100`, cook.token);
          return r.body.items?.some((i: { vacancy: { id: string } }) => i.vacancy.id === cookId) && r;
        },
        { what: 'match' },
      );
      expect(res.status).toBe(200);
      const ids = res.body.items.map((i: { vacancy: { id: string } }) => i.vacancy.id);
      const mine = res.body.items.find((i: { vacancy: { id: string } }) => i.vacancy.id === cookId);
      expect(mine.eligibility).toEqual({ status: 'conditional', regime: 'patent' });
      const codes = mine.reasons.map((r: { code: string }) => r.code);
      expect(codes).toEqual(
        expect.arrayContaining(['OCCUPATION_SAME', 'REGION_DESIRED', 'HOUSING_PROVIDED', 'CONDITIONAL']),
      );
      expect(mine.reasons.find((r: { code: string }) => r.code === 'OCCUPATION_SAME').message).toBe(
        'Trade: Cook',
      );
      expect(mine.score).toBeGreaterThan(0.5);
      // The welder job (another trade, another region, no housing) ranks below, if at all.
      if (ids.includes(welderId)) expect(ids.indexOf(cookId)).toBeLessThan(ids.indexOf(welderId));
      const scores = res.body.items.map((i: { score: number }) => i.score);
      expect([...scores].sort((a: number, b: number) => b - a)).toEqual(scores);

      const ru = await get(`/v1/migrants/${cook.id}/matches?lang=ru&limit=100`, staff);
      expect(ru.status).toBe(200);
      const inRussian = ru.body.items.find((i: { vacancy: { id: string } }) => i.vacancy.id === cookId);
      expect(inRussian.reasons.map((r: { message: string }) => r.message)).toContain('Жильё предоставляется');
    });

    it('leaves out vacancies the person may not take unless asked', async () => {
      // A temporary residence permit of St Petersburg does not allow work in Moscow (115-FZ art. 13 p.5).
      const rvp = await registerMigrant(t, {
        occupations: [{ code: '5120', years: 2 }],
        desiredRegions: ['RU-MOW'],
      });
      await addMigrantDocument(t, rvp.token, rvp.id, {
        type: 'temporary_residence_permit',
        number: `RVP${Math.floor(Math.random() * 1e9)}`,
        region: 'RU-SPE',
        validFrom: isoDate(-100),
        validUntil: isoDate(900),
      });
      const find = (body: {
        items: Array<{
          vacancy: { id: string };
          eligibility: { status: string };
          reasons: { code: string }[];
        }>;
      }) => body.items.find((i) => i.vacancy.id === cookId);
      const withAll = await waitFor(
        async () => {
          const r = await get(`/v1/migrants/${rvp.id}/matches?limit=100&includeIneligible=true`, rvp.token);
          return find(r.body) && r;
        },
        { what: 'indexed profile' },
      );
      expect(find(withAll.body)?.eligibility).toEqual({
        status: 'ineligible',
        regime: 'temporary_residence',
      });
      expect(find(withAll.body)?.reasons.map((r: { code: string }) => r.code)).toContain('INELIGIBLE');
      const without = await get(`/v1/migrants/${rvp.id}/matches?limit=100`, rvp.token);
      expect(without.status).toBe(200);
      expect(find(without.body)).toBeUndefined();
    });

    it('answers 404 to anyone but the person and staff', async () => {
      const other = await registerMigrant(t);
      expect((await get(`/v1/migrants/${cook.id}/matches`, other.token)).status).toBe(404);
      expect((await get(`/v1/migrants/${cook.id}/matches`, employer.token)).status).toBe(404);
      expect((await get(`/v1/migrants/${cook.id}/matches`)).status).toBe(401);
      expect((await get(`/v1/migrants/00000000-0000-4000-8000-000000000000/matches`, staff)).status).toBe(
        404,
      );
      expect((await get(`/v1/migrants/not-a-uuid/matches`, staff)).status).toBe(400);
      expect((await get(`/v1/migrants/${cook.id}/matches?limit=1000`, staff)).status).toBe(400);
    });
  });

  describe('GET /v1/vacancies/:id/candidates', () => {
    let visible: Awaited<ReturnType<typeof registerMigrant>>;
    let hidden: Awaited<ReturnType<typeof registerMigrant>>;
    const passport = `FA${Math.floor(Math.random() * 1e9)}`;

    beforeAll(async () => {
      visible = await registerMigrant(t, {
        occupations: [{ code: '7212', years: 6 }],
        desiredRegions: ['RU-MOS'],
        consent: { dataProcessing: true, visibleToEmployers: true, version: '2025-01' },
      });
      hidden = await registerMigrant(t, {
        occupations: [{ code: '7212', years: 9 }],
        consent: { dataProcessing: true, visibleToEmployers: false, version: '2025-01' },
      });
      await addMigrantDocument(t, visible.token, visible.id, { type: 'passport', number: passport });
    });

    it('ranks visible candidates of the trade for the owning employer, without document numbers', async () => {
      const res = await waitFor(
        async () => {
          const r = await get(`/v1/vacancies/${welderId}/candidates?limit=100&lang=en`, employer.token);
          return r.body.items?.some((i: { migrant: { id: string } }) => i.migrant.id === visible.id) && r;
        },
        { what: 'candidate indexed' },
      );
      const ids = res.body.items.map((i: { migrant: { id: string } }) => i.migrant.id);
      expect(ids).not.toContain(hidden.id);
      const me = res.body.items.find((i: { migrant: { id: string } }) => i.migrant.id === visible.id);
      expect(me.migrant.occupations).toEqual([{ code: '7212', label: 'Welder', years: 6 }]);
      expect(me.reasons.map((r: { code: string }) => r.code)).toContain('OCCUPATION_SAME');
      expect(['eligible', 'conditional', 'ineligible']).toContain(me.eligibility.status);
      expect(JSON.stringify(res.body)).not.toContain(passport);
      expect(JSON.stringify(res.body)).not.toMatch(/fullName|phone/);
    });

    it('answers 404 to another employer and to migrants, 200 to staff', async () => {
      expect((await get(`/v1/vacancies/${welderId}/candidates`, otherEmployer.token)).status).toBe(404);
      expect((await get(`/v1/vacancies/${welderId}/candidates`, visible.token)).status).toBe(404);
      expect((await get(`/v1/vacancies/${welderId}/candidates`, staff)).status).toBe(200);
      expect((await get(`/v1/vacancies/00000000-0000-4000-8000-000000000000/candidates`, staff)).status).toBe(
        404,
      );
    });

    it('drops a profile from the candidates once visibility is withdrawn', async () => {
      // Erasure or consent changes emit search.index-migrant; the handler applies the current state.
      const db = t.app.get(DataSource);
      await db.query(`UPDATE migrants SET visible_to_employers = false, updated_at = now() WHERE id = $1`, [
        visible.id,
      ]);
      await t.app.get(SearchSync).syncMigrant(visible.id);
      const res = await get(`/v1/vacancies/${welderId}/candidates?limit=100`, employer.token);
      expect(res.body.items.map((i: { migrant: { id: string } }) => i.migrant.id)).not.toContain(visible.id);
    });
  });
});
