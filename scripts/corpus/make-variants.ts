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
// From a .pdf source (the published PDF itself): .pdf-layout.txt and .pdf-raw.txt.
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
const only = new Set(args);

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
  const text = (layout: boolean) => {
    const t = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    return localUrl && url ? t.split(localUrl).join(url) : t;
  };
  fs.writeFileSync(path.join(REAL, `${id}.pdf-layout.txt`), text(true));
  fs.writeFileSync(path.join(REAL, `${id}.pdf-raw.txt`), text(false));
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
    fs.writeFileSync(path.join(REAL, `${id}.copy.txt`), innerText(html));
    fs.writeFileSync(path.join(REAL, `${id}.cells.txt`), innerText(html, 'table,tbody,tr,td{display:block}'));
    const pdf = path.join(os.tmpdir(), `corpus-${id}.pdf`);
    chromium(`--print-to-pdf=${pdf}`, `file://${src}`);
    pdfTexts(pdf, id, `file://${src}`, META[id]?.url);
    fs.rmSync(pdf, { force: true });
    fs.writeFileSync(path.join(REAL, `${id}.md`), markdown(html));
  } else {
    continue;
  }
  console.log(id);
}
