// Text that govreport itself inserts for the author to replace: what the section-missing fix puts
// in an empty prose section, and the defaults of the snippets' tab stops. One list: the fix and
// scripts/gen-snippets.ts insert from here, and the placeholder-text rule looks for exactly these.
import { SECTIONS } from './sections';
import type { SectionSpec } from './types';

/** What the section-missing fix writes under an inserted prose section (both languages: the report is Chinese). */
export const SECTION_PLACEHOLDER = '（请填写本部分内容；没有需要报告的事项时写“无”。）';

/** The agency-name tab stop of the report skeleton (title line and signature). */
export const AGENCY_PLACEHOLDER = '机关名称';

/**
 * The five sub-topics an overview (一、总体情况) should cover, read from the section's requirement text
 * (“…：主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障。”).
 */
export function overviewTopics(section: SectionSpec = SECTIONS[0]): string[] {
  const m = /：([^：。]+)。?$/.exec(section.requirement.zh);
  if (!m) throw new Error(`cannot read the sub-topics of section ${section.n} from: ${section.requirement.zh}`);
  const topics = m[1].split('、').map((t) => t.trim()).filter(Boolean);
  if (topics.length < 2) throw new Error(`too few sub-topics in section ${section.n}: ${section.requirement.zh}`);
  return topics;
}

/** The skeleton's sentence under each overview sub-topic. */
export function topicPlaceholder(topic: string): string {
  return `在此填写${topic}方面的工作情况。`;
}

/**
 * Whole-line placeholders: the prose a snippet leaves in a section until the author writes over it
 * (the section's requirement text), the overview's sub-topic sentences and the fix's sentence.
 */
export const LINE_PLACEHOLDERS: readonly string[] = [
  SECTION_PLACEHOLDER,
  ...overviewTopics().map(topicPlaceholder),
  ...SECTIONS.map((s) => s.requirement.zh),
];
