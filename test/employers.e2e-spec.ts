import { TestApp, bootTestApp, login, staffToken } from 'test/harness/app';
import {
  EMPLOYER_PASSWORD,
  breakCheckDigit,
  employerBody,
  registerEmployer,
  validBin,
  validInn12,
} from 'test/harness/supply.factory';

describe('employers (e2e)', () => {
  let t: TestApp;
  let staff: string;

  beforeAll(async () => {
    t = await bootTestApp();
    staff = await staffToken(t);
  });
  afterAll(() => t.close());

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  it('registers an employer as pending with its user, who logs in with the email', async () => {
    const body = employerBody();
    const res = await t.http().post('/v1/employers').send(body).expect(201);
    expect(res.body).toEqual({ id: expect.any(String), status: 'pending' });
    const token = await login(t, { email: body.email as string, password: EMPLOYER_PASSWORD });
    const me = await t.http().get('/v1/auth/me').set(auth(token)).expect(200);
    expect(me.body).toMatchObject({ role: 'employer', employerId: res.body.id });
    const own = await t.http().get(`/v1/employers/${res.body.id}`).set(auth(token)).expect(200);
    expect(own.body).toMatchObject({
      kind: 'company',
      phone: '+74951234567',
      status: 'pending',
      country: 'RU',
    });
  });

  it('registers a Kazakh employer with a BIN and an individual entrepreneur with a 12-digit INN', async () => {
    await t
      .http()
      .post('/v1/employers')
      .send(employerBody({ country: 'KZ', taxId: validBin(), region: 'KZ-75', phone: '+7 727 250 00 00' }))
      .expect(201);
    await t
      .http()
      .post('/v1/employers')
      .send(employerBody({ taxId: validInn12(), kind: 'individual' }))
      .expect(201);
  });

  it('refuses a tax id with a wrong check digit, naming the field', async () => {
    const bad = breakCheckDigit(employerBody().taxId as string);
    const res = await t
      .http()
      .post('/v1/employers')
      .send(employerBody({ taxId: bad }))
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'taxId' })]);
    const kz = breakCheckDigit(validBin());
    await t
      .http()
      .post('/v1/employers')
      .send(employerBody({ country: 'KZ', taxId: kz, region: 'KZ-75' }))
      .expect(400);
  });

  it('refuses a region of another country and an invalid phone', async () => {
    const res = await t
      .http()
      .post('/v1/employers')
      .send(employerBody({ region: 'KZ-75', phone: '12345' }))
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['phone', 'region']);
  });

  it('answers 409 for a tax id registered already', async () => {
    const first = employerBody();
    await t.http().post('/v1/employers').send(first).expect(201);
    const res = await t
      .http()
      .post('/v1/employers')
      .send(employerBody({ taxId: first.taxId }))
      .expect(409);
    expect(res.body.type).toBe('/problems/duplicate-tax-id');
  });

  it('lets staff list the pending queue, verify and reject; transitions are checked', async () => {
    const a = await registerEmployer(t);
    const b = await registerEmployer(t);
    const queue = await t
      .http()
      .get('/v1/employers')
      .query({ status: 'pending', pageSize: 100 })
      .set(auth(staff));
    expect(queue.status).toBe(200);
    expect(queue.body.total).toBeGreaterThanOrEqual(2);
    expect(queue.body.items.every((e: { status: string }) => e.status === 'pending')).toBe(true);

    const verified = await t.http().post(`/v1/employers/${a.id}/verify`).set(auth(staff)).expect(200);
    expect(verified.body).toMatchObject({ status: 'verified', verifiedAt: expect.any(String) });
    await t.http().post(`/v1/employers/${a.id}/verify`).set(auth(staff)).expect(409);

    await t.http().post(`/v1/employers/${b.id}/reject`).set(auth(staff)).send({}).expect(400);
    const rejected = await t
      .http()
      .post(`/v1/employers/${b.id}/reject`)
      .set(auth(staff))
      .send({ reason: 'Tax id belongs to another company' })
      .expect(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Tax id belongs to another company',
    });
  });

  it('keeps the queue and verification to staff', async () => {
    const a = await registerEmployer(t);
    await t.http().get('/v1/employers').set(auth(a.token)).expect(403);
    await t.http().post(`/v1/employers/${a.id}/verify`).set(auth(a.token)).expect(403);
    await t.http().get('/v1/employers').expect(401);
  });

  it('lets an employer read and edit only its own organisation; others get 404, staff see all', async () => {
    const a = await registerEmployer(t);
    const b = await registerEmployer(t);
    await t.http().get(`/v1/employers/${b.id}`).set(auth(a.token)).expect(404);
    await t.http().patch(`/v1/employers/${b.id}`).set(auth(a.token)).send({ name: 'Hijack' }).expect(404);
    const edited = await t
      .http()
      .patch(`/v1/employers/${a.id}`)
      .set(auth(a.token))
      .send({ name: 'ООО «Новое имя»', phone: '8 (495) 765-43-21', kind: 'individual' })
      .expect(200);
    expect(edited.body).toMatchObject({ name: 'ООО «Новое имя»', phone: '+74957654321', kind: 'individual' });
    await t
      .http()
      .patch(`/v1/employers/${a.id}`)
      .set(auth(a.token))
      .send({ taxId: '7707083893' })
      .expect(400);
    await t.http().patch(`/v1/employers/${a.id}`).set(auth(a.token)).send({ region: 'KZ-75' }).expect(400);
    await t.http().get(`/v1/employers/${b.id}`).set(auth(staff)).expect(200);
    await t.http().get('/v1/employers/not-a-uuid').set(auth(staff)).expect(400);
  });
});
