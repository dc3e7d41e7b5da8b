import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultOptions } from '../build-data.ts';
import { loadGazetteer } from '../gazetteer/index.ts';
import { hasCjk } from './index.ts';

/**
 * Every English place name is English: no Chinese, no full-width punctuation, no romanised generic word. A generic word
 * (城 City, 园 Park, 区 District/Zone, 经济 Economic, 科创 Science and Innovation, 创意 Creative …) is always translated;
 * pinyin is only for proper names. The names of cities and counties are proper names by definition (romanised from
 * the area-code list); any other word that looks like a romanised generic word must be listed with its reason in
 * data/places/english-names.json (properWords).
 */
const GENERIC_SYLLABLES =
  /(?:cheng|yuan|qu|jingji|kechuang|chuangyi|chanye|gongye|kaifa|jidi|linkong|xinqu|gaoxin|jingkai|yiyao)$|jingji|kechuang|chuangyi|chanye|gongye|kaifa|linkong|gaoxin|jingkai/i;
/** Lower-case words allowed inside a name (English function words and the second half of hyphenated words). */
const LOWER_CASE = new Set(['and', 'of', 'the', 'tech', 'alkali', 'hour']);

const gazetteer = loadGazetteer(defaultOptions.dataDir);
const reviewed = JSON.parse(readFileSync(join(defaultOptions.dataDir, 'places', 'english-names.json'), 'utf8')) as {
  properWords: { word: string; zh: string; reason: string }[];
};
const adminWords = new Set(
  gazetteer.places
    .filter((p) => p.level === 'city' || p.level === 'county' || p.level === 'province')
    .flatMap((p) => p.en.split(/[\s()–-]+/)),
);
const properWords = new Set([...adminWords, ...reviewed.properWords.map((w) => w.word)]);
const words = (en: string) => en.split(/[\s()–-]+/).filter(Boolean);

describe('English place names', () => {
  it('hold no Chinese characters and no full-width punctuation', () => {
    const bad = gazetteer.places.filter((p) => hasCjk(p.en) || /[^\x20-\x7e–]/.test(p.en));
    expect(bad.map((p) => `${p.id} ${p.zh}: ${p.en}`)).toEqual([]);
  });

  it('are title case apart from a few English function words', () => {
    const bad = gazetteer.places.flatMap((p) =>
      words(p.en)
        .filter((w) => /^[a-z]/.test(w) && !LOWER_CASE.has(w))
        .map((w) => `${p.id} ${p.zh}: "${w}" in ${p.en}`),
    );
    expect(bad).toEqual([]);
  });

  it('never romanise a generic word (城, 园, 区, 经济, 科创, 创意 …) outside a proper name', () => {
    const bad = gazetteer.places.flatMap((p) =>
      words(p.en)
        .filter((w) => GENERIC_SYLLABLES.test(w) && !properWords.has(w))
        .map((w) => `${p.id} ${p.zh}: "${w}" in ${p.en}`),
    );
    expect(bad).toEqual([]);
  });

  it('list every reviewed proper word with its reason, and only words still in use', () => {
    const all = new Set(gazetteer.places.flatMap((p) => words(p.en)));
    for (const w of reviewed.properWords) {
      expect(w.reason.length, w.word).toBeGreaterThan(20);
      expect(all.has(w.word), `${w.word} is no longer in any name`).toBe(true);
    }
  });

  it('use the official English name of the national-level zones', () => {
    expect(gazetteer.byId('park-nanchang-gaoxinqu')?.en).toBe(
      'Nanchang National High-tech Industrial Development Zone',
    );
    expect(gazetteer.byId('park-xiaolan-jingkaiqu')?.en).toBe(
      'Nanchang Xiaolan Economic and Technological Development Zone',
    );
    expect(gazetteer.byId('newarea-ganjiang-xinqu')?.en).toBe('Ganjiang New Area');
  });

  it('translate the generic words the translators found garbled', () => {
    const en = (id: string) => gazetteer.byId(id)?.en;
    expect(en('park-nanchang-huigu-chuangyi-chanyeyuan')).toBe('Huigu Creative Industrial Park');
    expect(en('park-nanchang-ruanjiancheng')).toBe('Nanchang Software City');
    expect(en('park-nanchang-linkong-jingjiqu')).toBe('Nanchang Airport Economic Zone');
    expect(en('park-nanchang-zhongyiyao-kechuangcheng')).toBe(
      'China (Nanchang) Traditional Chinese Medicine Science and Innovation City',
    );
    expect(en('park-jiangtong-chanye-yuanqu')).toBe('Jiangxi Copper Industrial Park');
  });
});
