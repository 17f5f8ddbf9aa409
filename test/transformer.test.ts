// The transformer of /trpc writes answers of JSON values and Dates itself (src/server/transformer.ts):
// its output must be superjson's to the byte, for those answers and for every other value,
// which it leaves to superjson.
import fc from 'fast-check';
import superjson from 'superjson';
import { expect, it } from 'vitest';
import { transformer } from '../src/server/transformer.ts';

const { serialize } = transformer.output;

/** Both serializations as JSON text, and the value superjson reads back from ours; or the same refusal. */
function expectSuperjsonsOwn(value: unknown) {
  let refusal: unknown;
  try {
    superjson.serialize(value);
  } catch (error) {
    refusal = error;
  }
  if (refusal) {
    expect(() => serialize(value)).toThrow((refusal as Error).message);
    return;
  }
  const ours = serialize(value);
  expect(JSON.stringify(ours)).toBe(JSON.stringify(superjson.serialize(value)));
  // What the client reads back is what superjson would have given it.
  expect(superjson.deserialize(JSON.parse(JSON.stringify(ours)))).toEqual(superjson.deserialize(JSON.parse(JSON.stringify(superjson.serialize(value)))));
}

it('writes answers as superjson does: Dates at any depth, keys that need escaping, integer-like keys', () => {
  const created = new Date('2026-12-04T05:06:07.089Z');
  const answers: unknown[] = [
    null,
    'text',
    0,
    1.5,
    true,
    [],
    {},
    { user: { uuid: 'u', created, last_used: null, permissions: ['account.infos'] } },
    { data: [{ created }, { created: new Date(0) }, { nested: [[new Date(1)]] }], meta: { total: 2 } },
    { 'a.b': { 'c\\d': new Date(2) }, '2': new Date(3), '1': 'one', 'x.': [new Date(4)] },
    [new Date(5), 'text', { at: new Date(6) }],
    Object.assign(Object.create(null) as object, { at: new Date(7), name: 'no prototype' }),
    { before: 'kept', at: new Date(8), after: { untouched: [1, 2, 3] } },
  ];
  for (const answer of answers) expectSuperjsonsOwn(answer);
});

it('leaves to superjson what JSON cannot carry, objects met twice, and keys superjson refuses', () => {
  const shared = { id: 1 };
  const date = new Date(9);
  class Row {
    id = 1;
  }
  const cases: unknown[] = [
    undefined,
    { missing: undefined },
    [1, undefined],
    -0,
    { n: Number.NaN, i: Infinity, m: -Infinity },
    10n,
    new Date(10),
    { invalid: new Date(Number.NaN) },
    { map: new Map([['a', 1]]), set: new Set([1]) },
    { row: new Row() },
    { error: new Error('boom') },
    { regexp: /x/g },
    { url: new URL('https://example.com/') },
    { a: shared, b: shared },
    { a: date, b: date },
    [shared, [shared]],
    { fn: () => 1 },
    { symbol: Symbol.for('x') },
    // eslint-disable-next-line no-sparse-arrays
    [1, , 3],
  ];
  for (const value of cases) expectSuperjsonsOwn(value);
  const circular: Record<string, unknown> = { name: 'loop' };
  circular.self = circular;
  expectSuperjsonsOwn(circular);
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    const hostile = JSON.parse(`{"ok": 1, "nested": {"${key}": {"at": 1}}}`);
    expect(() => superjson.serialize(hostile)).toThrow('prototype pollution');
    expectSuperjsonsOwn(hostile);
  }
});

it('agrees with superjson on generated answers', () => {
  const leaf = fc.oneof(
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: false }),
  );
  const key = fc.oneof(fc.string(), fc.constantFrom('a.b', 'c\\d', '0', '12', 'x\\.y', '.'));
  const { answer } = fc.letrec((tie) => ({
    answer: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('answer'), { maxLength: 4 }),
    object: fc.dictionary(key, tie('answer'), { maxKeys: 4 }),
  }));
  fc.assert(fc.property(answer, (value) => expectSuperjsonsOwn(value)), { numRuns: 2000 });
});
