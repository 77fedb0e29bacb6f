// Ruled tables in a PDF: the cell borders a word processor draws (stroked lines, thin filled bars,
// stroked rectangles) taken from PDF.js's operator list, and the text inside them put back into the
// cells they draw. Without the borders a label that wraps onto a second line reads as a second row
// and a header cell printed over three lines (社会 / 公益 / 组织) as three headers; with them a cell
// is whatever the borders enclose, a merged cell included (its text stands in its top-left slot and
// the slots it covers are blank, as the Word and HTML readers give them).
// Kept free of PDF.js itself: the operator list comes in as plain arrays and the op codes by name.

/** A border: horizontal (y fixed, from a to b along x) or vertical (x fixed, from a to b along y). */
export interface Rule { at: number; a: number; b: number }
export interface Rules { h: Rule[]; v: Rule[] }

/** The op codes this needs (PDF.js's `OPS`, passed in so this file does not load PDF.js). */
export interface Ops {
  save: number; restore: number; transform: number; constructPath: number;
  moveTo: number; lineTo: number; rectangle: number; closePath: number;
  stroke: number; closeStroke: number; fill: number; eoFill: number; fillStroke: number; eoFillStroke: number;
  closeFillStroke: number; closeEOFillStroke: number;
}

type M = [number, number, number, number, number, number];
const mul = (m: M, n: M): M => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: M, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

// Beyond this many path segments on a page the page is a drawing, not a table: no grid is sought.
const MAX_SEGMENTS = 20000;
const THIN = 3; // a filled bar thinner than this (pt) is a border
const MIN_RULE = 4;

/** Borders of one page, in the page's user space (the coordinates of the text items). */
export function pageRules(fnArray: readonly number[], argsArray: readonly unknown[], ops: Ops): Rules {
  const h: Rule[] = [];
  const v: Rule[] = [];
  let ctm: M = [1, 0, 0, 1, 0, 0];
  const stack: M[] = [];
  const stroked = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const filled = new Set([ops.fill, ops.eoFill]);
  let segments = 0;
  const segment = (p: [number, number], q: [number, number]): void => {
    if (Math.abs(p[1] - q[1]) < 1 && Math.abs(p[0] - q[0]) >= MIN_RULE) h.push({ at: (p[1] + q[1]) / 2, a: Math.min(p[0], q[0]), b: Math.max(p[0], q[0]) });
    else if (Math.abs(p[0] - q[0]) < 1 && Math.abs(p[1] - q[1]) >= MIN_RULE) v.push({ at: (p[0] + q[0]) / 2, a: Math.min(p[1], q[1]), b: Math.max(p[1], q[1]) });
  };
  for (let i = 0; i < fnArray.length && segments < MAX_SEGMENTS; i++) {
    const fn = fnArray[i];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = mul(argsArray[i] as M, ctm);
    else if (fn === ops.constructPath) {
      const paint = fnArray[i + 1];
      const stroke = stroked.has(paint);
      if (!stroke && !filled.has(paint)) continue; // clipping paths and invisible paths draw nothing
      const [pathOps, pathArgs] = argsArray[i] as [number[], number[]];
      let k = 0;
      let cur: [number, number] = [0, 0];
      let start: [number, number] = [0, 0];
      for (const op of pathOps) {
        if (++segments > MAX_SEGMENTS) break;
        if (op === ops.moveTo) { cur = start = apply(ctm, pathArgs[k], pathArgs[k + 1]); k += 2; }
        else if (op === ops.lineTo) { const p = apply(ctm, pathArgs[k], pathArgs[k + 1]); k += 2; if (stroke) segment(cur, p); cur = p; }
        else if (op === ops.rectangle) {
          const [x, y, w, hh] = pathArgs.slice(k, k + 4);
          k += 4;
          const c = [apply(ctm, x, y), apply(ctm, x + w, y), apply(ctm, x + w, y + hh), apply(ctm, x, y + hh)];
          const xs = c.map((p) => p[0]);
          const ys = c.map((p) => p[1]);
          const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          if (stroke) { segment([x0, y0], [x1, y0]); segment([x0, y1], [x1, y1]); segment([x0, y0], [x0, y1]); segment([x1, y0], [x1, y1]); }
          else if (y1 - y0 < THIN && x1 - x0 >= MIN_RULE) h.push({ at: (y0 + y1) / 2, a: x0, b: x1 });
          else if (x1 - x0 < THIN && y1 - y0 >= MIN_RULE) v.push({ at: (x0 + x1) / 2, a: y0, b: y1 });
          cur = start = [x0, y0];
        } else if (op === ops.closePath) { if (stroke) segment(cur, start); cur = start; }
        else k += op === 15 ? 6 : 4; // curves (curveTo 6 numbers, curveTo2/3 4): rounded corners, not borders
      }
    }
  }
  return { h, v };
}

const TOL = 2;

export interface Grid {
  /** Column borders left to right, row borders top to bottom (PDF y grows upwards: descending). */
  xs: number[];
  ys: number[];
  h: Rule[];
  v: Rule[];
}

/** Borders that touch each other form one table; a table needs two borders each way. */
export function tableGrids(rules: Rules): Grid[] {
  const all = [...rules.h.map((r) => ({ r, hz: true })), ...rules.v.map((r) => ({ r, hz: false }))];
  if (all.length > 4000) return [];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => { while (parent[i] !== i) i = parent[i] = parent[parent[i]]; return i; };
  const touches = (h: Rule, v: Rule): boolean => v.at >= h.a - TOL && v.at <= h.b + TOL && h.at >= v.a - TOL && h.at <= v.b + TOL;
  const hs = all.map((e, i) => [e, i] as const).filter(([e]) => e.hz);
  const vs = all.map((e, i) => [e, i] as const).filter(([e]) => !e.hz);
  for (const [h, i] of hs) for (const [v, j] of vs) if (touches(h.r, v.r)) parent[find(i)] = find(j);
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  all.forEach((e, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    (e.hz ? g.h : g.v).push(e.r);
    groups.set(find(i), g);
  });
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const xs = distinct(g.v.map((r) => r.at)).sort((a, b) => a - b);
    const ys = distinct(g.h.map((r) => r.at)).sort((a, b) => b - a);
    if (xs.length < 2 || ys.length < 2) continue;
    // A table broken by a page has no border under its last row (or over its first): the column
    // borders still reach there, and end where the row does.
    const h = [...g.h];
    const low = Math.min(...g.v.map((r) => r.a));
    const high = Math.max(...g.v.map((r) => r.b));
    if (low < ys[ys.length - 1] - TOL * 2) { ys.push(low); h.push({ at: low, a: xs[0], b: xs[xs.length - 1] }); }
    if (high > ys[0] + TOL * 2) { ys.unshift(high); h.push({ at: high, a: xs[0], b: xs[xs.length - 1] }); }
    grids.push({ xs, ys, h, v: g.v });
  }
  return grids;
}

function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const x of [...values].sort((a, b) => a - b)) if (!out.length || x - out[out.length - 1] > TOL) out.push(x);
  return out;
}

export interface GridItem { str: string; x: number; y: number; w: number; size: number }

/** Whether an item's centre lies inside the grid's outer borders. */
export function inGrid(g: Grid, it: GridItem): boolean {
  const cx = it.x + it.w / 2;
  const cy = it.y + it.size * 0.35;
  return cx > g.xs[0] && cx < g.xs[g.xs.length - 1] && cy < g.ys[0] && cy > g.ys[g.ys.length - 1];
}

export interface GridRow { y: number; size: number; cells: string[] }

/**
 * The items inside a grid → rows of cells. Slots (between neighbouring borders) with no border
 * between them are one merged cell; its text goes to its top-left slot, the rest stay blank.
 * Rows with no text at all are left out.
 */
export function readGrid(g: Grid, items: GridItem[]): GridRow[] {
  const { xs, ys } = g;
  const R = ys.length - 1;
  const C = xs.length - 1;
  const covers = (rules: Rule[], at: number, mid: number): boolean => rules.some((r) => Math.abs(r.at - at) <= TOL && mid >= r.a - TOL && mid <= r.b + TOL);
  const id = (r: number, c: number): number => r * C + c;
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => { while (parent[i] !== i) i = parent[i] = parent[parent[i]]; return i; };
  const union = (a: number, b: number): void => { const [x, y] = [find(a), find(b)]; if (x !== y) parent[Math.max(x, y)] = Math.min(x, y); };
  for (let r = 0; r < R; r++) {
    const midY = (ys[r] + ys[r + 1]) / 2;
    for (let c = 0; c < C; c++) {
      const midX = (xs[c] + xs[c + 1]) / 2;
      if (c + 1 < C && !covers(g.v, xs[c + 1], midY)) union(id(r, c), id(r, c + 1));
      if (r + 1 < R && !covers(g.h, ys[r + 1], midX)) union(id(r, c), id(r + 1, c));
    }
  }
  const slotOf = (it: GridItem): number => {
    const cx = it.x + it.w / 2;
    const cy = it.y + it.size * 0.35;
    let c = 0;
    while (c + 1 < C && cx > xs[c + 1]) c++;
    let r = 0;
    while (r + 1 < R && cy < ys[r + 1]) r++;
    return find(id(r, c));
  };
  const inCell = new Map<number, GridItem[]>();
  for (const it of items) {
    const s = slotOf(it);
    const list = inCell.get(s) ?? [];
    list.push(it);
    inCell.set(s, list);
  }
  const rows: GridRow[] = [];
  for (let r = 0; r < R; r++) {
    const cells: string[] = [];
    let size = 0;
    let top = -Infinity;
    for (let c = 0; c < C; c++) {
      const s = id(r, c);
      // The top-left slot of a merged cell is its representative (the smallest id): the others are blank.
      const list = find(s) === s ? inCell.get(s) : undefined;
      cells.push(list ? cellText(list) : '');
      for (const it of list ?? []) { size = Math.max(size, it.size); top = Math.max(top, it.y); }
    }
    if (cells.some((t) => t)) rows.push({ y: top, size, cells });
  }
  return rows;
}

const CJK_END = /[\u3000-\u9fff\uff00-\uffef]$/;
const CJK_START = /^[\u3000-\u9fff\uff00-\uffef]/;

/** A cell's items in reading order: its lines top to bottom, joined without a space between CJK text. */
function cellText(items: GridItem[]): string {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  let text = '';
  let last: GridItem | undefined;
  for (const it of sorted) {
    const s = it.str.trim();
    if (!s) continue;
    if (last) {
      const sameLine = Math.abs(last.y - it.y) <= Math.max(last.size, it.size) * 0.5;
      const gap = it.x - (last.x + last.w);
      const joinTight = CJK_END.test(text) && CJK_START.test(s);
      if (sameLine ? gap > it.size * 0.2 : !joinTight) text += ' ';
    }
    text += s;
    last = it;
  }
  return text;
}
