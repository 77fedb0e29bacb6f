// Word's automatic list numbering (word/numbering.xml). Report headings (一、总体情况) and table
// rows ((一)予以公开, 1.属于国家秘密) are often numbered by Word rather than typed, so the document
// XML lacks the ordinals: they are rebuilt here as Word displays them.
import { Parser } from 'htmlparser2';

interface Level { fmt: string; text: string; start: number }

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function chinese(n: number): string {
  if (n < 10) return CN[n];
  if (n < 20) return '十' + (n % 10 ? CN[n % 10] : '');
  if (n < 100) return CN[Math.floor(n / 10)] + '十' + (n % 10 ? CN[n % 10] : '');
  return String(n);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const t: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, r] of t) while (n >= v) { s += r; n -= v; }
  return s;
}

function letters(n: number): string {
  const c = String.fromCharCode(65 + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting': case 'chineseCountingThousand': case 'japaneseCounting': case 'ideographTraditional': case 'taiwaneseCounting': case 'taiwaneseCountingThousand':
      return chinese(n);
    case 'ideographDigital': case 'taiwaneseDigital': case 'japaneseDigitalTenThousand':
      return String(n).split('').map((d) => (d === '0' ? '〇' : CN[Number(d)])).join('');
    case 'decimalFullWidth': case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'upperRoman': return roman(n);
    case 'lowerRoman': return roman(n).toLowerCase();
    case 'upperLetter': return letters(n);
    case 'lowerLetter': return letters(n).toLowerCase();
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    default: return String(n);
  }
}

export class Numbering {
  private abstract = new Map<string, Map<number, Level>>();
  private nums = new Map<string, string>();
  /** Counters per abstract list (Word counts lists sharing an abstract definition together). */
  private counters = new Map<string, number[]>();

  constructor(xml: string) {
    if (!xml) return;
    let abs: Map<number, Level> | undefined;
    let lvl: Level | undefined;
    let num: string | undefined;
    const parser = new Parser({
      onopentag: (name, a) => {
        if (name === 'w:abstractnum') { abs = new Map(); this.abstract.set(a['w:abstractnumid'], abs); }
        else if (name === 'w:lvl' && abs) { lvl = { fmt: 'decimal', text: '', start: 1 }; abs.set(Number(a['w:ilvl']) || 0, lvl); }
        else if (name === 'w:numfmt' && lvl) lvl.fmt = a['w:val'] ?? 'decimal';
        else if (name === 'w:lvltext' && lvl) lvl.text = a['w:val'] ?? '';
        else if (name === 'w:start' && lvl) lvl.start = Number(a['w:val']) || 1;
        else if (name === 'w:num') num = a['w:numid'];
        else if (name === 'w:abstractnumid' && num !== undefined) this.nums.set(num, a['w:val']);
      },
      onclosetag: (name) => {
        if (name === 'w:abstractnum') abs = undefined;
        else if (name === 'w:lvl') lvl = undefined;
        else if (name === 'w:num') num = undefined;
      },
    }, { xmlMode: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
    parser.end(xml);
  }

  /** The displayed ordinal of the next paragraph in list numId at level ilvl ('' when none). */
  next(numId: string, ilvl: number): string {
    const absId = this.nums.get(numId);
    const levels = absId !== undefined ? this.abstract.get(absId) : undefined;
    const level = levels?.get(ilvl);
    if (!levels || !level || absId === undefined || numId === '0') return '';
    let c = this.counters.get(absId);
    if (!c) { c = []; this.counters.set(absId, c); }
    c[ilvl] = c[ilvl] === undefined ? level.start : c[ilvl] + 1;
    // A new item at one level restarts every deeper level.
    c.length = ilvl + 1;
    if (level.fmt === 'bullet' || level.fmt === 'none') return '';
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const k = Number(d) - 1;
      const l = levels.get(k);
      return formatNumber(c![k] ?? l?.start ?? 1, l?.fmt ?? 'decimal');
    });
  }
}
