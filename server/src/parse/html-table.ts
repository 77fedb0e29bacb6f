// Converter Markdown (turndown and others) keeps every table with row/col spans as a raw HTML block
// (`<table border="1"><tbody><tr><td colspan="4">…`), often on one line. The line parser does not read
// cells out of HTML, so a section holding such a block has its tables, just not in a form we can check.
import type { Range } from '../model';
import { range } from './text';

// A Markdown HTML block starts at the line start, indented by at most three spaces (CommonMark 4.6);
// `<table` elsewhere in a line is prose or code quoting a tag.
const HTML_TABLE = /^ {0,3}<table(?=[\s>/])/i;

/** The `<table` tag of the first HTML table block in lines [from, to), or undefined. */
export function findHtmlTable(lines: readonly string[], from: number, to: number): Range | undefined {
  const end = Math.min(to, lines.length);
  for (let i = Math.max(0, from); i < end; i++) {
    const m = HTML_TABLE.exec(lines[i]);
    if (m) return range(i, m[0].length - 6, i, m[0].length);
  }
  return undefined;
}
