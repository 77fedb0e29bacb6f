#!/usr/bin/env node
// Real-editor tests (`npm run test:e2e`), offline:
//   1. scripts/e2e/setup.sh (cached code-server 4.100.3 + playwright-core + Debian Chromium)
//      (`--vscode latest`: code-server 4.139.1 = VS Code 1.139.1 on Node 24, see setup.sh)
//   2. `npm run package` (the .vsix) and scripts/e2e/build.mjs (the extension-host suite → out/e2e/)
//   3. code-server on a free loopback port, scratch HOME/TMPDIR/XDG dirs, the .vsix installed
//   4. extension-host suite: the workbench page is opened with payload extensionDevelopmentPath /
//      extensionTestsPath; the suite's run() reports back through window.codeAutomationExit
//   5. UI test on the installed .vsix: open a sample, Problems panel (Ctrl+Shift+M), hover a total;
//      screenshots into docs/screenshots/
//      (this pass runs code-server with --locale zh-cn, see makeScratch: the extension's default UI language)
//   6. the same code-server restarted with --locale en: the suite's English checks + an English screenshot
//   7. the Neovim smoke test (scripts/e2e/nvim-smoke.sh)
// Exits 0 only when every step passed. Nothing is skipped silently: a missing tool is a failure.
//
// Options:
//   --ext DIR           extensionDevelopmentPath (default: the repository)
//   --tests FILE        extensionTestsPath (default: out/e2e/index.js in the repository)
//   --vsix FILE         install this .vsix instead of running `npm run package`
//   --no-package        do not run `npm run package` nor install a .vsix (payload run only uses the dev copy)
//   --no-build          do not run scripts/e2e/build.mjs
//   --locale LOC        only one extension-host pass, with code-server --locale LOC (e.g. `--locale en`)
//   --grep TEXT         only suite tests whose title contains TEXT (GOVREPORT_E2E_GREP)
//   --no-ui             skip the UI test          --no-en      skip the English pass
//   --no-nvim           skip the Neovim smoke test
//   --readers-ui-only   only the PDF-report UI test (zh-cn pass; e.g. to redo docs/screenshots/pdf-findings.png)
//   --timeout SECONDS   per extension-host pass (default 420)
//   --vscode VARIANT    1.100 (default) or latest (env E2E_VSCODE); see scripts/e2e/setup.sh
//   --keep              keep the scratch folder (it is always kept when something failed)
//   --headed            show the browser (needs a display)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import util from 'node:util';
import { makeWorkspace } from './workspace.mjs';
import { previewUiTest } from './preview-ui.mjs';
import { readersUiTest } from './readers-ui.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const E2E_DIR = process.env.E2E_DIR || path.join(ROOT, '.e2e');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const T0 = Date.now();

// ---- options ---------------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const flag = (name) => { const i = argv.indexOf(name); if (i < 0) return false; argv.splice(i, 1); return true; };
const opt = (name, def) => {
  const i = argv.indexOf(name);
  if (i < 0) return def;
  const v = argv[i + 1];
  if (v === undefined) usage(`${name} needs a value`);
  argv.splice(i, 2);
  return v;
};
function usage(msg) { console.error(`run.mjs: ${msg}\n(see the header of scripts/e2e/run.mjs for the options)`); process.exit(2); }
const options = {
  ext: path.resolve(opt('--ext', ROOT)),
  tests: opt('--tests', undefined),
  vsix: opt('--vsix', undefined),
  locale: opt('--locale', undefined),
  grep: opt('--grep', undefined),
  timeout: Number(opt('--timeout', '420')) * 1000,
  noPackage: flag('--no-package'),
  noBuild: flag('--no-build'),
  noUi: flag('--no-ui'),
  noEn: flag('--no-en'),
  noNvim: flag('--no-nvim'),
  noSetup: flag('--no-setup'),
  readersOnly: flag('--readers-ui-only'),
  vscode: opt('--vscode', process.env.E2E_VSCODE || '1.100'),
  keep: flag('--keep'),
  headed: flag('--headed'),
};
if (argv.length) usage(`unknown arguments: ${argv.join(' ')}`);
options.tests = path.resolve(options.tests ?? path.join(options.ext, 'out/e2e/index.js'));
// The code-server variant set up by setup.sh: 1.100 (VS Code 1.100.3, Node 20) or latest (1.139.1, Node 24).
const TOOLS = path.join(E2E_DIR, options.vscode === '1.100' ? 'tools' : `tools-${options.vscode}`);
let TOOLENV; // { variant, vscode, node, codeServer, extraArgs } from <tools>/e2e-env.json

const log = (...a) => console.log(`[e2e ${((Date.now() - T0) / 1000).toFixed(1).padStart(5)}s]`, ...a);
const fail = (msg) => { const e = new Error(msg); e.expected = true; return e; };

function sh(cmd, args, { cwd = ROOT, env = process.env, quiet = false } = {}) {
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd, env, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (r.error) throw fail(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) {
    if (quiet) process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    throw fail(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  }
  log(`${cmd} ${args.join(' ')}: ok (${((Date.now() - t) / 1000).toFixed(1)}s)`);
  return r.stdout;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- scratch folder and workspace ------------------------------------------------------------------
function makeScratch() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-e2e-'));
  for (const d of ['home', 'tmp', 'xdg-config', 'xdg-data', 'xdg-cache', 'xdg-state', 'runtime', 'user-data/User', 'extensions', 'logs']) {
    fs.mkdirSync(path.join(dir, d), { recursive: true });
  }
  fs.chmodSync(path.join(dir, 'runtime'), 0o700);
  fs.writeFileSync(path.join(dir, 'user-data/User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'workbench.enableExperiments': false,
    'workbench.tips.enabled': false,
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    'files.autoSave': 'off',
    'editor.hover.delay': 100,
  }, null, 2));
  // VS Code reports vscode.env.language = 'en' unless a language pack for the locale is installed, and
  // none can be downloaded here. An empty zh-cn "language pack" (no translations: the workbench stays
  // English) makes `--locale zh-cn` give the extension host vscode.env.language === 'zh-cn'.
  const translations = path.join(dir, 'zh-cn.i18n.json');
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(path.join(dir, 'user-data/languagepacks.json'), JSON.stringify({
    'zh-cn': {
      hash: 'govreport-e2e-zh-cn-stub',
      extensions: [{ extensionIdentifier: { id: 'govreport-e2e.zh-cn-stub' }, version: '0.0.1' }],
      translations: { vscode: translations },
      label: '中文(简体)',
    },
  }));
  return dir;
}

function workspace(scratch, name) {
  try { return makeWorkspace(path.join(scratch, name)); } catch (e) { throw fail(e.message); }
}

// ---- code-server -----------------------------------------------------------------------------------
async function startCodeServer(scratch, { locale, extraEnv = {} } = {}) {
  const port = await freePort();
  const config = path.join(scratch, `code-server-${port}.yaml`);
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const env = scratchEnv(scratch, extraEnv);
  const args = [TOOLENV.codeServer, ...TOOLENV.extraArgs, '--config', config, '--user-data-dir', path.join(scratch, 'user-data'),
    '--extensions-dir', path.join(scratch, 'extensions'), '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--log', 'info'];
  if (locale) args.push('--locale', locale);
  const logFile = path.join(scratch, 'logs', `code-server-${port}${locale ? '-' + locale : ''}.log`);
  const out = fs.openSync(logFile, 'a');
  // detached: the child calls setsid(), so it leads its own process group; `kill -- -PGID` ends it
  // with its extension host and file watcher (a plain kill would orphan them).
  const proc = spawn(TOOLENV.node, args, { cwd: scratch, env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  let exited = null;
  proc.on('exit', (code, sig) => { exited = code ?? sig; });
  const url = `http://127.0.0.1:${port}`;
  const t = Date.now();
  for (;;) {
    if (exited !== null) throw fail(`code-server exited (${exited}) before it was healthy; log: ${logFile}\n${tail(logFile)}`);
    try { if ((await fetch(`${url}/healthz`)).ok) break; } catch { /* not up yet */ }
    if (Date.now() - t > 30000) throw fail(`code-server not healthy after 30 s; log: ${logFile}\n${tail(logFile)}`);
    await sleep(100);
  }
  log(`code-server healthy on ${url}${locale ? ` (--locale ${locale})` : ''} in ${Date.now() - t} ms`);
  return {
    port, url, logFile,
    async stop() {
      if (exited !== null) return;
      try { process.kill(-proc.pid, 'SIGTERM'); } catch { return; }
      for (let i = 0; i < 50 && groupAlive(proc.pid); i++) await sleep(100);
      if (groupAlive(proc.pid)) { try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ } }
    },
  };
}

function groupAlive(pgid) { try { process.kill(-pgid, 0); return true; } catch { return false; } }

function scratchEnv(scratch, extra = {}) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(VSCODE_|ELECTRON_)/.test(k)) delete env[k];
  return {
    ...env,
    HOME: path.join(scratch, 'home'),
    TMPDIR: path.join(scratch, 'tmp'),
    XDG_CONFIG_HOME: path.join(scratch, 'xdg-config'),
    XDG_DATA_HOME: path.join(scratch, 'xdg-data'),
    XDG_CACHE_HOME: path.join(scratch, 'xdg-cache'),
    XDG_STATE_HOME: path.join(scratch, 'xdg-state'),
    XDG_RUNTIME_DIR: path.join(scratch, 'runtime'),
    ...extra,
  };
}

function tail(file, n = 30) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n'); } catch { return ''; }
}

function installVsix(scratch, vsix) {
  const t = Date.now();
  const r = spawnSync(TOOLENV.node, [TOOLENV.codeServer, '--user-data-dir', path.join(scratch, 'user-data'),
    '--extensions-dir', path.join(scratch, 'extensions'), '--install-extension', vsix, '--force'],
  { cwd: scratch, env: scratchEnv(scratch), encoding: 'utf8' });
  const out = `${r.stdout}${r.stderr}`;
  if (r.status !== 0 || !/successfully installed|already installed/i.test(out)) {
    throw fail(`installing ${vsix} failed (exit ${r.status}):\n${out}`);
  }
  log(`installed ${path.basename(vsix)} in ${Date.now() - t} ms`);
}

// ---- browser ---------------------------------------------------------------------------------------
async function launchBrowser(scratch) {
  const req = createRequire(path.join(TOOLS, 'package.json'));
  let chromium;
  try { ({ chromium } = req('playwright-core')); } catch (e) { throw fail(`playwright-core is not installed in ${TOOLS} (run scripts/e2e/setup.sh): ${e.message}`); }
  if (!fs.existsSync(CHROMIUM)) throw fail(`${CHROMIUM} not found (run scripts/e2e/setup.sh)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: !options.headed,
    env: scratchEnv(scratch),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--lang=zh-CN'],
  });
}

async function newPage(browser, locale) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: locale === 'en' ? 'en-US' : 'zh-CN' });
  const page = await context.newPage();
  return { context, page };
}

/** The extension-host suite through the payload URL; resolves with the suite's exit code. */
async function runPayload(browser, server, ws, label) {
  const { context, page } = await newPage(browser, label === 'en' ? 'en' : undefined);
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = JSON.stringify([['extensionDevelopmentPath', remote(options.ext)], ['extensionTestsPath', remote(options.tests)]]);
  const url = `${server.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`;
  const logLines = [];
  let settle;
  const done = new Promise((r) => { settle = r; });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = Array.isArray(args) ? util.format(...args) : String(args ?? type);
    if (/ENOTFOUND open-vsx\.org|^\s+at .*workbench\.js/.test(text)) return; // the offline gallery, harmless
    logLines.push(text);
    process.stdout.write(`  │ ${text.replace(/\n/g, '\n  │ ')}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => { settle(Number(code)); });
  page.on('pageerror', (e) => log(`[page error] ${e.message}`));
  log(`extension-host suite (${label}): ${options.tests}`);
  const t = Date.now();
  await page.goto(url);
  let timer;
  const code = await Promise.race([done, new Promise((r) => { timer = setTimeout(() => r('timeout'), options.timeout); })]);
  clearTimeout(timer);
  if (code === 'timeout') {
    const shot = path.join(path.dirname(server.logFile), `timeout-${label}.png`);
    await page.screenshot({ path: shot }).catch(() => {});
    await context.close();
    throw fail(`extension-host suite (${label}) did not finish within ${options.timeout / 1000} s (screenshot ${shot}; log ${server.logFile})`);
  }
  log(`extension-host suite (${label}) exited with ${code} after ${((Date.now() - t) / 1000).toFixed(1)} s`);
  await context.close();
  return code;
}

// ---- UI test ---------------------------------------------------------------------------------------
// Expected in the Problems panel for the xinjiang sample (EXPECTED.md "must flag"); one of each group.
const UI_SAMPLE = 'xinjiang-health-2023-cell-per-line.txt';
const UI_EXPECTED = [['section-title'], ['table-label'], ['table-unbalanced', 'table-column'], ['row-numbering', 'table-label'], ['narrative-mismatch']];

async function uiTest(browser, server, ws, { locale, shots }) {
  const { context, page } = await newPage(browser, locale);
  const tag = locale ?? 'zh-cn';
  const failures = [];
  const failShot = async (name) => {
    const shot = path.join(path.dirname(server.logFile), `ui-failure-${tag}-${name}.png`);
    await page.screenshot({ path: shot }).catch(() => {});
    return shot;
  };
  /** One UI check; a failure is recorded (with a screenshot) and the next check still runs. */
  const check = async (name, fn) => {
    try { await fn(); log(`UI (${tag}) ok: ${name}`); } catch (e) {
      failures.push(`${name}: ${e.message}`);
      log(`UI (${tag}) FAILED: ${name}: ${e.message}\n  (screenshot ${await failShot(name.replace(/\W+/g, '-'))})`);
    }
  };
  try {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.locator('.statusbar').waitFor({ timeout: 60000 });
    await sleep(500); // the workbench finishes restoring its layout; nothing to poll for here
    // Open the sample with Quick Open (Ctrl+P).
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15000 });
    await input.fill(UI_SAMPLE);
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15000 });
    await page.keyboard.press('Enter');
    await page.locator(`.tab[data-resource-name="${UI_SAMPLE}"]`).waitFor({ timeout: 15000 });
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 15000 });
    const langStatus = page.locator('#status\\.editor\\.mode');
    await check('language mode of the neutral-named sample', () => waitFor(async () => /govreport|年度报告|Annual Report/i.test(await langStatus.innerText().catch(() => '')), 30000,
      async () => `language mode is not govreport: "${await langStatus.innerText().catch(() => '?')}"`));

    let markerCount = 0;
    await check('Problems panel (Ctrl+Shift+M) lists the expected rule ids', async () => {
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      let texts = [];
      await waitFor(async () => {
        texts = await rows.allInnerTexts();
        const joined = texts.join('\n');
        return UI_EXPECTED.every((alts) => alts.some((id) => joined.includes(id)));
      }, 30000, async () => `Problems panel lacks expected rule ids ${JSON.stringify(UI_EXPECTED)}; rows:\n${texts.join('\n')}`);
      // The Problems tab badge counts every problem (the list is virtualised: long lists are not all rendered).
      const badge = await page.locator('.part.panel .composite-bar .badge-content').first().innerText().catch(() => '');
      markerCount = Number(badge) || await page.locator('.markers-panel .monaco-list-row .marker-icon').count();
      log(`UI (${tag}): ${markerCount} problems: ${JSON.stringify(texts.map((t) => t.replace(/\s+/g, ' ')))}`);
      if (shots) await page.screenshot({ path: path.join(SCREENSHOTS, shots.problems) });
    });

    await check('status-bar item shows the format (2021) and the problem count', async () => {
      let items = [];
      await waitFor(async () => {
        items = (await page.locator('.statusbar .statusbar-item').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
        return items.some((t) => /2021/.test(t) && new RegExp(`(^|\\D)${markerCount}(\\D|$)`).test(t.replace(/2021/g, '')));
      }, 15000, async () => `no status-bar item shows 2021 and ${markerCount}; items: ${JSON.stringify(items)}`);
      log(`UI (${tag}): status-bar item "${items.find((t) => /2021/.test(t))}"`);
    });

    await check('hover (Ctrl+K Ctrl+I) on the (七)总计 total shows the sum 22', async () => {
      const text = fs.readFileSync(path.join(ws, UI_SAMPLE), 'utf8').split(/\r?\n/);
      const totalLine = text.findIndex((l) => l.trim() === '(七)总计');
      let numberLine = -1;
      for (let i = totalLine + 1, n = 0; i < text.length && n < 7; i++) if (/^\s*\d+\s*$/.test(text[i])) { n++; numberLine = i; }
      if (totalLine < 0 || numberLine < 0) throw fail('cannot find the (七)总计 row in the sample');
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+G');
      await input.waitFor({ timeout: 15000 });
      await input.fill(`:${numberLine + 1}:${text[numberLine].search(/\d/) + 1}`);
      await page.keyboard.press('Enter');
      let hoverText = '';
      await waitFor(async () => {
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
        const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-resizable-hover .monaco-hover-content');
        hoverText = (await hover.allInnerTexts().catch(() => [])).join('\n');
        return /22/.test(hoverText);
      }, 20000, async () => `hover on the total (line ${numberLine + 1}) does not show the sum 22: "${hoverText}"`);
      await sleep(400); // the hover fades in; let the screenshot show it fully drawn
      log(`UI (${tag}): hover at line ${numberLine + 1}: ${hoverText.replace(/\s+/g, ' ').slice(0, 160)}`);
      if (shots) await page.screenshot({ path: path.join(SCREENSHOTS, shots.hover) });
    });
  } catch (e) {
    failures.push(e.message);
    log(`UI (${tag}) FAILED: ${e.message}\n  (screenshot ${await failShot('setup')})`);
  } finally {
    await context.close();
  }
  return failures.length ? 1 : 0;
}

async function previewUi(browser, server, ws, test = previewUiTest) {
  const { context, page } = await newPage(browser);
  try {
    const failures = await test(page, { log, waitFor, sleep, screenshots: SCREENSHOTS, url: `${server.url}/?folder=${encodeURIComponent(ws)}`, failDir: path.dirname(server.logFile), ws });
    return failures.length ? 1 : 0;
  } catch (e) {
    log(`UI preview FAILED: ${e.message}`);
    return 1;
  } finally {
    await context.close();
  }
}

async function waitFor(cond, ms, describe) {
  const t = Date.now();
  for (;;) {
    if (await cond()) return;
    if (Date.now() - t > ms) throw fail(describe ? await describe() : `condition not met within ${ms} ms`);
    await sleep(150);
  }
}

// ---- main ------------------------------------------------------------------------------------------
function findVsix() {
  const files = fs.readdirSync(ROOT).filter((f) => /^govreport-.*\.vsix$/.test(f))
    .map((f) => ({ f: path.join(ROOT, f), m: fs.statSync(path.join(ROOT, f)).mtimeMs })).sort((a, b) => b.m - a.m);
  if (!files.length) throw fail('npm run package produced no govreport-*.vsix in the repository root');
  const mb = fs.statSync(files[0].f).size / 1e6;
  // The e2e cache (.e2e/, ~300 MB) and out/ must not be packed: .vscodeignore has to exclude them.
  if (mb > 20) throw fail(`${path.basename(files[0].f)} is ${mb.toFixed(0)} MB: check that .vscodeignore excludes .e2e/, out/ and test/`);
  log(`packaged ${path.basename(files[0].f)} (${(mb * 1000).toFixed(0)} KB)`);
  return files[0].f;
}

async function main() {
  const results = [];
  const record = (name, code) => { results.push({ name, code }); log(`${code === 0 ? 'PASS' : 'FAIL'} ${name}`); };
  if (!options.noSetup) sh('bash', [path.join(ROOT, 'scripts/e2e/setup.sh'), options.vscode]);
  try { TOOLENV = JSON.parse(fs.readFileSync(path.join(TOOLS, 'e2e-env.json'), 'utf8')); } catch (e) {
    throw fail(`code-server (${options.vscode}) is not set up in ${TOOLS} (run scripts/e2e/setup.sh ${options.vscode}): ${e.message}`);
  }
  log(`VS Code ${TOOLENV.vscode} (code-server on ${TOOLENV.node})`);
  let vsix = options.vsix && path.resolve(options.vsix);
  if (!options.noPackage && !vsix) {
    const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
    if (!scripts.package) throw fail('package.json has no "package" script: cannot build the .vsix');
    sh('npm', ['run', '--silent', 'package'], { quiet: true });
    vsix = findVsix();
  }
  if (!options.noBuild) sh(process.execPath, [path.join(ROOT, 'scripts/e2e/build.mjs')]);
  if (!fs.existsSync(options.tests)) throw fail(`extension tests not found: ${options.tests}`);

  // The HTML pages (comparison, overview) in headless Chromium: no console error, no remote request.
  record('HTML pages in headless Chromium (test/browser)', spawnSync('npx', ['mocha', '--no-config', '-r', 'tsx/cjs', '--timeout', '120000', 'test/browser/*.test.ts'], { cwd: ROOT, stdio: 'inherit' }).status ?? 1);

  const scratch = makeScratch();
  log(`scratch folder ${scratch}`);
  let browser;
  let server;
  let ok = false;
  try {
    if (vsix) installVsix(scratch, vsix);
    browser = await launchBrowser(scratch);
    const grepEnv = options.grep ? { GOVREPORT_E2E_GREP: options.grep } : {};
    if (options.locale) {
      server = await startCodeServer(scratch, { locale: options.locale, extraEnv: grepEnv });
      record(`extension-host suite (--locale ${options.locale})`, await runPayload(browser, server, workspace(scratch, `ws-${options.locale}`), options.locale));
      if (!options.noUi && !vsix) log('UI test not run: it needs the packaged extension (no .vsix with --no-package)');
      if (!options.noUi && vsix) record(`UI test (--locale ${options.locale})`, await uiTest(browser, server, workspace(scratch, `ws-ui-${options.locale}`), { locale: options.locale }));
    } else {
      server = await startCodeServer(scratch, { locale: 'zh-cn', extraEnv: grepEnv });
      if (!options.readersOnly) record('extension-host suite (--locale zh-cn)', await runPayload(browser, server, workspace(scratch, 'ws'), 'zh-cn'));
      if (!options.noUi) {
        if (!vsix) throw fail('the UI test needs the packaged extension (drop --no-package, or pass --no-ui)');
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        if (!options.readersOnly) record('UI test (--locale zh-cn)', await uiTest(browser, server, workspace(scratch, 'ws-ui'), { shots: { problems: 'problems.png', hover: 'hover-total.png' } }));
        if (!options.readersOnly) record('UI test: table preview, comparison, overview (--locale zh-cn)', await previewUi(browser, server, workspace(scratch, 'ws-preview')));
        record('UI test: a PDF report\'s findings (--locale zh-cn)', await previewUi(browser, server, workspace(scratch, 'ws-readers'), readersUiTest));
      }
      if (!options.noEn) {
        await server.stop();
        server = await startCodeServer(scratch, { locale: 'en', extraEnv: { GOVREPORT_E2E_GREP: options.grep ?? '@en' } });
        record('extension-host suite, English (--locale en, tests tagged @en)', await runPayload(browser, server, workspace(scratch, 'ws-en'), 'en'));
        if (!options.noUi && vsix) record('UI test (--locale en)', await uiTest(browser, server, workspace(scratch, 'ws-ui-en'), { locale: 'en', shots: { problems: 'problems-en.png', hover: 'hover-total-en.png' } }));
      }
    }
    await browser.close();
    browser = undefined;
    await server.stop();
    server = undefined;
    if (!options.noNvim) {
      const r = spawnSync('bash', [path.join(ROOT, 'scripts/e2e/nvim-smoke.sh')], { cwd: ROOT, stdio: 'inherit', env: scratchEnv(scratch) });
      record('Neovim smoke test', r.status ?? 1);
    }
    ok = results.every((r) => r.code === 0);
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
    if (ok && !options.keep) fs.rmSync(scratch, { recursive: true, force: true });
    else log(`scratch folder kept: ${scratch} (code-server logs in ${path.join(scratch, 'logs')})`);
  }
  console.log('\nReal-editor tests:');
  for (const r of results) console.log(`  ${r.code === 0 ? 'PASS' : 'FAIL'}  ${r.name}${r.code === 0 ? '' : ` (exit ${r.code})`}`);
  console.log(`  total ${((Date.now() - T0) / 1000).toFixed(1)} s`);
  return ok ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => {
  console.error(`\n[e2e] FAILED: ${e.expected ? e.message : e.stack}`);
  process.exit(1);
});
