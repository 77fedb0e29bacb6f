// User-facing text is Chinese by default; English when the client's locale (or --lang) says so.
export type Lang = 'zh' | 'en';

export type Messages = Record<string, { zh: string; en: string }>;

/** Picks the language from a locale tag such as zh-cn, en, en-US. Anything not English is Chinese. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale && /^en\b/i.test(locale) ? 'en' : 'zh';
}

// Templates split once into text and placeholder names (even indexes text, odd indexes names).
const parsed = new Map<string, string[]>();

/**
 * Fills `{name}` placeholders; unknown names stay as written. `{name:one|other}` picks the word by the
 * number `name` holds (English “1 value”, “2 values”): `{count} {count:value|values}`.
 */
export function format(template: string, params: Record<string, string | number> = {}): string {
  let parts = parsed.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+(?::[^{}|]*\|[^{}]*)?)\}/);
    if (parsed.size < 10_000) parsed.set(template, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) out += fill(parts[i], params) + parts[i + 1];
  return out;
}

function fill(slot: string, params: Record<string, string | number>): string {
  const colon = slot.indexOf(':');
  if (colon < 0) return slot in params ? String(params[slot]) : `{${slot}}`;
  const name = slot.slice(0, colon);
  if (!(name in params)) return `{${slot}}`;
  const [one, other] = slot.slice(colon + 1).split('|');
  return Number(params[name]) === 1 ? one : other;
}

export function message(messages: Messages, key: string, lang: Lang, params?: Record<string, string | number>): string {
  const entry = messages[key];
  if (!entry) return key;
  return format(entry[lang], params);
}
