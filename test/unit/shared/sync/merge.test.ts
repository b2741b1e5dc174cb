import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../../shared/hlc';
import { type IncomingWrite, mergeWrite, type RecordState } from '../../../../shared/sync/merge';

const stamp = (wall: number, node = 'a', counter = 0) => formatHlc({ wall, counter, node });

describe('per-field merge', () => {
  it('takes the higher stamp per field; different fields both survive', () => {
    const base = mergeWrite(undefined, {
      changes: { title: 'A', notes: 'n' },
      stamps: { title: stamp(1), notes: stamp(1) },
    });
    const a = mergeWrite(base.state, {
      changes: { title: 'B' },
      stamps: { title: stamp(2, 'x') },
      baseStamps: { title: stamp(1) },
    });
    const b = mergeWrite(a.state, {
      changes: { notes: 'm' },
      stamps: { notes: stamp(3, 'y') },
      baseStamps: { notes: stamp(1) },
    });
    expect(b.state.data).toEqual({ title: 'B', notes: 'm' });
    expect(b.conflicts).toEqual([]);
  });

  it('a concurrent write to the same field is kept as a conflict, whichever arrives first', () => {
    const base = mergeWrite(undefined, { changes: { title: 'A' }, stamps: { title: stamp(1) } }).state;
    const x: IncomingWrite = {
      changes: { title: 'X' },
      stamps: { title: stamp(5, 'x') },
      baseStamps: { title: stamp(1) },
    };
    const y: IncomingWrite = {
      changes: { title: 'Y' },
      stamps: { title: stamp(6, 'y') },
      baseStamps: { title: stamp(1) },
    };
    const xy = mergeWrite(mergeWrite(base, x).state, y);
    const yx = mergeWrite(mergeWrite(base, y).state, x);
    expect(xy.state).toEqual(yx.state);
    expect(xy.state.data.title).toBe('Y');
    expect(xy.conflicts).toEqual([
      {
        field: 'title',
        winner: { value: 'Y', stamp: stamp(6, 'y') },
        loser: { value: 'X', stamp: stamp(5, 'x') },
        loserSide: 'current',
      },
    ]);
    expect(yx.conflicts).toEqual([
      {
        field: 'title',
        winner: { value: 'Y', stamp: stamp(6, 'y') },
        loser: { value: 'X', stamp: stamp(5, 'x') },
        loserSide: 'incoming',
      },
    ]);
  });

  it('an overwrite based on the current value is not a conflict', () => {
    const s1 = mergeWrite(undefined, { changes: { title: 'A' }, stamps: { title: stamp(1) } }).state;
    const r = mergeWrite(s1, {
      changes: { title: 'B' },
      stamps: { title: stamp(2) },
      baseStamps: { title: stamp(1) },
    });
    expect(r.conflicts).toEqual([]);
  });

  it('is commutative, associative and idempotent (property)', () => {
    const write = fc.record({
      field: fc.constantFrom('title', 'notes', '_deleted'),
      value: fc.oneof(fc.string({ maxLength: 3 }), fc.boolean()),
      wall: fc.integer({ min: 1, max: 50 }),
      node: fc.constantFrom('a', 'b', 'c'),
    });
    fc.assert(
      fc.property(fc.array(write, { maxLength: 12 }), fc.integer(), (writes, seed) => {
        // distinct writes need distinct stamps: make them unique per (wall,node) by counter
        const unique = writes.map((w, i) => ({
          changes: { [w.field]: w.value },
          stamps: { [w.field]: formatHlc({ wall: w.wall, counter: i, node: w.node }) },
        }));
        const apply = (list: IncomingWrite[]) =>
          list.reduce<RecordState | undefined>((s, w) => mergeWrite(s, w).state, undefined);
        const shuffled = [...unique].sort(
          (p, q) =>
            ((JSON.stringify(p).length * 31 + seed) % 7) - ((JSON.stringify(q).length * 31 + seed) % 7),
        );
        const once = apply(unique);
        expect(apply(shuffled)).toEqual(once);
        expect(apply([...unique, ...unique])).toEqual(once);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
