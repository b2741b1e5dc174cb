/**
 * Hybrid logical clock (Kulkarni et al. 2014).
 *
 * Invariants:
 *  - every stamp a clock issues is strictly greater than every stamp it issued or received before;
 *  - stamps are plain strings whose lexicographic order is the clock order (wall millis, then counter,
 *    then node id as the tie-break), so they sort and compare the same in JS, IndexedDB and SQL;
 *  - a remote stamp too far ahead of the local wall clock is refused (ClockDriftError) instead of being
 *    adopted, so one device with a wrong clock cannot make its writes win forever.
 */
export interface HlcTimestamp {
  readonly wall: number;
  readonly counter: number;
  readonly node: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 4;
const MAX_COUNTER = 16 ** COUNTER_DIGITS - 1;
/** Default tolerance for a peer's clock being ahead of ours. */
export const DEFAULT_MAX_DRIFT_MS = 5 * 60 * 1000;

export class ClockDriftError extends Error {
  constructor(
    readonly remoteWall: number,
    readonly localWall: number,
  ) {
    super(
      `Clock drift: a timestamp is ${Math.round((remoteWall - localWall) / 1000)} s ahead of this device's clock`,
    );
    this.name = 'ClockDriftError';
  }
}

export function formatHlc(ts: HlcTimestamp): string {
  return `${ts.wall.toString().padStart(WALL_DIGITS, '0')}-${ts.counter
    .toString(16)
    .padStart(COUNTER_DIGITS, '0')}-${ts.node}`;
}

export function parseHlc(value: string): HlcTimestamp {
  const match = /^(\d{15})-([0-9a-f]{4})-([0-9a-zA-Z_]{1,64})$/.exec(value);
  if (!match) throw new Error(`Not a hybrid logical clock stamp: ${value}`);
  return { wall: Number(match[1]), counter: Number.parseInt(match[2] ?? '0', 16), node: match[3] ?? '' };
}

export function isHlc(value: unknown): value is string {
  return typeof value === 'string' && /^\d{15}-[0-9a-f]{4}-[0-9a-zA-Z_]{1,64}$/.test(value);
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxHlc(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a >= b ? a : b;
}

export class HybridClock {
  private wall = 0;
  private counter = 0;

  constructor(
    readonly node: string,
    private readonly now: () => number = Date.now,
    private readonly maxDriftMs: number = DEFAULT_MAX_DRIFT_MS,
  ) {
    if (!/^[0-9a-zA-Z_]{1,64}$/.test(node)) throw new Error(`Invalid clock node id: ${node}`);
  }

  /** A new stamp for a local event. */
  tick(): string {
    const physical = this.now();
    if (physical > this.wall) {
      this.wall = physical;
      this.counter = 0;
    } else {
      this.bumpCounter();
    }
    return formatHlc({ wall: this.wall, counter: this.counter, node: this.node });
  }

  /** Merges a stamp seen from another replica, so later local stamps sort after it. */
  receive(remote: string): void {
    const r = parseHlc(remote);
    const physical = this.now();
    if (r.wall - physical > this.maxDriftMs) throw new ClockDriftError(r.wall, physical);
    this.advanceTo(r, physical);
  }

  /**
   * Adopts a stamp this device issued itself before a restart, without the drift check: if the wall
   * clock went backwards since, our own earlier stamps must still stay behind the new ones.
   */
  receiveTrusted(own: string): void {
    this.advanceTo(parseHlc(own), this.now());
  }

  private advanceTo(r: HlcTimestamp, physical: number): void {
    const wall = Math.max(this.wall, r.wall, physical);
    if (wall === this.wall && wall === r.wall) this.counter = Math.max(this.counter, r.counter);
    else if (wall === r.wall) this.counter = r.counter;
    else if (wall !== this.wall) this.counter = 0;
    this.wall = wall;
  }

  private bumpCounter(): void {
    if (this.counter >= MAX_COUNTER) {
      // Counter exhausted within one millisecond: borrow the next millisecond rather than overflow.
      this.wall += 1;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
  }
}
