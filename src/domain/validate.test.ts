import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from './types.ts';
import { validatePublished } from './validate.ts';

const assignment = {
  id: '2014-key-industries:32:5:360500:photovoltaics',
  plan: '2014-key-industries',
  place: '360500',
  industry: 'photovoltaics',
  industryZh: '光伏',
  placeText: '新余',
  role: 'core',
  products: ['硅料'],
  enterprises: [],
  quote: '打造以新余为核心区，上饶、九江为集聚区的“一核两区”产业布局。',
  source: { file: '000_43d0119b57264c9e.txt', line: 32, start: 5, end: 37 },
  quoteEn:
    'Build the "one core, two zones" industrial layout, with Xinyu as the core area and Shangrao and Jiujiang as cluster areas.',
  industryTextEn: 'Photovoltaics',
  productsEn: ['polysilicon'],
  enterprisesEn: [],
};

describe('published-file schemas', () => {
  it('accept a well-formed assignment file', () => {
    expect(validatePublished('assignments', { schemaVersion: SCHEMA_VERSION, assignments: [assignment] })).toEqual([]);
  });

  it('reject a role the explorer cannot colour', () => {
    const problems = validatePublished('assignments', {
      schemaVersion: SCHEMA_VERSION,
      assignments: [{ ...assignment, role: 'main' }],
    });
    expect(problems.join()).toMatch(/role/);
  });

  it('reject an assignment without its source line', () => {
    const { source: _source, ...withoutSource } = assignment;
    expect(
      validatePublished('assignments', { schemaVersion: SCHEMA_VERSION, assignments: [withoutSource] }),
    ).not.toEqual([]);
  });

  it('reject a place id that is neither an area code nor a prefixed slug', () => {
    const problems = validatePublished('places', {
      type: 'FeatureCollection',
      schemaVersion: SCHEMA_VERSION,
      attribution: 'test',
      features: [
        {
          type: 'Feature',
          id: 'Nanchang',
          geometry: null,
          properties: {
            zh: '南昌市',
            en: 'Nanchang',
            level: 'city',
            adminCode: '360100',
            city: '360100',
            county: null,
            aliases: ['南昌'],
            pinyin: 'nan chang shi',
          },
        },
      ],
    });
    expect(problems.join()).toMatch(/\/features\/0\/id/);
  });

  it('reject a file from another schema version', () => {
    expect(validatePublished('plans', { schemaVersion: 99, plans: [] })).not.toEqual([]);
  });
});
