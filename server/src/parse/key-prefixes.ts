// Every prefix of a template's wordings, per template: the PDF repairs (a label wrapped over lines,
// header fragments stacked or split in two, pdf-wrap.ts, stacked-headers.ts, table.ts exactHeaderJoin)
// join fragments into a known wording, and a fragment that starts none can join into none. One set
// lookup rules out most cells of an ordinary table before any joining is tried.
import type { Template } from './template';

const rowSets = new Map<string, Set<string>>();
const headerSets = new Map<string, Set<string>>();

// Not the empty key: a caller whose fragment may key to '' (only spaces or quotes) tests that itself.
function prefixes(keys: Iterable<string>, whole: boolean): Set<string> {
  const set = new Set<string>();
  for (const key of keys) for (let n = 1; n <= key.length - (whole ? 0 : 1); n++) set.add(key.slice(0, n));
  return set;
}

/** Prefixes (whole wordings included) of the template's row wordings. */
export function rowPrefixes(tpl: Template): Set<string> {
  let set = rowSets.get(tpl.id);
  if (!set) rowSets.set(tpl.id, (set = prefixes(tpl.rowByKey.keys(), true)));
  return set;
}

/**
 * Proper prefixes (not the whole wordings) of the template's column wordings and header words: what a
 * header's first fragment keys to when another non-empty fragment completes it.
 */
export function headerPrefixes(tpl: Template): Set<string> {
  let set = headerSets.get(tpl.id);
  if (!set) headerSets.set(tpl.id, (set = prefixes([...tpl.columnByKey.keys(), ...tpl.headerKeySet], false)));
  return set;
}
