// The transformer of /trpc writes answers of JSON values and Dates itself (src/server/transformer.ts):
// its output must be superjson's to the byte, for those answers and for every other value,
// which it leaves to superjson.
import fc from 'fast-check';
import superjson from 'superjson';
import { expect, it, vi } from 'vitest';
import { transformer } from '../src/server/transformer.ts';

const { serialize } = transformer.output;

/**
 * Ours and superjson's as JSON text, and what the client reads back from each; or the same
 * refusal. Returns whether ours got there without superjson.
 */
function expectSuperjsonsOwn(value: unknown): boolean {
  const superjsonCalls = vi.spyOn(superjson, 'serialize');
  let ours: unknown;
  let refusal: unknown;
  try {
    ours = serialize(value);
  } catch (error) {
    refusal = error;
  }
  const walkedAlone = superjsonCalls.mock.calls.length === 0;
  superjsonCalls.mockRestore();
  if (refusal) {
    expect(() => superjson.serialize(value as never)).toThrow((refusal as Error).message);
    return walkedAlone;
  }
  const theirs = superjson.serialize(value as never);
  expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
  expect(superjson.deserialize(JSON.parse(JSON.stringify(ours)))).toEqual(superjson.deserialize(JSON.parse(JSON.stringify(theirs))));
  return walkedAlone;
}

it('writes answers as superjson does, without it: Dates at any depth, keys that need escaping, integer-like keys', () => {
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
    { '': [[{ '': new Date(0) }, new Date(0)]] },
    [new Date(5), 'text', { at: new Date(6) }],
    Object.assign(Object.create(null) as object, { at: new Date(7), name: 'no prototype' }),
    // Copied as superjson copies: holes dropped, a hidden toJSON left behind, each getter read once.
    // eslint-disable-next-line no-sparse-arrays
    [1, , 3, ,],
    { list: new Array(2) },
    Object.defineProperty({ a: 1 }, 'toJSON', { value: () => 'hidden', enumerable: false }),
  ];
  for (const answer of answers) expect(expectSuperjsonsOwn(answer)).toBe(true);
});

it('reads each member once, as superjson does', () => {
  let reads = 0;
  const answer = {
    get name() {
      reads += 1;
      return reads === 1 ? 'first read' : 'read again';
    },
    at: new Date(0),
  };
  expect(JSON.stringify(serialize(answer))).toBe('{"json":{"name":"first read","at":"1970-01-01T00:00:00.000Z"},"meta":{"values":{"at":["Date"]},"v":1}}');
  expect(reads).toBe(1);
});

it('leaves to superjson what JSON cannot carry, objects met twice, and keys superjson refuses', () => {
  const shared = { id: 1 };
  const date = new Date(9);
  class Row {
    id = 1;
  }
  class Moment extends Date {}
  const circular: Record<string, unknown> = { name: 'loop' };
  circular.self = circular;
  const cases: unknown[] = [
    undefined,
    { missing: undefined },
    [1, undefined],
    -0,
    { n: Number.NaN, i: Infinity, m: -Infinity },
    10n,
    new Date(10),
    { invalid: new Date(Number.NaN) },
    { at: Object.assign(new Date(0), { valueOf: () => Number.NaN }) },
    { at: new Moment(0) },
    { map: new Map([['a', 1]]), set: new Set([1]) },
    { row: new Row() },
    { error: new Error('boom') },
    { regexp: /x/g },
    { url: new URL('https://example.com/') },
    { a: shared, b: shared },
    { a: date, b: date },
    [shared, [shared]],
    circular,
    { fn: () => 1 },
    { symbol: Symbol.for('x') },
  ];
  for (const value of cases) expect(expectSuperjsonsOwn(value)).toBe(false);
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    const hostile = JSON.parse(`{"ok": 1, "nested": {"${key}": {"at": 1}}}`);
    expect(() => superjson.serialize(hostile)).toThrow('prototype pollution');
    expectSuperjsonsOwn(hostile);
  }
});

const anyKey = fc.oneof(fc.string(), fc.constantFrom('a.b', 'c\\d', '0', '12', 'x\\.y', '.', '', '__proto__', 'constructor'));
/** Answers of one kind of leaf, nested in arrays and objects. */
const answers = (leaf: fc.Arbitrary<unknown>, key = anyKey) =>
  fc.letrec((tie) => ({
    answer: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('answer'), { maxLength: 4 }),
    object: fc.dictionary(key, tie('answer'), { maxKeys: 4 }),
  })).answer;

it('writes generated answers of JSON values and Dates as superjson does, without it', () => {
  const leaf = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: true }));
  // A Date at the root is superjson's: the generated answers hold Dates below it.
  const key = anyKey.filter((name) => !['__proto__', 'constructor', 'prototype'].includes(name));
  fc.assert(
    fc.property(answers(leaf, key).filter((value) => !(value instanceof Date)), (value) => {
        expect(expectSuperjsonsOwn(value)).toBe(true);
      }),
    { numRuns: 2000 },
  );
});

it('agrees with superjson on generated answers of any leaves', () => {
  const leaf = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: false }), fc.bigInt());
  fc.assert(fc.property(answers(leaf), (value) => void expectSuperjsonsOwn(value)), { numRuns: 2000 });
});
