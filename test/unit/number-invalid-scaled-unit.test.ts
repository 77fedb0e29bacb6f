// A scaled unit (万元) in the 2019 采购总金额 cell is warned (EXPECTED.md: yuyao 2020's `20189万元`). The message
// said “本列其他报告按元填写” — other reports in this column are in yuan — which a single report cannot show and no
// reader can check (sixth blind round: 自然资源与生态环境局 2019's `2059.2090万元`, one row in its column). It says the rule.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';

const XINXIANG = readFileSync(join(__dirname, '..', 'fixtures', 'xinxiang-health-2020-pipe.txt'), 'utf8');

describe('number-invalid: a scaled unit in 采购总金额', () => {
  const text = XINXIANG.replace('政府集中采购 | 6 | 61433668 |', '政府集中采购 | 6 | 2059.2090万元 |');

  it('is one warning quoting the cell, whose message states the rule and claims nothing about other reports', () => {
    assert.notEqual(text, XINXIANG);
    const found = checkText(text).findings.filter((f) => f.rule === 'number-invalid');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.equal(found[0].message, '“2059.2090万元”在数字单元格中带有单位“万元”：金额单元格中只可写“元”，请换算为元，或把单位写在表头');
  });

  it('in English too', () => {
    const found = checkText(text, { lang: 'en' }).findings.filter((f) => f.rule === 'number-invalid');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /only 元 may stand in an amount cell/);
  });
});
