import type { Random } from './random';

/** A lowercase address at `domain`, numbered when the plain one is taken. */
export function uniqueEmail(localPart: string, domain: string, taken: Set<string>): string {
  const base = localPart.toLowerCase().replace(/[^a-z0-9.]+/g, '');
  for (let n = 1; ; n += 1) {
    const email = `${base}${n === 1 ? '' : n}@${domain}`;
    if (!taken.has(email)) {
      taken.add(email);
      return email;
    }
  }
}

/**
 * A name from `compose` that is not taken yet. Word lists only allow so many combinations, so
 * after a few misses the name gets a distinguishing suffix instead of looping forever.
 */
export function uniqueName(
  compose: () => string,
  taken: Set<string>,
  suffixes: readonly string[],
): string {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const name = compose();
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  const base = compose();
  for (let n = 0; ; n += 1) {
    const suffix = suffixes[n % suffixes.length];
    const round = Math.floor(n / suffixes.length);
    const name = `${base} ${suffix}${round === 0 ? '' : ` ${round + 1}`}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** "Sakura Logistics" -> "sakura-logistics", for web domains. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Replaces every `#` of a pattern such as "+81 3-####-####" with a random digit. */
export function digits(random: Random, pattern: string): string {
  return pattern.replace(/#/g, () => String(random.int(0, 9)));
}

/** Fills `{name}` placeholders; an unknown one is a bug in the word lists, so it throws. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_match, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`no value for {${key}} in "${template}"`);
    return value;
  });
}
