import { describe, expect, it } from 'vitest';
import { PV_2012, PV_2018, PV_PLANS } from '../test-fixtures/pv';
import { citedPlans, citeThis } from './cite';

describe('citeThis', () => {
  it('names exactly the plans behind the shown assignments, oldest first (zh)', () => {
    const text = citeThis([...PV_2018, ...PV_2012], PV_PLANS, 'zh', {
      url: 'https://example.org/jx/?i=pv',
      accessed: '2026-01-02',
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe('数据来源（2 份规划文件）：');
    expect(lines[1]).toBe('[1] 江西省人民政府. 江西省工业和信息化“十二五”发展规划[Z]. 2012-01-14.');
    expect(lines[2]).toContain('关于深入实施工业强省战略推动工业高质量发展的若干意见');
    expect(text).not.toContain('指导意见');
    expect(lines[3]).toBe('摘录与整理：江西省产业布局浏览器. https://example.org/jx/?i=pv. 访问日期：2026-01-02.');
  });

  it('gives English titles with the original title and a readable date (en)', () => {
    const text = citeThis(PV_2018, PV_PLANS, 'en', { accessed: '2026-01-02' });
    expect(text).toContain('Sources (1 plan document):');
    expect(text).toContain('(Gan Fa [2018] No. 14)');
    expect(text).toContain('[关于深入实施工业强省战略推动工业高质量发展的若干意见]. Issued June 2018.');
    expect(text).toContain('accessed 2 January 2026');
  });

  it('cites nothing when nothing is shown', () => {
    expect(citedPlans([], PV_PLANS)).toEqual([]);
  });
});
