import { describe, expect, it } from 'vitest';
import { findEnterprises, maskSpans } from './enterprises.ts';
import { extractProducts } from './products.ts';

describe('findEnterprises', () => {
  it('finds named companies and masks them so their place names are not read as places', () => {
    const text = '重点推进以巨石集团九江有限公司为龙头的玻纤及其复合材料发展。';
    const spans = findEnterprises(text);
    expect(spans.map((s) => s.text)).toEqual(['巨石集团九江有限公司']);
    expect(maskSpans(text, spans)).not.toContain('九江');
  });
  it('knows short names from the rules (赛维LDK, 晶科能源)', () => {
    expect(findEnterprises('新余市以赛维LDK、瑞晶、升阳光电等龙头企业为依托').map((s) => s.text)).toEqual([
      '赛维LDK',
      '瑞晶',
      '升阳光电',
    ]);
  });
});

describe('extractProducts', () => {
  it('takes the objects of 重点发展', () => {
    expect(
      extractProducts('重点发展硅料、硅片、电池及组件等核心产品，打造世界级光伏产业基地。', {
        industryForms: ['光伏'],
      }),
    ).toEqual(['硅料', '硅片', '电池及组件']);
  });
  it('reads 的-phrases (高安的水轮发电机、挖掘机)', () => {
    expect(extractProducts('的水轮发电机、挖掘机，')).toEqual(['水轮发电机', '挖掘机']);
  });
});
