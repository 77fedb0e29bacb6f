// The formats as data. Adding a year's format is a new entry here, not new rules.
import type { FormatId } from '../model';
import type { FormatSpec, TableSpec } from './types';
import { SECTIONS } from './sections';
import { TABLE2_2019, TABLE2_2021 } from './table2';
import { TABLE3_2019, TABLE3_2021 } from './table3';
import { TABLE4 } from './table4';

export const FORMAT_2021: FormatSpec = {
  id: '2021',
  name: { zh: '2021 年格式（国办公开办函〔2021〕30号）', en: '2021 format (国办公开办函〔2021〕30号)' },
  document: '国办公开办函〔2021〕30号',
  sections: SECTIONS,
  tables: [...TABLE2_2021, TABLE3_2021, TABLE4],
};

export const FORMAT_2019: FormatSpec = {
  id: '2019',
  name: { zh: '2019 年格式（国办公开办函〔2019〕60号）', en: '2019 format (国办公开办函〔2019〕60号)' },
  document: '国办公开办函〔2019〕60号',
  sections: SECTIONS,
  tables: [...TABLE2_2019, TABLE3_2019, TABLE4],
};

/** Reports on 2008–2018: no national tables; the section outline is checked against the current one. */
export const FORMAT_LEGACY: FormatSpec = {
  id: 'legacy',
  name: { zh: '2019 年以前的旧版提纲（无统一表格）', en: 'pre-2019 outline (no national tables)' },
  document: '《政府信息公开条例》（国务院令第492号）',
  sections: SECTIONS,
  tables: [],
};

export function formatSpec(id: FormatId): FormatSpec {
  return id === '2021' ? FORMAT_2021 : id === '2019' ? FORMAT_2019 : FORMAT_LEGACY;
}

/** Format the report year calls for: ≥2021 → 2021; 2019–2020 → 2019; earlier → legacy. */
export function formatForYear(year: number): FormatId {
  return year >= 2021 ? '2021' : year >= 2019 ? '2019' : 'legacy';
}

export function tableSpec(format: FormatId, id: string): TableSpec | undefined {
  return formatSpec(format).tables.find((t) => t.id === id);
}

export { SECTIONS, LEGACY_HEADINGS, CN_NUMERALS } from './sections';
export type * from './types';
