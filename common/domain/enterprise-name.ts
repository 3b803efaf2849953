// Two records of one enterprise are often typed with its name told differently: 有限公司 or 有限责任公司, with or
// without 集团 or 股份, the place in full-width or half-width brackets. The key below drops what varies, so such
// names compare equal; it is a hint for a possible duplicate, never a rule.

const LEGAL_FORMS = /(股份有限公司|有限责任公司|有限公司|股份公司|集团公司|控股|集团|股份|公司|co\.?,?ltd\.?|limited|inc\.?|corp\.?)/gi;
const BRACKETS_AND_SPACE = /[()（）[\]【】〔〕\s\u3000·・.,，、-]/g;

/** The name an enterprise is compared by: full-width to half-width, lower case, no legal form, no brackets or spaces. */
export function enterpriseNameKey(name: string): string {
  const halfWidth = name.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toLowerCase();
  return halfWidth.replace(BRACKETS_AND_SPACE, '').replace(LEGAL_FORMS, '');
}
