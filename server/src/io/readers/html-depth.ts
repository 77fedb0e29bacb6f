// A bound on how deep a web page's markup nests, applied before htmlparser2 sees it. htmlparser2 keeps
// its open elements in an array it shifts on every opening tag and searches on every closing one, and
// the DOM walk recurses: markup nested tens of thousands deep (a broken CMS, a hostile file) would cost
// time quadratic in the depth and blow the stack. No report nests anywhere near MAX_DEPTH; tags deeper
// than that are dropped (their text is kept), so the work stays linear in the size of the page.
export const MAX_DEPTH = 256;

// Elements whose end tag may be left out (htmlparser2 closes them itself when the next one opens) and
// void elements: they do not count towards the depth, or a page of unclosed <p> would look deep.
const NO_DEPTH = new Set(['p', 'li', 'dt', 'dd', 'td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'colgroup', 'caption', 'rb', 'rt', 'rp',
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'frame', 'isindex', 'keygen']);

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(\/?)>/g;

/** The page with tags nested deeper than MAX_DEPTH removed; the page itself when it nests less (the usual case). */
export function boundDepth(html: string): string {
  let depth = 0;
  let dropped = 0;
  let out = '';
  let last = 0;
  let changed = false;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2].toLowerCase();
    if (NO_DEPTH.has(name) || m[3]) continue;
    if (m[1]) {
      if (dropped > 0) { dropped--; out += html.slice(last, m.index); last = m.index + m[0].length; changed = true; }
      else if (depth > 0) depth--;
    } else if (depth >= MAX_DEPTH) {
      dropped++;
      out += html.slice(last, m.index);
      last = m.index + m[0].length;
      changed = true;
    } else depth++;
  }
  TAG.lastIndex = 0;
  return changed ? out + html.slice(last) : html;
}
