// The table parser keeps what it read from a label with the cell and with the label's text (its key,
// ordinal, and the exact row/column lookups of the template last asked, parse/table.ts probe): labels
// repeat, and every pass used to look them up again. A label is read against each table's own
// template: the same text is a row in one block of 表二 and a stray in the next, whatever was read
// before, and a report reads the same whether its labels were seen before or not.
import * as assert from 'node:assert/strict';
import { parseReport } from '../../server/src/parse/parse';
import { template } from '../../server/src/parse/template';

const block = (caption: string, header: string, rows: string[]) => [caption, `信息内容 | ${header} |`, ...rows];
// 行政许可 belongs to 第二十条第（五）项; written again under （六）, it is none of that block's rows.
const T25 = block('第二十条第（五）项', '本年处理决定数量', ['行政许可 | 1321 |']);
const T26 = block('第二十条第（六）项', '本年处理决定数量', ['行政处罚 | 179 |', '行政许可 | 7 |', '行政强制 | 0 |']);
const report = (...blocks: string[][]) => ['二、主动公开政府信息情况', ...blocks.flat(), '三、收到和处理政府信息公开申请情况', ''].join('\n');

const t26Model = (text: string) => JSON.stringify(parseReport(text, 'mem://memo').tables.find((t) => t.id === 't2.6'));

describe('label memo (parse speed) reads each label against its own table', () => {
  it('a row of （五） written under （六） is no row of （六）, right after （五） read it as its row', () => {
    const r = parseReport(report(T25, T26), 'mem://memo');
    const t25 = r.tables.find((t) => t.id === 't2.5')!;
    const t26 = r.tables.find((t) => t.id === 't2.6')!;
    assert.equal(t25.rows.find((x) => x.labelCells[0]?.text === '行政许可')?.id, template('t2.5').rows.find((e) => e.keys.some((k) => k.key === '行政许可'))!.id);
    const own = new Set(template('t2.6').rows.map((e) => e.id));
    const misplaced = t26.rows.find((x) => x.labelCells[0]?.text === '行政许可');
    assert.ok(!misplaced || misplaced.id === undefined || own.has(misplaced.id), `行政许可 under （六） read as ${misplaced?.id}`);
    assert.ok(!t26.rows.some((x) => x.id !== undefined && !own.has(x.id)), 'only （六）\'s own rows');
  });

  it('（六） reads the same after （五）, alone, and again (labels seen before or not)', () => {
    const after = t26Model(report(T25, T26));
    const noLines = (json: string) => json.replace(/"(line|endLine)":\d+/g, '');
    assert.equal(noLines(t26Model(report(T26))), noLines(after));
    assert.equal(t26Model(report(T25, T26)), after);
  });
});
