// The tool's name, version and home, read from package.json (bundled at build time) so the CLI,
// SARIF and `govreport version` never disagree with the published package.
import pkg from '../../package.json';

export const VERSION: string = pkg.version;

/** The repository's web address when package.json names one (`repository`), else undefined. */
export function repositoryUrl(): string | undefined {
  const r = (pkg as { repository?: string | { url?: string } }).repository;
  const url = typeof r === 'string' ? r : r?.url;
  if (!url) return undefined;
  const web = url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/^github:/, 'https://github.com/');
  return /^https?:\/\//.test(web) ? web : undefined;
}

/** An absolute link to a rule's page, or undefined when the package names no repository. */
export function ruleHelpUri(id: string): string | undefined {
  const repo = repositoryUrl();
  return repo ? `${repo}/blob/main/docs/rules/${encodeURIComponent(id)}.md` : undefined;
}
