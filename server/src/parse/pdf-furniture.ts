// What a printed or PDF page adds around the report's own text (issue 11 class 3): page numbers
// (-3-, — 3 —, 第3页 共5页, 3/5), and a browser's print header and footer (`11/30/26, 1:47 AM <title>`,
// `https://… 4/7`). Such a line is never part of a label and never ends a table: a table that
// continues after a page break is one table.

const PAGE_NUMBER = /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|(?:共\s*\d{1,4}\s*页\s*[,，]?\s*)?第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/;
// A browser's print footer: the page's address, then the page counter. A page saved to disk and printed
// from there shows its file:// address (fourth blind round: the footer inside 表三's header was read as rows).
const PRINT_FOOTER = /^(?:https?:\/\/|www\.|file:\/\/)\S*(?:\s.*)?\s\d{1,4}\s*\/\s*\d{1,4}$/;
// A browser's print header: the date and time of printing, then the page's title.
const PRINT_HEADER = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?(?:\s|$)/;

/**
 * Whether a line (normalised, trimmed) is a page number or a browser's print header/footer: never
 * the report's text, wherever it stands.
 */
export function isPrintFurniture(text: string): boolean {
  if (text.length > 400 || text.length < 3) return false;
  const c = text.charCodeAt(0);
  // Every form starts with a dash, a digit, 第/共, P/p, h/w/f: most lines are ruled out by their first unit.
  if (!(c === 0x2d || c === 0x2014 || c === 0x2013 || c === 0xff0d || (c >= 48 && c <= 57) || c === 0x7b2c || c === 0x5171 || c === 80 || c === 112 || c === 104 || c === 119 || c === 102)) return false;
  return (text.length <= 40 && PAGE_NUMBER.test(text)) || PRINT_FOOTER.test(text) || PRINT_HEADER.test(text);
}

// The same footer as plain pdftotext reads it: the address alone on its line, the counter on another
// (`https://…/t20260131_104920.htm`, then `3/5`). A table row is never a web address with a path;
// prose may wrap before one (`网址：` / `https://…`), so only inside a table.
const BARE_ADDRESS = /^(?:https?:\/\/|www\.|file:\/\/)[\x21-\x7e]*\/[\x21-\x7e]*$/;

/** Inside a table also the running header naming the report (`平潭综合实验区2019年度…年度报告`). */
export function isPageFurniture(text: string): boolean {
  // An address starts with h, w or f: other lines need no regex.
  const c = text.charCodeAt(0);
  return isPrintFurniture(text) || (text.length <= 80 && text.includes('年度报告')) || (text.length <= 400 && (c === 104 || c === 119 || c === 102) && BARE_ADDRESS.test(text));
}

// A browser's print footer read by plain pdftotext can keep the page's title beside its address
// (`https://www.shanghai.gov.cn/（2019年…年度报告，发布日期 2020-01-31）`, the counter `5/7` on a line of its own).
// Long and with commas it looks like prose; a table row never starts with a web address, so inside a table
// it is a page break.
const ADDRESS_FIRST = /^(?:https?:\/\/|file:\/\/)[\x21-\x7e]*\//;

/** Whether a line inside a table starts with a web address with a path: page furniture, never prose ending the table. */
export function startsWithAddress(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c === 104 || c === 102) && ADDRESS_FIRST.test(text);
}
