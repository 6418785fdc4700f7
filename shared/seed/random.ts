/**
 * A seeded pseudo-random generator (mulberry32). Demo data must come out identical on every run,
 * including ids, so nothing in the seed may use Math.random, crypto or the database's defaults.
 * One instance is threaded through the whole generator: separate seeds would be separate offsets
 * into the same 2^32 cycle and could overlap, repeating ids.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks a value with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** `count` distinct items in random order (all of them when the list is shorter). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const taken = Math.min(count, pool.length);
    // A partial Fisher-Yates shuffle: only the first `taken` slots need to be random.
    for (let i = 0; i < taken; i += 1) {
      const j = this.int(i, pool.length - 1);
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, taken);
  }

  /** A string shaped like a version 4 UUID, so the uuid columns accept it. */
  uuid(): string {
    let hex = '';
    for (let i = 0; i < 4; i += 1) hex += this.nextUint32().toString(16).padStart(8, '0');
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return [
      hex.slice(0, 8),
      hex.slice(8, 12),
      `4${hex.slice(13, 16)}`,
      `${variant}${hex.slice(17, 20)}`,
      hex.slice(20, 32),
    ].join('-');
  }
}

/**
 * Rewrites a few random picks so every value occurs at least once: weighted picks can miss a rare
 * value at small scales, and the demo is meant to show every status, priority and channel.
 * Only picks whose value occurs more than once are overwritten, so no value is lost in turn.
 */
export function coverEveryValue<T>(random: Random, picks: T[], values: readonly T[]): void {
  if (picks.length < values.length) {
    throw new RangeError(`${picks.length} picks cannot cover ${values.length} values`);
  }
  const counts = new Map<T, number>();
  for (const pick of picks) counts.set(pick, (counts.get(pick) ?? 0) + 1);
  for (const value of values) {
    if (counts.has(value)) continue;
    const replaceable = picks.flatMap((pick, index) =>
      (counts.get(pick) ?? 0) > 1 ? [index] : [],
    );
    const index = random.pick(replaceable);
    counts.set(picks[index], (counts.get(picks[index]) ?? 0) - 1);
    picks[index] = value;
    counts.set(value, 1);
  }
}
