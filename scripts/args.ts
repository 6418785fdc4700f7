/** Reads `--name value` from the command line, for the few flags the scripts take. */
export function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** `--name N` for a number above zero, such as a duration or a count of connections. */
export function positiveArgument(name: string, fallback: number): number {
  const raw = argument(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!(value > 0)) throw new Error(`--${name} must be a positive number, got ${raw}`);
  return value;
}

export function scaleArgument(fallback: number): number {
  const raw = argument('scale') ?? process.env.SEED_SCALE;
  if (raw === undefined) return fallback;
  const scale = Number(raw);
  if (!(scale > 0) || scale > 100)
    throw new Error(`--scale must be a number in (0, 100], got ${raw}`);
  return scale;
}

export function positionalArguments(): string[] {
  const args = process.argv.slice(2);
  return args.filter((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
}
