import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../gazetteer/index.ts';
import { findMentions, groupMentions } from './mentions.ts';

const gazetteer = loadGazetteer();

describe('findMentions (the real gazetteer)', () => {
  it('resolves a name on the plan date: 南康 in 2012 is 南康市, in 2014 南康区', () => {
    expect(findMentions('南康西服西裤', gazetteer, '2012-01-14')[0]?.place.zh).toBe('南康市');
    expect(findMentions('南康西服西裤', gazetteer, '2014-01-20')[0]?.place.zh).toBe('南康区');
  });
  it('reads 九江湖口 as the county, written as the compound', () => {
    const [m] = findMentions('在九江湖口建设全国最大的船板生产基地', gazetteer, '2012-01-14');
    expect(m).toMatchObject({ text: '九江湖口', place: { zh: '湖口县' } });
  });
  it('prefers the longest form (南昌高新区 over 南昌) and groups lists', () => {
    const text = '以南昌高新区、九江和宜春为辅';
    const mentions = findMentions(text, gazetteer, '2014-01-20');
    expect(mentions.map((m) => m.text)).toEqual(['南昌高新区', '九江', '宜春']);
    expect(groupMentions(text, mentions)).toHaveLength(1);
  });
  it('does not read 以上高强度 as 上高县 or 新建总装 as 新建县', () => {
    expect(findMentions('发展4米以上高强度船板', gazetteer, '2014-01-20')).toHaveLength(0);
    expect(findMentions('在出口加工区新建总装生产区', gazetteer, '2012-01-14')).toHaveLength(0);
  });
});
