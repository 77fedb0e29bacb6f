// User-facing text is Chinese by default; English when the client's locale (or --lang) says so.
export type Lang = 'zh' | 'en';

export type Messages = Record<string, { zh: string; en: string }>;

/** Picks the language from a locale tag such as zh-cn, en, en-US. Anything not English is Chinese. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale && /^en\b/i.test(locale) ? 'en' : 'zh';
}

// Templates split once into text and placeholder names (even indexes text, odd indexes names).
const parsed = new Map<string, string[]>();

/** Fills `{name}` placeholders; unknown names stay as written. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  let parts = parsed.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (parsed.size < 10_000) parsed.set(template, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) out += (parts[i] in params ? String(params[parts[i]]) : `{${parts[i]}}`) + parts[i + 1];
  return out;
}

export function message(messages: Messages, key: string, lang: Lang, params?: Record<string, string | number>): string {
  const entry = messages[key];
  if (!entry) return key;
  return format(entry[lang], params);
}
