// Turns each source of the real-report corpus (test/fixtures/real/sources/) into the texts users actually get.
// Run by hand when a source is added; the outputs are committed, so tests never need these tools.
//
//   npx tsx scripts/corpus/make-variants.ts [--tools DIR] [ID…]
//
// Needs (Debian packages) chromium, poppler-utils, fonts-wqy-microhei; and turndown + turndown-plugin-gfm installed
// in DIR (npm i --prefix DIR turndown turndown-plugin-gfm) — kept out of package.json because only this script uses them.
//
// From an .html source:  .copy.txt      Chromium's innerText of the page (what select-all + copy gives: tabs between cells)
//                        .cells.txt     the saved page as text with every cell on its own line (cells laid out as blocks)
//                        .pdf-layout.txt / .pdf-raw.txt   the page printed to PDF by Chromium (its running header with date
//                                       and title, footer with address and page number), then `pdftotext -layout` / `pdftotext`
//                        .md            converter Markdown: turndown with GFM tables
//                        .writer.txt    the page opened in a word processor and saved as plain text (LibreOffice Writer,
//                                       Debian package libreoffice-writer-nogui: HTML → .docx → “Text (encoded)” UTF-8)
//                        .pdf-copy.txt  `pdftotext -raw`: the content-stream order, one table row a line with single spaces
//                                       between cells — what selecting and copying in a PDF viewer gives
// From a .pdf source (the published PDF itself): .pdf-layout.txt, .pdf-raw.txt and .pdf-copy.txt.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const REAL = path.join(ROOT, 'test', 'fixtures', 'real');
const SOURCES = path.join(REAL, 'sources');

const args = process.argv.slice(2);
const toolsAt = args.indexOf('--tools');
const tools = toolsAt >= 0 ? args.splice(toolsAt, 2)[1] : path.join(os.tmpdir(), 'corpus-tools');
const kindsAt = args.indexOf('--kinds');
const kinds = kindsAt >= 0 ? new Set(args.splice(kindsAt, 2)[1].split(',')) : undefined;
const only = new Set(args);

/** Writes `<id>.<kind>` unless --kinds leaves that kind out (then the text is not even made). */
function emit(id: string, kind: string, make: () => string): void {
  if (kinds && !kinds.has(kind)) return;
  fs.writeFileSync(path.join(REAL, kind === 'md' ? `${id}.md` : `${id}.${kind}.txt`), make());
}

function chromium(...a: string[]): string {
  return execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', ...a], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
}

/** innerText as Chromium computes it, read back through --dump-dom (the script leaves it in a textarea). */
function innerText(html: string, extraCss = ''): string {
  const probe = html.replace('</body>', `<style>${extraCss}</style><script>
const t = document.querySelector('.article').innerText;
document.body.innerHTML = '';
const o = document.createElement('textarea'); o.id = 'OUT'; o.textContent = t; document.body.appendChild(o);
</script></body>`);
  const tmp = path.join(os.tmpdir(), `corpus-probe-${process.pid}.html`);
  fs.writeFileSync(tmp, probe);
  try {
    const dom = chromium('--dump-dom', `file://${tmp}`);
    const m = /<textarea id="OUT">([\s\S]*)<\/textarea>/.exec(dom);
    if (!m) throw new Error('no innerText came back');
    return m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&nbsp;/g, '\u00a0').replace(/&amp;/g, '&');
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** The footer Chromium prints names the local file; a reader who printed the published page would see its address. */
function pdfTexts(pdf: string, id: string, localUrl?: string, url?: string): void {
  const text = (mode: string[]) => {
    const t = execFileSync('pdftotext', [...mode, '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    return localUrl && url ? t.split(localUrl).join(url) : t;
  };
  emit(id, 'pdf-layout', () => text(['-layout']));
  emit(id, 'pdf-raw', () => text([]));
  emit(id, 'pdf-copy', () => text(['-raw']));
}

/** What a clerk gets who opens the page in Word/WPS and saves it as .txt: the article only, via .docx as authors keep it. */
function writerText(src: string, id: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-writer-'));
  try {
    const article = path.join(dir, `${id}.html`);
    fs.writeFileSync(article, fs.readFileSync(src, 'utf8'));
    const soffice = (...a: string[]) => execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, ...a, '--outdir', dir], { stdio: 'ignore' });
    soffice('--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', article);
    soffice('--convert-to', 'txt:Text (encoded):UTF8', path.join(dir, `${id}.docx`));
    return fs.readFileSync(path.join(dir, `${id}.txt`), 'utf8').replace(/^\uFEFF/, '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function markdown(html: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const TurndownService = require(path.join(tools, 'node_modules', 'turndown'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { gfm } = require(path.join(tools, 'node_modules', 'turndown-plugin-gfm'));
  const td = new TurndownService({ headingStyle: 'atx' });
  td.use(gfm);
  const body = /<div class="article">([\s\S]*)<\/div>\s*<\/body>/.exec(html)?.[1] ?? html;
  return td.turndown(body) + '\n';
}

const META = JSON.parse(fs.readFileSync(path.join(REAL, "sources.json"), "utf8")).reports as Record<string, { url: string }>;

for (const name of fs.readdirSync(SOURCES).sort()) {
  const ext = path.extname(name);
  const id = path.basename(name, ext);
  if (only.size && !only.has(id)) continue;
  const src = path.join(SOURCES, name);
  if (ext === '.pdf') {
    pdfTexts(src, id);
  } else if (ext === '.html') {
    const html = fs.readFileSync(src, 'utf8');
    emit(id, 'copy', () => innerText(html));
    emit(id, 'cells', () => innerText(html, 'table,tbody,tr,td{display:block}'));
    if (!kinds || ['pdf-layout', 'pdf-raw', 'pdf-copy'].some((k) => kinds.has(k))) {
      const pdf = path.join(os.tmpdir(), `corpus-${id}.pdf`);
      chromium(`--print-to-pdf=${pdf}`, `file://${src}`);
      pdfTexts(pdf, id, `file://${src}`, META[id]?.url);
      fs.rmSync(pdf, { force: true });
    }
    emit(id, 'md', () => markdown(html));
    emit(id, 'writer', () => writerText(src, id));
  } else {
    continue;
  }
  console.log(id);
}
