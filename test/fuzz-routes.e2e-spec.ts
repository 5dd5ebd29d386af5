/**
 * A property-based fuzz of every operation of the service's own OpenAPI document: bodies, query and path
 * parameters generated from the schemas (valid-ish values, and mutations: wrong types, huge strings, unicode,
 * empty, negative, nested junk), sent as a few principals. No input may answer 5xx, hang or reset the connection,
 * and every 4xx is problem+json. Seeded: a failure names the seed that replays it (FUZZ_SEED=<seed>).
 */
import fc from 'fast-check';
import { TestApp, bootTestApp } from 'test/harness/app';
import { vacancyBody } from 'test/harness/supply.factory';
import { PrincipalName, World, buildWorld } from 'test/harness/world.factory';

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const REQUEST_TIMEOUT_MS = 10_000;
const FUZZED: PrincipalName[] = ['anonymous', 'migrantA', 'employerA', 'kioskX', 'staff', 'adviserX'];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
}

interface Doc {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

/** Values that break a field: wrong types, huge and odd strings, empties, negatives, nested junk. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    -2147483648,
    9007199254740992,
    1e308,
    -1e308,
    0.5,
    '',
    ' ',
    '\u0000',
    '-1',
    'null',
  ),
  fc.constantFrom(
    'a'.repeat(100_000),
    'ж'.repeat(20_000),
    '\u202e\u0301\ufeff',
    '😀'.repeat(500),
    '__proto__',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

class Generator {
  constructor(private readonly schemas: Record<string, Schema>) {}

  resolve(schema: Schema): Schema {
    if (schema.$ref) return this.resolve(this.schemas[schema.$ref.split('/').pop()!]);
    if (schema.allOf?.length === 1) return this.resolve(schema.allOf[0]);
    return schema;
  }

  /** A value shaped by the schema, now and then (one in six) replaced by junk. */
  value(raw: Schema, depth = 0): fc.Arbitrary<unknown> {
    return fc.oneof({ arbitrary: this.shaped(raw, depth), weight: 5 }, { arbitrary: junk, weight: 1 });
  }

  private shaped(raw: Schema, depth: number): fc.Arbitrary<unknown> {
    const schema = this.resolve(raw);
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    if (schema.properties || schema.type === 'object') {
      if (depth > 4) return fc.constant({});
      const entries = Object.entries(schema.properties ?? {});
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of entries) record[key] = this.value(sub, depth + 1);
      return fc.record(record, { requiredKeys: entries.map(([k]) => k).filter((k) => required.has(k)) });
    }
    switch (schema.type) {
      case 'array':
        return fc.array(schema.items ? this.value(schema.items, depth + 1) : junk, { maxLength: 4 });
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -10, max: schema.maximum ?? 1_000_000 });
      case 'number':
        return fc.double({ min: schema.minimum ?? -10, max: schema.maximum ?? 1e7, noNaN: true });
      case 'boolean':
        return fc.boolean();
      default:
        return this.text(schema);
    }
  }

  private text(schema: Schema): fc.Arbitrary<unknown> {
    if (schema.format === 'uuid') return fc.uuid();
    if (schema.format === 'date-time')
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString());
    if (schema.format === 'date' || schema.format === 'email')
      return schema.format === 'date'
        ? fc
            .date({ min: new Date('1950-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10))
        : fc.emailAddress();
    return fc.oneof(
      fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 60, 200) }),
      fc.constantFrom('RU', 'RU-MOW', 'KZ', 'UZ', 'ru', 'tg', '2026-12-01', '+998901234567', '5120', 'ok'),
    );
  }
}

function operationsOf(doc: Doc): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({
        method,
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
      })),
  );
}

/** The ids a path parameter may take: an object of the world, a random uuid, or junk. */
function pathValue(world: World, name: string, ids: string[]): fc.Arbitrary<string> {
  const known = name === 'country' ? ['RU', 'KZ'] : name === 'year' ? ['2026', '2027'] : ids;
  return fc.oneof(
    { arbitrary: fc.constantFrom(...known), weight: 3 },
    { arbitrary: fc.uuid(), weight: 1 },
    {
      arbitrary: fc.oneof(
        fc.constantFrom(
          '-1',
          '0',
          'null',
          '..',
          '%00',
          'a'.repeat(90),
          '😀',
          '00000000-0000-0000-0000-00000000000g',
        ),
        fc.string({ unit: 'grapheme', maxLength: 30 }),
      ),
      weight: 1,
    },
  );
}

interface Outcome {
  status: number;
  type: string;
  error?: string;
}

describe('fuzzing every route of the OpenAPI document (e2e)', () => {
  let t: TestApp;
  let world: World;
  let operations: Operation[];
  let generator: Generator;
  let ids: string[];

  beforeAll(async () => {
    t = await bootTestApp();
    const doc = (await t.http().get('/docs/openapi.json').expect(200)).body as Doc;
    operations = operationsOf(doc);
    generator = new Generator(doc.components.schemas);
    world = await buildWorld(t);
    ids = [
      world.ids.migrantA,
      world.ids.employerA,
      await world.vacancyA(),
      await world.fairX(),
      (await world.kioskX()).id,
      await world.documentA(),
      await world.applicationA(),
      await world.interviewA(),
      await world.notificationA(),
      await world.placementA(),
      await world.obligationA(),
      await world.grievanceA(),
      await world.consultationA(),
      (await world.deskX()).slotIds[1],
      (await world.adviserX()).id,
    ];
  });
  afterAll(() => t.close());

  async function send(
    op: Operation,
    who: PrincipalName,
    path: string,
    query: Record<string, unknown>,
    body: unknown,
  ): Promise<Outcome> {
    const req = t
      .http()
      [op.method as 'post'](path)
      .query(
        Object.fromEntries(
          Object.entries(query).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
        ),
      )
      .timeout(REQUEST_TIMEOUT_MS);
    const token = await world.token(who);
    if (token) req.set('authorization', `Bearer ${token}`);
    try {
      const res =
        body === undefined
          ? await req
          : await req.set('content-type', 'application/json').send(JSON.stringify(body));
      return { status: res.status, type: String(res.headers['content-type'] ?? '') };
    } catch (error) {
      const e = error as { code?: string; timeout?: number; message: string };
      return {
        status: 0,
        type: '',
        error: e.timeout ? `no answer within ${REQUEST_TIMEOUT_MS} ms` : `${e.code ?? ''} ${e.message}`,
      };
    }
  }

  it('refuses working hours written with an exponent with 400, where the validator threw (500)', async () => {
    const wage = await t
      .http()
      .get('/v1/reference/minimum-wage?region=RU-MOW&schedule=shift&shiftHours=9e-323&shiftsPerMonth=15');
    expect(wage.status).toBe(400);
    expect(wage.body.errors).toContainEqual({
      field: 'shiftHours',
      message: expect.stringMatching(/decimal/),
    });
    const vacancy = await t
      .http()
      .post('/v1/vacancies')
      .set('authorization', `Bearer ${await world.token('employerA')}`)
      .send(vacancyBody({ workingTime: { hoursPerWeek: 5e-324 } }));
    expect(vacancy.status).toBe(400);
    expect(vacancy.type).toBe('application/problem+json');
    expect(JSON.stringify(vacancy.body.errors)).toMatch(/hoursPerWeek/);
  });

  it('answers every generated input without a 5xx, a hang or a reset, every 4xx as problem+json', async () => {
    const started = Date.now();
    let requests = 0;
    let fiveHundreds = 0;
    const failures: string[] = [];

    for (const [index, op] of operations.entries()) {
      const seed = SEED + index;
      const pathParams = op.parameters.filter((p) => p.in === 'path');
      const queryParams = op.parameters.filter((p) => p.in === 'query');
      const input = fc.record({
        who: fc.constantFrom(...FUZZED),
        path: fc.record(Object.fromEntries(pathParams.map((p) => [p.name, pathValue(world, p.name, ids)]))),
        query: fc.record(
          Object.fromEntries(queryParams.map((p) => [p.name, generator.value(p.schema ?? {})])),
          {
            requiredKeys: [],
          },
        ),
        body: op.body ? generator.value(op.body) : fc.constant(undefined),
      });
      const result = await fc.check(
        fc.asyncProperty(input, async ({ who, path, query, body }) => {
          const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
            encodeURIComponent(path[name] as string),
          );
          requests += 1;
          const res = await send(op, who, url, query, body);
          if (res.status >= 500) fiveHundreds += 1;
          const problem =
            res.status >= 400 && res.status < 500 && !res.type.startsWith('application/problem+json');
          if (res.error || res.status >= 500 || problem)
            throw new Error(
              `${res.error ?? res.status} ${problem ? `(${res.type}, not problem+json)` : ''} as ${who}`,
            );
        }),
        { seed, numRuns: RUNS, endOnFailure: true },
      );
      if (result.failed) {
        const counterexample = JSON.stringify(result.counterexample?.[0]).slice(0, 300);
        failures.push(
          `${op.method.toUpperCase()} ${op.path} (seed ${seed}): ${(result.errorInstance as Error)?.message} for ${counterexample}`,
        );
      }
    }

    console.log(
      `fuzz: ${operations.length} operations, ${requests} requests, ${fiveHundreds} answered 5xx, seed ${SEED}, ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(operations.length * RUNS);
  }, 300_000);
});
