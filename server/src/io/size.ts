// Sizes as users write and read them, with no file system in sight: the configuration's parser and
// the table preview's bundle (a browser) use these too.
export const MiB = 1024 * 1024;

export const formatSize = (n: number): string => (n >= MiB ? `${Math.round((n / MiB) * 10) / 10} MiB` : n >= 1024 ? `${Math.round(n / 102.4) / 10} KiB` : `${n} B`);

/** "256M", "1G", "64k", "1048576" → bytes; undefined when not a size. */
export function parseSize(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Math.round(Number(m[1]) * ({ '': 1, k: 1024, m: MiB, g: 1024 * MiB } as Record<string, number>)[m[2].toLowerCase()]);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}
