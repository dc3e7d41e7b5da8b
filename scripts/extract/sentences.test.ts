import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.ts';

describe('splitSentences', () => {
  it('splits on 。 and ； and keeps offsets exact', () => {
    const line = '　　2.区域布局。重点在南昌、景德镇布局。南昌重点开展大飞机；景德镇重点发展直升机';
    const spans = splitSentences(line);
    expect(spans.map((s) => s.text)).toEqual([
      '2.区域布局。',
      '重点在南昌、景德镇布局。',
      '南昌重点开展大飞机；',
      '景德镇重点发展直升机',
    ]);
    for (const s of spans) expect(line.slice(s.start, s.end)).toBe(s.text);
  });

  it('splits "--" bullets packed into one line and drops the marker', () => {
    const line = '　　--核心区：以南昌高新区为核心区，带动全省。 --辐射区：以吉安等地为辐射区。';
    expect(splitSentences(line).map((s) => s.text)).toEqual([
      '核心区：以南昌高新区为核心区，带动全省。',
      '辐射区：以吉安等地为辐射区。',
    ]);
  });

  it('keeps a line without final punctuation as one sentence', () => {
    expect(splitSentences('　　专栏一： 光伏产业').map((s) => s.text)).toEqual(['专栏一： 光伏产业']);
  });

  it('does not split on a dash inside a sentence', () => {
    const line = '东部上饶玉山-万年-弋阳。';
    expect(splitSentences(line)).toHaveLength(1);
  });
});
