// "与上年报告比较" and the workspace overview as webviews. The server compares and counts (requests
// govreport/compare and govreport/summary); the pages are the same HTML as the CLI's --format html,
// with VS Code's theme and a local copy of ECharts (dist/echarts.min.js), nothing remote.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Comparison } from '../../../server/src/compare/compare';
import type { ReportFigures } from '../../../server/src/summary/figures';
import { comparisonHtml } from '../../../server/src/summary/compareHtml';
import { summaryHtml } from '../../../server/src/summary/summaryHtml';
import type { Lang } from './render';

const T = {
  compareTitle: { zh: '与上年比较：{name}', en: 'Compared with last year: {name}' },
  summaryTitle: { zh: '年度报告概览', en: 'Reports overview' },
  pickLast: { zh: '工作区中没有找到同一机关上一年度的报告，请选择上年报告', en: 'No report of the same agency for the year before was found in the workspace; choose last year’s report' },
  unreadable: { zh: '无法读取上年报告：{uri}', en: 'Cannot read last year’s report: {uri}' },
  open: { zh: '选择', en: 'Choose' },
};

type CompareAnswer = { comparison: Comparison } | { notFound: true } | { unreadable: string } | null;

export function registerViews(context: vscode.ExtensionContext, client: LanguageClient, lang: Lang, notEditor: () => void): void {
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
  const panels = new Map<string, vscode.WebviewPanel>();
  const panel = (kind: string, title: string, scripts: boolean): vscode.WebviewPanel => {
    let p = panels.get(kind);
    if (!p) {
      p = vscode.window.createWebviewPanel(`govreport.${kind}`, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: scripts, localResourceRoots: [dist] });
      p.onDidDispose(() => panels.delete(kind));
      panels.set(kind, p);
    }
    p.title = title;
    p.reveal(undefined, true);
    return p;
  };

  context.subscriptions.push(vscode.commands.registerCommand('govreport.compareWithLastYear', async (lastUri?: vscode.Uri) => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'govreport') return void notEditor();
    let answer = await client.sendRequest<CompareAnswer>('govreport/compare', { uri: doc.uri.toString(), lastUri: lastUri?.toString() });
    if (answer && 'notFound' in answer) {
      const picked = await vscode.window.showOpenDialog({ title: T.pickLast[lang], openLabel: T.open[lang], canSelectMany: false, filters: { Reports: ['txt', 'md', 'govreport'] } });
      if (!picked?.[0]) return undefined;
      answer = await client.sendRequest<CompareAnswer>('govreport/compare', { uri: doc.uri.toString(), lastUri: picked[0].toString() });
    }
    if (!answer) return undefined;
    if ('unreadable' in answer) return void vscode.window.showErrorMessage(T.unreadable[lang].replace('{uri}', answer.unreadable));
    if (!('comparison' in answer)) return undefined;
    const p = panel('compare', T.compareTitle[lang].replace('{name}', doc.uri.path.split('/').pop() ?? ''), false);
    p.webview.html = comparisonHtml(answer.comparison, lang, { cspSource: p.webview.cspSource });
    return answer.comparison;
  }));

  context.subscriptions.push(vscode.commands.registerCommand('govreport.showSummary', async () => {
    const figures = await client.sendRequest<ReportFigures[]>('govreport/summary', {});
    const p = panel('summary', T.summaryTitle[lang], true);
    const echartsUri = p.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'echarts.min.js')).toString();
    p.webview.html = summaryHtml(figures, lang, { echartsUri, cspSource: p.webview.cspSource });
    return figures;
  }));
}
