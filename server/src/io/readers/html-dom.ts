// The DOM side of the HTML reader that needs no Node API: which elements are furniture or blocks,
// a table's rows and cells, their spans. The web-page reader (html.ts) and the HTML tables inside
// converter Markdown (parse/md-html-tables.ts, which also runs where there is no Buffer) share it.
import type { ChildNode, Element } from 'domhandler';

// Site furniture and code: never report text.
export const DROP = new Set(['script', 'style', 'noscript', 'template', 'nav', 'head', 'select', 'button', 'iframe', 'svg', 'object', 'textarea', 'map', 'audio', 'video', 'canvas']);
export const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'aside', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'center', 'form', 'fieldset', 'address', 'hr', 'figure', 'figcaption', 'caption', 'body', 'html', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'table']);

export const isElement = (n: ChildNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

export function hasTable(el: Element): boolean {
  for (const c of el.children) if (isElement(c) && (c.name === 'table' || hasTable(c))) return true;
  return false;
}

/** Rows of a data table, in order, whether or not they sit in thead/tbody/tfoot. */
export function rowsOf(el: Element, out: Element[] = []): Element[] {
  for (const c of el.children) {
    if (!isElement(c) || DROP.has(c.name)) continue;
    if (c.name === 'tr') out.push(c);
    else if (c.name !== 'table') rowsOf(c, out);
  }
  return out;
}

export function cellsOf(tr: Element, out: Element[] = []): Element[] {
  for (const c of tr.children) {
    if (!isElement(c) || DROP.has(c.name)) continue;
    if (c.name === 'td' || c.name === 'th') out.push(c);
    else if (c.name !== 'tr' && c.name !== 'table') cellsOf(c, out);
  }
  return out;
}

export const span = (el: Element, name: string): number => {
  const v = parseInt(el.attribs[name] ?? '1', 10);
  return Number.isFinite(v) && v > 0 ? v : 1;
};
