// Every rule, in the order of DESIGN.md's table.
import type { Rule } from './rule';
import reportTitle from './report-title';
import reportYear from './report-year';
import publishDate from './publish-date';
import formatOutdated from './format-outdated';
import sectionMissing from './section-missing';
import sectionOrder from './section-order';
import sectionNumbering from './section-numbering';
import sectionTitle from './section-title';
import sectionEmpty from './section-empty';
import tableMissing from './table-missing';
import tableUnbalanced from './table-unbalanced';
import tableRowMissing from './table-row-missing';
import tableLabel from './table-label';
import tableUnreadable from './table-unreadable';
import rowNumbering from './row-numbering';
import numberInvalid from './number-invalid';
import totalMismatch from './total-mismatch';
import balanceMismatch from './balance-mismatch';
import narrativeMismatch from './narrative-mismatch';
import placeholderText from './placeholder-text';

export const allRules: Rule[] = [
  reportTitle, reportYear, publishDate, formatOutdated,
  sectionMissing, sectionOrder, sectionNumbering, sectionTitle, sectionEmpty,
  tableMissing, tableUnbalanced, tableRowMissing, tableLabel, rowNumbering, tableUnreadable,
  numberInvalid, totalMismatch, balanceMismatch, narrativeMismatch,
  placeholderText,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}
