import { describe, expect, it } from 'vitest';
import { ClockDriftError, compareHlc, formatHlc, HybridClock, isHlc, parseHlc } from '../../../shared/hlc';

function manualClock(start: number) {
  let now = start;
  return { now: () => now, set: (v: number) => (now = v) };
}

describe('hybrid logical clock', () => {
  it('formats to strings whose lexicographic order is the clock order', () => {
    const a = formatHlc({ wall: 9, counter: 15, node: 'b' });
    const b = formatHlc({ wall: 10, counter: 0, node: 'a' });
    expect(a < b).toBe(true);
    expect(parseHlc(b)).toEqual({ wall: 10, counter: 0, node: 'a' });
    expect(isHlc(a)).toBe(true);
    expect(isHlc('nonsense')).toBe(false);
    expect(() => parseHlc('1-2-3')).toThrow(/Not a hybrid logical clock/);
  });

  it('issues strictly increasing stamps even when the wall clock stands still or goes back', () => {
    const wall = manualClock(1_000);
    const clock = new HybridClock('node1', wall.now);
    const stamps = [clock.tick(), clock.tick()];
    wall.set(500); // the laptop's clock was set back
    stamps.push(clock.tick(), clock.tick());
    wall.set(2_000);
    stamps.push(clock.tick());
    for (let i = 1; i < stamps.length; i++) expect(compareHlc(stamps[i - 1] ?? '', stamps[i] ?? '')).toBe(-1);
    expect(parseHlc(stamps[4] ?? '')).toMatchObject({ wall: 2_000, counter: 0 });
  });

  it('after receiving a remote stamp, the next local stamp is greater', () => {
    const wall = manualClock(1_000);
    const a = new HybridClock('a', wall.now);
    const b = new HybridClock('b', manualClock(1_000 + 60_000).now);
    const remote = b.tick();
    a.receive(remote);
    const next = a.tick();
    expect(compareHlc(remote, next)).toBe(-1);
  });

  it('refuses a stamp from a clock far in the future', () => {
    const a = new HybridClock('a', () => 1_000);
    const future = formatHlc({ wall: 1_000 + 365 * 24 * 3600 * 1000, counter: 0, node: 'z' });
    expect(() => a.receive(future)).toThrow(ClockDriftError);
    // ...but its own earlier stamps are trusted, however far ahead (a clock set back after a restart).
    a.receiveTrusted(future);
    expect(compareHlc(future, a.tick())).toBe(-1);
  });

  it('node id breaks ties deterministically', () => {
    const x = formatHlc({ wall: 5, counter: 1, node: 'aaa' });
    const y = formatHlc({ wall: 5, counter: 1, node: 'bbb' });
    expect(compareHlc(x, y)).toBe(-1);
    expect(compareHlc(y, x)).toBe(1);
    expect(compareHlc(x, x)).toBe(0);
  });

  it('rejects invalid node ids', () => {
    expect(() => new HybridClock('has-dash')).toThrow();
  });
});
