import { describe, expect, it } from 'vitest';
import { USCC_ALPHABET, composeUscc, normaliseUscc, orgCodeCheckCharacter, parseUscc, usccCheckCharacter } from './uscc';

// Real codes of real enterprises, as published. Each passes both check characters (GB 32100 and GB 11714), which a
// mistyped code does with a chance of 1 in 341. The first ten are sourced (issue 17 asks for at least ten): each names
// the public page that gives the code with the name (found with the search tool's pages and docs corpora, 2026-12-07).
const REAL = [
  // https://zh.wikipedia.org/zh-hk/%E8%8F%AF%E7%88%B2 (infobox 機構代碼)
  { name: '华为技术有限公司', code: '914403001922038216' },
  // https://cloud.tencent.com/document/api/866/140605 (Tencent's own API reference: CreditCode and EntName 示例值);
  // also https://check-china.com/example_report/en/8 (Unified social credit code)
  { name: '深圳市腾讯计算机系统有限公司', code: '91440300708461136T' },
  // https://cloud.tencent.com/document/api/866/132862 (CreditCode 示例值, EntName “腾讯云计算机(北京)”)
  { name: '腾讯云计算（北京）有限责任公司', code: '911101085636549482' },
  // https://help.aliyun.com/document_detail/465204.html (营业执照三要素核验: CreditCode and CompanyName 示例值)
  { name: '阿里巴巴达摩院（杭州）科技有限公司', code: '91330110MA2AXY0E7F' },
  // https://www.tianapi.com/apiview/222 (营业执照识别: creditno and name 示例值, a licence of 新浪)
  { name: '北京新浪互联信息服务有限公司', code: '91110108700338416R' },
  // https://blog.csdn.net/weixin_41722180/article/details/135952432 (a licence read by OCR: 单位名称, 社会信用代码)
  { name: '北京妙树托育服务有限公司', code: '91110108MA01EBFH9B' },
  // https://apidoc.cneptp.com/enterprise/enterprise-baseinfo/工商基本信息.html (请求示例: companyName and creditCode)
  { name: '中建三局集团有限公司', code: '91420000757013137P' },
  // https://www.showdoc.com.cn/jumdata/7140130630967277 (企业工商标准版, 成功返回样例: CompanyName and CreditNo); the
  // same code as taxNo in https://www.showdoc.com.cn/jumdata/9172993078732413 (企业开票信息查询)
  { name: '杭州安那其科技有限公司', code: '91330110MA2CC1X505' },
  // http://docapi.xdua.com/api/hannm/lonlat2int.html (工商信息, 返回数据: name, code, code_tax and code_org 71610585-2)
  { name: '阿里巴巴（中国）网络技术有限公司', code: '91330100716105852F' },
  // https://blog.csdn.net/lupai/article/details/141124909 (企业三要素验证, 示例参数 company_name and credit_code, as
  // that page pairs them; the code's region segment is 厦门市湖里区)
  { name: '北京小桔科技有限公司', code: '91350206MA32JUL977' },
  // The following are published with the company name on business-registry look-up sites and in public
  // repositories' fixtures (found with find_string); no single canonical page URL was captured for them (searched
  // again 2026-12-07 with the search tool's pages, docs and code corpora: none found).
  { name: '腾讯科技（深圳）有限公司', code: '9144030071526726XG' },
  { name: '阿里巴巴（中国）有限公司', code: '91330100799655058B' },
  { name: '比亚迪股份有限公司', code: '91440300192317458F' },
  { name: '小米科技有限责任公司', code: '91110108551385082Q' },
  { name: '贵州茅台酒股份有限公司', code: '91520000214434146R' },
  { name: '海尔智家股份有限公司', code: '91370200264574251E' },
  { name: '蔚来控股有限公司', code: '91340111MA2RAD3M4R' },
  { name: '北京百度网讯科技有限公司', code: '91110000802100433B' },
];

describe('parseUscc on real codes', () => {
  it.each(REAL)('accepts $name ($code) and derives its division', ({ code }) => {
    expect(parseUscc(code)).toEqual({ ok: true, code, divisionCode: code.slice(2, 8) });
  });

  it.each(REAL)('refuses every single-character substitution of $code', ({ code }) => {
    let tried = 0;
    for (let i = 0; i < 18; i++) {
      for (const c of USCC_ALPHABET) {
        if (c === code[i]) continue;
        const corrupted = code.slice(0, i) + c + code.slice(i + 1);
        const result = parseUscc(corrupted);
        expect(result.ok, `${corrupted} (position ${i + 1})`).toBe(false);
        // The check character alone catches it: 31 is prime and no weight is 0 mod 31.
        if (i < 17) expect(usccCheckCharacter(corrupted.slice(0, 17))).not.toBe(corrupted[17]);
        tried++;
      }
    }
    expect(tried).toBe(18 * 30);
  });
});

describe('parseUscc names the position at fault', () => {
  const huawei = '914403001922038216';
  const at = (i: number, c: string) => huawei.slice(0, i - 1) + c + huawei.slice(i);

  it('reports the length', () => {
    expect(parseUscc('91440300192203821')).toMatchObject({ ok: false, problem: { code: 'length', position: 0, params: { length: 17 } } });
    expect(parseUscc(`${huawei}0`)).toMatchObject({ ok: false, problem: { code: 'length', params: { length: 19 } } });
    expect(parseUscc('')).toMatchObject({ ok: false, problem: { code: 'length', params: { length: 0 } } });
  });

  it('reports a character outside the alphabet at its position', () => {
    for (const bad of ['I', 'O', 'Z', 'S', 'V', '-', '中']) {
      expect(parseUscc(at(10, bad))).toMatchObject({ ok: false, problem: { code: 'character', position: 10, params: { char: bad } } });
    }
  });

  it('reports an unknown authority or a category the authority does not have', () => {
    expect(parseUscc(at(1, 'B'))).toMatchObject({ ok: false, problem: { code: 'authority', position: 1 } });
    expect(parseUscc(at(2, '4'))).toMatchObject({ ok: false, problem: { code: 'category', position: 2, params: { authority: '9' } } });
    expect(parseUscc(at(2, 'A'))).toMatchObject({ ok: false, problem: { code: 'category', position: 2 } });
  });

  it('reports a malformed or unknown division code', () => {
    expect(parseUscc(at(5, 'A'))).toMatchObject({ ok: false, problem: { code: 'division_format', position: 5 } });
    expect(parseUscc(at(3, '9'))).toMatchObject({ ok: false, problem: { code: 'division_format', position: 3 } });
    const onlyShandong = (code: string) => code.startsWith('37');
    expect(parseUscc(huawei, onlyShandong)).toMatchObject({
      ok: false,
      problem: { code: 'division_unknown', position: 3, params: { value: '440300' } },
    });
    expect(parseUscc('91370200264574251E', onlyShandong).ok).toBe(true);
  });

  it('reports the organisation code check (17) and the code check (18) with the expected character', () => {
    expect(parseUscc(at(17, '7'))).toMatchObject({
      ok: false,
      problem: { code: 'org_code_check', position: 17, params: { char: '7', expected: '1' } },
    });
    expect(parseUscc(at(18, '7'))).toMatchObject({
      ok: false,
      problem: { code: 'check', position: 18, params: { char: '7', expected: '6' } },
    });
  });
});

describe('normaliseUscc', () => {
  it('accepts lower case, full-width characters and spaces', () => {
    expect(parseUscc(' 9144030071526726xg ')).toMatchObject({ ok: true, code: '9144030071526726XG' });
    expect(parseUscc('９１４４０３００７１５２６７２６ＸＧ')).toMatchObject({ ok: true, code: '9144030071526726XG' });
    expect(parseUscc('9144 0300 7152 6726 XG\u3000')).toMatchObject({ ok: true });
    expect(normaliseUscc('\uFEFF91ab')).toBe('91AB');
  });
});

describe('check character functions', () => {
  it('compose valid codes from invented parts', () => {
    expect(orgCodeCheckCharacter('19220382')).toBe('1');
    expect(orgCodeCheckCharacter('71526726')).toBe('X');
    const code = composeUscc('91', '370105', 'MA3C0001');
    expect(parseUscc(code)).toMatchObject({ ok: true, divisionCode: '370105' });
  });
});
