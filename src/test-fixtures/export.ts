/** Test fixture: places and industries joined by the export tests (names as in the gazetteer; geometry simplified to toy shapes). */

import type { PlaceFeature } from '../domain/types';
import type { ExportContext } from '../export/records';
import { PLACE, PV_INDUSTRIES, PV_PLANS } from './pv';

const square = (x: number, y: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + 0.5, y],
      [x + 0.5, y + 0.5],
      [x, y + 0.5],
      [x, y],
    ],
  ],
});

const cities: [string, string, string, number, number][] = [
  [PLACE.nanchang, '南昌市', 'Nanchang', 115.9, 28.7],
  [PLACE.jingdezhen, '景德镇市', 'Jingdezhen', 117.2, 29.3],
  [PLACE.pingxiang, '萍乡市', 'Pingxiang', 113.9, 27.6],
  [PLACE.jiujiang, '九江市', 'Jiujiang', 116.0, 29.7],
  [PLACE.xinyu, '新余市', 'Xinyu', 114.9, 27.8],
  [PLACE.jian, '吉安市', "Ji'an", 115.0, 27.1],
  [PLACE.yichun, '宜春市', 'Yichun', 114.4, 27.8],
  [PLACE.fuzhou, '抚州市', 'Fuzhou', 116.4, 27.9],
  [PLACE.shangrao, '上饶市', 'Shangrao', 117.9, 28.4],
];

export const EXPORT_PLACES: PlaceFeature[] = [
  ...cities.map(
    ([id, zh, en, x, y]): PlaceFeature => ({
      type: 'Feature',
      id,
      properties: { zh, en, level: 'city', adminCode: id, city: id, county: null, aliases: [zh], pinyin: '' },
      geometry: square(x, y),
    }),
  ),
  {
    type: 'Feature',
    id: 'park-xinyu-hi-tech',
    properties: {
      zh: '新余高新技术产业开发区',
      en: 'Xinyu High-tech Industrial Development Zone',
      level: 'park',
      adminCode: null,
      city: PLACE.xinyu,
      county: '360502',
      aliases: ['新余高新区'],
      pinyin: '',
      approximate: true,
    },
    geometry: { type: 'Point', coordinates: [114.95, 27.85] },
  },
  {
    type: 'Feature',
    id: 'macro-gannan',
    properties: {
      zh: '赣南',
      en: 'Southern Jiangxi',
      level: 'macro',
      adminCode: null,
      city: null,
      county: null,
      aliases: [],
      pinyin: '',
    },
    geometry: null,
  },
];

export const EXPORT_CONTEXT: ExportContext = { plans: PV_PLANS, places: EXPORT_PLACES, industries: PV_INDUSTRIES };
