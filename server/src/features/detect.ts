// Does a plain-text/Markdown document look like an annual report? Used by the client to switch the
// language of .txt/.md documents to govreport, and by the workspace check to skip unrelated files.
// Deliberately cheap: a few substring tests on the first 200 000 characters.
import { SECTIONS } from '../spec/sections';

const TITLES = SECTIONS.map((s) => [s.title, ...s.variants, ...s.legacy]);

export function looksLikeReport(text: string): boolean {
  const t = text.slice(0, 200_000).replace(/[ \t\u3000]+/g, '');
  if (!t.includes('政府信息公开')) return false;
  if (/第二十条第[(（]?[一二三四五六七八九十]+[)）]?项/.test(t)) return true;
  let headings = 0;
  for (const titles of TITLES) if (titles.some((x) => t.includes(x))) headings++;
  return headings >= 2;
}
