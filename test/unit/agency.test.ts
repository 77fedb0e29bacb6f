// Agency names as titles write them: the kind of body (for the art. 49 deadline) and whether two
// spellings name the same body (for cross-year pairing).
import * as assert from 'node:assert/strict';
import { agencyKey, classifyAgency, sameAgency } from '../../server/src/parse/agency';

describe('agency: kind of body', () => {
  const kinds: [string, string, string][] = [
    ['淮安市洪泽区人民政府', 'government', '人民政府'],
    ['洪泽区', 'government', '洪泽区'],
    ['杭州市政府', 'government', '政府'],
    ['恩施土家族苗族自治州人民政府', 'government', '人民政府'],
    ['北京经济技术开发区管理委员会', 'zone', '管理委员会'],
    ['苏州工业园区管委会', 'zone', '管委会'],
    ['苏州工业园区', 'zone', '苏州工业园区'],
    ['平潭综合实验区', 'zone', '平潭综合实验区'],
    ['上海市浦东新区', 'government', '浦东新区'],
    ['岔河镇人民政府', 'township', '镇人民政府'],
    ['洪泽区高良涧街道办事处', 'township', '街道办事处'],
    ['上海市人民政府办公厅', 'department', '人民政府办公厅'],
    ['洪泽区人民政府办公室', 'department', '人民政府办公室'],
    ['洪泽区卫生健康委员会', 'department', '委员会'],
    ['北京市城市管理委员会', 'department', '委员会'],
    ['杭州市市场监督管理局', 'department', '局'],
    ['卫健委', 'department', '委'],
    ['人民政府', 'unknown', ''],
    ['', 'unknown', ''],
  ];
  for (const [name, kind, marker] of kinds) {
    it(`${name || '(empty)'} → ${kind}`, () => assert.deepEqual(classifyAgency(name), { kind, marker }));
  }
});

describe('agency: same body across spellings', () => {
  const same = (a: string, b: string) => sameAgency(agencyKey(a), agencyKey(b));
  const pairs: [string, string][] = [
    ['淮安市洪泽区人民政府', '洪泽区人民政府'],
    ['江苏省淮安市洪泽区人民政府', '淮安市洪泽区人民政府'],
    ['洪泽区', '洪泽区人民政府'],
    ['洪泽区卫生健康委员会', '淮安市洪泽区卫健委'],
    ['淮安市住房和城乡建设局', '淮安市住房城乡建设局'],
    ['杭州市市场监督管理局', '杭州市市场监管局'],
    ['洪泽区人民政府办公室', '洪泽区政府办'],
    ['北京经济技术开发区管理委员会', '北京经济技术开发区管委会'],
    ['高良涧街道办事处', '淮安市洪泽区高良涧街道'],
    ['苏州市姑苏区人民政府', '姑苏区人民政府'],
    ['恩施土家族苗族自治州卫生健康委员会', '湖北省恩施土家族苗族自治州卫生健康委'],
  ];
  for (const [a, b] of pairs) it(`${a} = ${b}`, () => { assert.ok(same(a, b)); assert.ok(same(b, a)); });

  const different: [string, string][] = [
    ['洪泽区卫生健康委员会', '洪泽区人民政府'],
    ['南京市鼓楼区人民政府', '淮安市鼓楼区人民政府'],
    ['洪泽区人民政府办公室', '洪泽区人民政府'],
    ['淮安市人民政府', '淮安市洪泽区人民政府'],
    ['洪泽区教育体育局', '洪泽区卫生健康局'],
    ['岔河镇人民政府', '洪泽区人民政府'],
    ['卫健委', '洪泽区卫健委'],
    ['北京市城市管理委员会', '北京市管委会'],
  ];
  for (const [a, b] of different) it(`${a} ≠ ${b}`, () => { assert.ok(!same(a, b)); assert.ok(!same(b, a)); });
});
