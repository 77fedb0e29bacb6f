// Section 五's title is the one authors reword most, and they reword its second half: 存在的主要问题及改进情况 becomes
// …及改进措施, …及明年工作计划, …及下一步工作打算, …和整改措施. Matched as a whole such a title is too far from
// the standard one and the section reads as missing; its first half, the problems, is what names the section.
import { labelKey } from './text';

const STEMS: [number, string[]][] = [[5, ['存在的主要问题', '存在的问题', '存在问题', '存在的不足'].map(labelKey)]];

/** The section a numbered heading's title names by its opening words, or undefined. */
export function sectionByStem(title: string): number | undefined {
  const key = labelKey(title);
  for (const [n, stems] of STEMS) if (stems.some((s) => key.startsWith(s) && key.length > s.length + 1)) return n;
  return undefined;
}

/** A stem match counts as a fuzzy match just above the floor for numbered headings: the title still gets a warning. */
export const STEM_SCORE = 0.61;
