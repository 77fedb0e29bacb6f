// Section titles that join two items — 行政复议、行政诉讼; 存在的主要问题及改进情况 — are written with any of the
// coordinating words 、 和 与 及 以及 in real reports (平潭 行政审批局 2024: 行政复议与行政诉讼). The words carry the same
// meaning there, so a title that differs from the standard only in them is cosmetic: the section-title rule still offers
// the standard wording, as a hint rather than a warning.
import { labelKey, normalizeLine } from './text';

const CONJUNCTION = /以及|[、，,和与及]/g;

function stripped(title: string): string {
  return labelKey(normalizeLine(title)).replace(CONJUNCTION, '');
}

/** True when `actual` and `standard` differ, and only in their coordinating words. */
export function differsOnlyInConjunctions(actual: string, standard: string): boolean {
  const a = stripped(actual);
  return a.length > 0 && a === stripped(standard) && labelKey(normalizeLine(actual)) !== labelKey(normalizeLine(standard));
}
