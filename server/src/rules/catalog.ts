// Every rule's metadata, the per-report rules and the cross-report carryover-mismatch alike: the one
// list that `govreport rules`, SARIF, the configuration check, the settings and config schemas and
// the docs tables are made from (scripts/gen-manifest.ts; test/unit/catalog.test.ts checks the drift).
import type { RuleMeta } from './rule';
import { allRules } from './index';
import { meta as carryover } from './carryover-mismatch';

export function ruleCatalog(): RuleMeta[] {
  return [...allRules, carryover].map(({ id, defaultSeverity, fixable, description, tags }) => ({ id, defaultSeverity, fixable, description, tags }));
}

export function ruleIds(): string[] {
  return ruleCatalog().map((r) => r.id);
}
