import { parseString } from '@fast-csv/parse';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { TestApp, bootTestApp, staffToken } from 'test/harness/app';
import { insertEmployerWithVacancy } from 'test/harness/migrants.factory';
import {
  dataSourceOf,
  insertApplication,
  insertAttendance,
  insertFair,
  insertInterviews,
  insertMigrant,
  interviewsTableExists,
  registerEaeuMigrant,
} from 'test/harness/placements.factory';
import { createVerifiedEmployer } from 'test/harness/supply.factory';

/** A small RFC 4180 parser: quoted fields, doubled quotes, CRLF records. */
/** A real CSV parser (fast-csv) with the given delimiter, as a spreadsheet reads the file. */
function readCsv(text: string, delimiter: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(text, { delimiter })
      .on('error', reject)
      .on('data', (row: string[]) => rows.push(row))
      .on('end', () => resolve(rows));
  });
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

// Hand-counted fixture: one fair, six visitors, seven applications, all created in March 2019 (a period no
// other spec writes to), so the period reports count only these.
describe('staff reports (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: string;
  let fairId: string;
  const employerA = { id: '', vacancyId: '' };
  const employerB = { id: '', vacancyId: '' };
  const EMPLOYER_B_NAME = 'ООО "Ромашка, и К"';
  const PERIOD = 'from=2019-03-01&to=2019-03-31';
  const people = { uzM: '', kgF: '' };

  // supertest's parser signature types the response loosely; it is a Node readable stream.
  const binary = (res: unknown, cb: (err: Error | null, body: unknown) => void) => {
    const stream = res as NodeJS.ReadableStream;
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => cb(null, Buffer.concat(chunks)));
  };

  beforeAll(async () => {
    t = await bootTestApp();
    ds = dataSourceOf(t);
    staff = await staffToken(t);
    fairId = await insertFair(ds);
    const a = await insertEmployerWithVacancy(ds, { occupationCode: '7112' });
    Object.assign(employerA, { id: a.employerId, vacancyId: a.vacancyId });
    const b = await insertEmployerWithVacancy(ds, { occupationCode: '5120' });
    Object.assign(employerB, { id: b.employerId, vacancyId: b.vacancyId });
    await ds.query(`UPDATE employers SET name = $2 WHERE id = $1`, [employerB.id, EMPLOYER_B_NAME]);

    const person = (citizenship: string, gender: 'male' | 'female', occupation: string, kiosk: boolean) =>
      insertMigrant(ds, { citizenship, gender, occupations: [occupation], fairId: kiosk ? fairId : null });
    const tj1 = await person('TJ', 'male', '7112', true);
    const tj2 = await person('TJ', 'male', '7112', true);
    const tj3 = await person('TJ', 'male', '7112', false);
    const uzF = await person('UZ', 'female', '5120', true);
    const uzM = await person('UZ', 'male', '9313', false);
    const kgF = await person('KG', 'female', '5120', true);
    for (const m of [tj1, tj2, tj3, uzF, uzM, kgF]) await insertAttendance(ds, fairId, m);

    const at = '2019-03-10T09:00:00Z';
    const app = (
      migrantId: string,
      e: typeof employerA,
      status: Parameters<typeof insertApplication>[1]['status'],
      path?: Parameters<typeof insertApplication>[1]['path'],
    ) =>
      insertApplication(ds, {
        migrantId,
        vacancyId: e.vacancyId,
        employerId: e.id,
        fairId,
        status,
        createdAt: at,
        path,
      });
    const withInterviews = await interviewsTableExists(ds);
    const interviews = async (
      applicationId: string,
      migrantId: string,
      e: typeof employerA,
      n: number,
      pending = 0,
    ) => {
      if (withInterviews)
        await insertInterviews(
          ds,
          { applicationId, migrantId, vacancyId: e.vacancyId, employerId: e.id, fairId },
          n,
          { pending },
        );
    };
    const a1 = await app(tj1, employerA, 'hired');
    await interviews(a1, tj1, employerA, 1);
    const a2 = await app(tj2, employerA, 'interview_scheduled', [
      'shortlisted',
      'interview_scheduled',
      'interviewed',
      'interview_scheduled',
    ]);
    await interviews(a2, tj2, employerA, 2, 1);
    await app(tj3, employerA, 'rejected');
    const a4 = await app(uzF, employerB, 'offered', ['interview_scheduled', 'interviewed', 'offered']);
    await interviews(a4, uzF, employerB, 1);
    const a5 = await app(kgF, employerB, 'hired');
    await interviews(a5, kgF, employerB, 1);
    await app(uzM, employerA, 'submitted');
    await app(tj1, employerB, 'submitted');
    Object.assign(people, { uzM, kgF });
  });
  afterAll(() => t.close());

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  it('reports a fair as a funnel with breakdowns over visitors and hires', async () => {
    const res = await t.http().get(`/v1/reports/fairs/${fairId}`).set(auth(staff)).expect(200);
    expect(res.body).toMatchObject({
      fair: { id: fairId },
      visitors: 6,
      registrations: 4,
      applicants: 6,
      applications: 7,
      interviewsScheduled: 5,
      interviewsAttended: 4,
      secondInterviews: 1,
      offers: 3,
      hires: 2,
    });
    expect(res.body.byCitizenship).toEqual([
      { key: 'TJ', visitors: 3, hires: 1 },
      { key: 'UZ', visitors: 2, hires: 0 },
      { key: 'KG', visitors: 1, hires: 1 },
    ]);
    expect(res.body.byGender).toEqual([
      { key: 'male', visitors: 4, hires: 1 },
      { key: 'female', visitors: 2, hires: 1 },
    ]);
    expect(
      res.body.byOccupation.map((r: { key: string; visitors: number; hires: number }) => [
        r.key,
        r.visitors,
        r.hires,
      ]),
    ).toEqual([
      ['7112', 3, 1],
      ['5120', 2, 1],
      ['9313', 1, 0],
    ]);
    expect(res.body.byEmployer).toEqual([
      { key: employerA.id, label: expect.any(String), visitors: 4, hires: 1 },
      { key: employerB.id, label: EMPLOYER_B_NAME, visitors: 3, hires: 1 },
    ]);
  });

  it('answers 404 for an unknown fair and 400 for a bad id', async () => {
    await t.http().get('/v1/reports/fairs/00000000-0000-4000-8000-000000000000').set(auth(staff)).expect(404);
    await t.http().get('/v1/reports/fairs/nope').set(auth(staff)).expect(400);
  });

  const expectedByCitizenship = [
    { key: 'TJ', applications: 4, interviews: 2, hires: 1, medianDaysToHire: 5 },
    { key: 'UZ', applications: 2, interviews: 1, hires: 0, medianDaysToHire: null },
    { key: 'KG', applications: 1, interviews: 1, hires: 1, medianDaysToHire: 5 },
  ];

  it('reports placements by citizenship over a period with the median days to hire', async () => {
    const res = await t
      .http()
      .get(`/v1/reports/placements?${PERIOD}&groupBy=citizenship`)
      .set(auth(staff))
      .expect(200);
    expect(res.body).toMatchObject({ from: '2019-03-01', to: '2019-03-31', groupBy: 'citizenship' });
    expect(res.body.rows).toEqual(expectedByCitizenship.map((r) => ({ ...r, label: expect.any(String) })));
    expect(res.body.rows[0].label).toBe('Таджикистан');
    const empty = await t
      .http()
      .get('/v1/reports/placements?from=2019-04-01&to=2019-04-30')
      .set(auth(staff))
      .expect(200);
    expect(empty.body.rows).toEqual([]);
  });

  const placementRows = async (groupBy: string) => {
    const res = await t
      .http()
      .get(`/v1/reports/placements?${PERIOD}&groupBy=${groupBy}`)
      .set(auth(staff))
      .expect(200);
    return (res.body.rows as Record<string, unknown>[]).map((r) => [
      r.key,
      r.applications,
      r.interviews,
      r.hires,
      r.medianDaysToHire,
    ]);
  };

  it('groups placements by gender, occupation, region and fair', async () => {
    expect(await placementRows('gender')).toEqual([
      ['male', 5, 2, 1, 5],
      ['female', 2, 2, 1, 5],
    ]);
    expect(await placementRows('occupation')).toEqual([
      ['7112', 4, 2, 1, 5],
      ['5120', 3, 2, 1, 5],
    ]);
    const [{ region }] = await ds.query(`SELECT region FROM vacancies WHERE id = $1`, [employerA.vacancyId]);
    expect(await placementRows('region')).toEqual([[region, 7, 4, 2, 5]]);
    expect(await placementRows('fair')).toEqual([[fairId, 7, 4, 2, 5]]);
  });

  it('follows corrections of a person, a vacancy and a merge of two profiles', async () => {
    const [{ region }] = await ds.query(`SELECT region FROM vacancies WHERE id = $1`, [employerB.vacancyId]);
    try {
      await ds.query(`UPDATE migrants SET citizenship = 'KZ' WHERE id = $1`, [people.uzM]);
      await ds.query(`UPDATE vacancies SET region = 'RU-TAT' WHERE id = $1`, [employerB.vacancyId]);
      expect(await placementRows('citizenship')).toEqual([
        ['TJ', 4, 2, 1, 5],
        ['KG', 1, 1, 1, 5],
        ['KZ', 1, 0, 0, null],
        ['UZ', 1, 1, 0, null],
      ]);
      expect(await placementRows('region')).toEqual([
        [region, 4, 2, 1, 5],
        ['RU-TAT', 3, 2, 1, 5],
      ]);
      // The Uzbek man's application moves to the Kyrgyz woman's profile (a merge), so it counts as hers.
      await ds.query(`UPDATE applications SET migrant_id = $2 WHERE migrant_id = $1`, [
        people.uzM,
        people.kgF,
      ]);
      expect(await placementRows('citizenship')).toEqual([
        ['TJ', 4, 2, 1, 5],
        ['KG', 2, 1, 1, 5],
        ['UZ', 1, 1, 0, null],
      ]);
    } finally {
      await ds.query(
        `UPDATE applications SET migrant_id = $1
          WHERE migrant_id = $2 AND vacancy_id = $3`,
        [people.uzM, people.kgF, employerA.vacancyId],
      );
      await ds.query(`UPDATE migrants SET citizenship = 'UZ' WHERE id = $1`, [people.uzM]);
      await ds.query(`UPDATE vacancies SET region = $2 WHERE id = $1`, [employerB.vacancyId, region]);
    }
    expect(await placementRows('citizenship')).toEqual(
      expectedByCitizenship.map((r) => [r.key, r.applications, r.interviews, r.hires, r.medianDaysToHire]),
    );
  });

  it('exports the placements report as RFC 4180 CSV with a byte-order mark', async () => {
    const res = await t
      .http()
      .get(`/v1/reports/placements?${PERIOD}&groupBy=employer&format=csv&lang=en`)
      .set(auth(staff))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('.csv');
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(body.toString('utf8').slice(1));
    expect(rows[0]).toEqual(['key', 'label', 'applications', 'interviews', 'hires', 'medianDaysToHire']);
    const [a] = await ds.query(`SELECT name FROM employers WHERE id = $1`, [employerA.id]);
    expect(rows.slice(1)).toEqual([
      [employerA.id, a.name, '4', '2', '1', '5'],
      [employerB.id, EMPLOYER_B_NAME, '3', '2', '1', '5'],
    ]);
  });

  it('exports the placements report as a real XLSX workbook', async () => {
    const res = await t
      .http()
      .get(`/v1/reports/placements?${PERIOD}&groupBy=citizenship&format=xlsx`)
      .set(auth(staff))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    const sheet = workbook.getWorksheet('Placements')!;
    const values: unknown[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    expect(values[0]).toEqual(['key', 'label', 'applications', 'interviews', 'hires', 'medianDaysToHire']);
    expect(values.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[5] ?? null])).toEqual(
      expectedByCitizenship.map((r) => [r.key, r.applications, r.interviews, r.hires, r.medianDaysToHire]),
    );
    expect(values[1][1]).toBe('Таджикистан');
  });

  it('exports the placements report for a Russian spreadsheet separated by semicolons', async () => {
    const res = await t
      .http()
      .get(`/v1/reports/placements?${PERIOD}&groupBy=employer&format=csv`)
      .set(auth(staff))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const rows = await readCsv((res.body as Buffer).toString('utf8').slice(1), ';');
    expect(rows[0]).toEqual(['key', 'label', 'applications', 'interviews', 'hires', 'medianDaysToHire']);
    // The employer's name holds a comma and quotes: one cell all the same.
    expect(rows.find((r) => r[0] === employerB.id)).toEqual([
      employerB.id,
      EMPLOYER_B_NAME,
      '3',
      '2',
      '1',
      '5',
    ]);
  });

  it('labels placements in the staff’s language, codes kept as keys', async () => {
    const ru = await t
      .http()
      .get(`/v1/reports/placements?${PERIOD}&groupBy=gender`)
      .set(auth(staff))
      .expect(200);
    expect(ru.body.rows.map((r: { key: string; label: string }) => [r.key, r.label])).toEqual([
      ['male', 'мужчины'],
      ['female', 'женщины'],
    ]);
    const en = await t
      .http()
      .get(`/v1/reports/placements?${PERIOD}&groupBy=citizenship&lang=en`)
      .set(auth(staff))
      .expect(200);
    expect(en.body.rows[0]).toMatchObject({ key: 'TJ', label: 'Tajikistan' });
  });

  it('streams every application of the period as CSV for a Russian spreadsheet: headers, labels beside codes, local times', async () => {
    const res = await t
      .http()
      .get(`/v1/reports/applications/export?${PERIOD}&format=csv`)
      .set(auth(staff))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = (res.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = await readCsv(text.slice(1), ';');
    expect(rows[0]).toEqual([
      'Номер заявки',
      'Подана (местное время)',
      'Часовой пояс',
      'Статус (код)',
      'Статус',
      'Гражданство (код)',
      'Гражданство',
      'Пол (код)',
      'Пол',
      'Профессия (код ОКЗ/ISCO)',
      'Профессия',
      'Регион (код)',
      'Регион',
      'Работодатель',
      'Ярмарка',
    ]);
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.length === 15)).toBe(true);
    const statuses = rows
      .slice(1)
      .map((r) => r[3])
      .sort();
    expect(statuses).toEqual([
      'hired',
      'hired',
      'interview_scheduled',
      'offered',
      'rejected',
      'submitted',
      'submitted',
    ]);
    const b = rows.find((r) => r[13] === EMPLOYER_B_NAME)!;
    // 09:00 UTC is noon in Moscow, where the vacancy is; no UTC stamp in the file.
    expect(b.slice(1, 3)).toEqual(['2019-03-10 12:00', 'Europe/Moscow']);
    expect(text).not.toMatch(/\d{2}:\d{2}:\d{2}Z/);
    const tajik = rows.find((r) => r[5] === 'TJ')!;
    expect(tajik[6]).toBe('Таджикистан');
    expect(['мужчины', 'женщины']).toContain(tajik[8]);
    expect(tajik[12]).toBe('Москва');
  });

  it('exports the applications as an XLSX workbook in English', async () => {
    const res = await t
      .http()
      .get(`/v1/reports/applications/export?${PERIOD}&format=xlsx&lang=en`)
      .set(auth(staff))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    const values: unknown[][] = [];
    workbook.getWorksheet('Applications')!.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    expect(values[0].slice(0, 5)).toEqual([
      'Application id',
      'Submitted (local time)',
      'Time zone',
      'Status (code)',
      'Status',
    ]);
    expect(values).toHaveLength(8);
    const hired = values.filter((r) => r[3] === 'hired');
    expect(hired.map((r) => r[4])).toEqual(['hired', 'hired']);
    expect(values.find((r) => r[5] === 'TJ')![6]).toBe('Tajikistan');
  });

  it('sets open positions per trade against the people seeking it', async () => {
    const { employerId, vacancyId } = await insertEmployerWithVacancy(ds, {
      region: 'RU-KHA',
      occupationCode: '8342',
      startDate: '2030-03-01',
    });
    await ds.query(`UPDATE vacancies SET positions = 5 WHERE id = $1`, [vacancyId]);
    const seekers = [];
    for (let i = 0; i < 3; i++)
      seekers.push(await insertMigrant(ds, { occupations: ['8342'], desiredRegions: ['RU-KHA'] }));
    await insertMigrant(ds, { occupations: ['8342'], desiredRegions: ['RU-MOW'] });
    const applicationId = await insertApplication(ds, {
      migrantId: seekers[0],
      vacancyId,
      employerId,
      status: 'hired',
    });
    await ds.query(
      `INSERT INTO placements (application_id, migrant_id, vacancy_id, employer_id, contract_start_date)
       VALUES ($1, $2, $3, $4, '2030-03-01')`,
      [applicationId, seekers[0], vacancyId, employerId],
    );
    const res = await t
      .http()
      .get('/v1/reports/demand?region=RU-KHA&from=2030-01-01&to=2030-12-31')
      .set(auth(staff))
      .expect(200);
    expect(res.body.rows.find((r: { occupationCode: string }) => r.occupationCode === '8342')).toMatchObject({
      vacancies: 1,
      openPositions: 4,
      seekers: 2,
      gap: -2,
    });
    await t.http().get('/v1/reports/demand?region=XX-NOPE').set(auth(staff)).expect(400);
  });

  it('keeps every report from employers and migrants (403) and anonymous callers (401)', async () => {
    const employer = await createVerifiedEmployer(t, { staff });
    const migrant = await registerEaeuMigrant(t);
    const routes = [
      `/v1/reports/fairs/${fairId}`,
      `/v1/reports/placements?${PERIOD}`,
      `/v1/reports/placements?${PERIOD}&format=csv`,
      `/v1/reports/applications/export?${PERIOD}`,
      '/v1/reports/demand',
    ];
    for (const route of routes) {
      await t.http().get(route).set(auth(employer.token)).expect(403);
      await t.http().get(route).set(auth(migrant.token)).expect(403);
      await t.http().get(route).expect(401);
    }
  });

  it('refuses bad parameters with 400', async () => {
    for (const q of ['groupBy=age', 'format=pdf', 'from=2019-13-01', 'from=2019-04-01&to=2019-03-01']) {
      await t.http().get(`/v1/reports/placements?${q}`).set(auth(staff)).expect(400);
    }
    await t.http().get('/v1/reports/applications/export?format=pdf').set(auth(staff)).expect(400);
    await t.http().get('/v1/reports/applications/export?lang=fr').set(auth(staff)).expect(400);
  });
});
