// carryover-mismatch pairs last year's report of the same agency however its title spells the name,
// never two different agencies, and says which two reports it compared.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../server/src/parse/parse';
import { carryFacts, checkCarryover, indexFacts } from '../../server/src/rules/carryover-mismatch';

const KUNMING = readFileSync(join(__dirname, '..', 'fixtures', 'kunming-xishan-health-2022-pipe.txt'), 'utf8').split('\n');

/** A report on `year` titled `title` (one or two lines); this year's 二 carries 2 applications (自然人) over. */
function report(title: string[], year: number, carried: number): string {
  const body = KUNMING.slice(2).join('\n').replace(/2022年/g, `${year}年`).replace('2023年1月28日', `${year + 1}年1月20日`)
    .replace('二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', `二、上年结转政府信息公开申请数量 | ${carried} | 0 | 0 | 0 | 0 | 0 | ${carried} |`);
  return `${title.join('\n')}\n${body}`;
}

/** Carry-over findings of the last report of the batch. */
function check(batch: { file: string; title: string[]; year: number; carried?: number }[]): string[] {
  const facts = batch.map((b) => carryFacts(parseReport(report(b.title, b.year, b.carried ?? 0), b.file)));
  return checkCarryover(facts[facts.length - 1], indexFacts(facts), 'zh').map((f) => `${f.range.start.line + 1}: ${f.message}`);
}

describe('carryover-mismatch: pairing across name variants', () => {
  it('pairs 淮安市洪泽区人民政府 (2023) with 洪泽区人民政府 (2022) and names both reports', () => {
    const f = check([
      { file: 'hongze-2022.txt', title: ['洪泽区人民政府', '2022年政府信息公开工作年度报告'], year: 2022 },
      { file: 'hongze-2023.txt', title: ['淮安市洪泽区人民政府2023年政府信息公开工作年度报告'], year: 2023, carried: 2 },
    ]);
    assert.equal(f.length, 2);
    assert.equal(f[0], '34: “自然人”列：本年（淮安市洪泽区人民政府，2023 年度）上年结转 2 件，但上一年度报告（洪泽区人民政府，2022 年度，hongze-2022.txt）结转下年度 0 件');
  });

  it('pairs 委员会/委 and 和 variants with and without the city', () => {
    assert.equal(check([
      { file: 'a.txt', title: ['洪泽区卫生健康委员会2022年政府信息公开工作年度报告'], year: 2022 },
      { file: 'b.txt', title: ['淮安市洪泽区卫健委2023年政府信息公开工作年度报告'], year: 2023, carried: 2 },
    ]).length, 2);
    assert.equal(check([
      { file: 'a.txt', title: ['淮安市住房和城乡建设局2022年政府信息公开工作年度报告'], year: 2022 },
      { file: 'b.txt', title: ['淮安市住房城乡建设局2023年政府信息公开工作年度报告'], year: 2023, carried: 2 },
    ]).length, 2);
  });

  it('agrees silently when the paired reports agree', () => {
    assert.deepEqual(check([
      { file: 'a.txt', title: ['洪泽区人民政府2022年政府信息公开工作年度报告'], year: 2022 },
      { file: 'b.txt', title: ['淮安市洪泽区人民政府2023年政府信息公开工作年度报告'], year: 2023, carried: 0 },
    ]), []);
  });

  it('never pairs two different agencies', () => {
    // a department and its government
    assert.deepEqual(check([
      { file: 'a.txt', title: ['洪泽区卫生健康委员会2022年政府信息公开工作年度报告'], year: 2022 },
      { file: 'b.txt', title: ['洪泽区人民政府2023年政府信息公开工作年度报告'], year: 2023, carried: 2 },
    ]), []);
    // two 鼓楼区 of two cities
    assert.deepEqual(check([
      { file: 'a.txt', title: ['南京市鼓楼区人民政府2022年政府信息公开工作年度报告'], year: 2022 },
      { file: 'b.txt', title: ['淮安市鼓楼区人民政府2023年政府信息公开工作年度报告'], year: 2023, carried: 2 },
    ]), []);
    // a city and one of its districts
    assert.deepEqual(check([
      { file: 'a.txt', title: ['淮安市人民政府2022年政府信息公开工作年度报告'], year: 2022 },
      { file: 'b.txt', title: ['淮安市洪泽区人民政府2023年政府信息公开工作年度报告'], year: 2023, carried: 2 },
    ]), []);
  });

  it('does not guess when a short name could be either of two reports', () => {
    const two = [
      { file: 'nj.txt', title: ['南京市鼓楼区人民政府2022年政府信息公开工作年度报告'], year: 2022 },
      { file: 'ha.txt', title: ['淮安市鼓楼区人民政府2022年政府信息公开工作年度报告'], year: 2022 },
    ];
    assert.deepEqual(check([...two, { file: 'b.txt', title: ['鼓楼区人民政府2023年政府信息公开工作年度报告'], year: 2023, carried: 2 }]), []);
    // and a short 2022 name is not taken for 南京 when 淮安市鼓楼区 reported that year too
    assert.deepEqual(check([
      { file: 'short.txt', title: ['鼓楼区人民政府2022年政府信息公开工作年度报告'], year: 2022 },
      { file: 'ha.txt', title: ['淮安市鼓楼区人民政府2022年政府信息公开工作年度报告'], year: 2022 },
      { file: 'b.txt', title: ['南京市鼓楼区人民政府2023年政府信息公开工作年度报告'], year: 2023, carried: 2 },
    ]), []);
    // copies of one report (the page and its PDF text) are one candidate
    assert.equal(check([two[0], { ...two[0], file: 'nj.pdf-layout.txt' }, { file: 'b.txt', title: ['鼓楼区人民政府2023年政府信息公开工作年度报告'], year: 2023, carried: 2 }]).length, 2);
    // with one candidate only, the short name pairs
    assert.equal(check([two[0], { file: 'b.txt', title: ['鼓楼区人民政府2023年政府信息公开工作年度报告'], year: 2023, carried: 2 }]).length, 2);
  });
});
