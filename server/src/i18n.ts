// User-facing text is Chinese by default; English when the client's locale (or --lang) says so.
export type Lang = 'zh' | 'en';

export type Messages = Record<string, { zh: string; en: string }>;

/** Picks the language from a locale tag such as zh-cn, en, en-US. Anything not English is Chinese. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale && /^en\b/i.test(locale) ? 'en' : 'zh';
}

/** Fills `{name}` placeholders. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function message(messages: Messages, key: string, lang: Lang, params?: Record<string, string | number>): string {
  const entry = messages[key];
  if (!entry) return key;
  return format(entry[lang], params);
}
