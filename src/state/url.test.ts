import { describe, expect, it } from 'vitest';
import { carries, PARAM_KEYS, PARAMS } from './params.ts';
import { createExplorerStore, DEFAULT_STATE, type ExplorerState, pickState, VIEWS } from './store.ts';
import { type KnownIds, parseUrl, serializeUrl, URL_KEYS } from './url.ts';

const known: KnownIds = {
  plans: new Set(['2012-it-12th-fyp', '2014-key-industries']),
  industries: new Set(['photovoltaics', 'pharma-tcm']),
  places: new Set(['360500', 'park-nanchang-hitech']),
  files: new Set(['000_43d0119b57264c9e.txt']),
  terms: new Set(['enterprise~江铃', 'product~锂电池']),
};

const s = (over: Partial<ExplorerState>): ExplorerState => ({ ...DEFAULT_STATE, ...over });

// The URL spec: each row is read and written both ways.
const table: { query: string; state: ExplorerState }[] = [
  { query: '', state: DEFAULT_STATE },
  { query: '?plan=2014-key-industries', state: s({ plan: '2014-key-industries' }) },
  { query: '?industry=photovoltaics', state: s({ industry: 'photovoltaics' }) },
  { query: '?roles=core,focus', state: s({ roles: ['core', 'focus'] }) },
  { query: '?place=park-nanchang-hitech', state: s({ place: 'park-nanchang-hitech' }) },
  { query: '?lang=en', state: s({ lang: 'en' }) },
  {
    query: '?plan=2012-it-12th-fyp&industry=pharma-tcm&roles=supporting&place=360500&lang=en',
    state: s({ plan: '2012-it-12th-fyp', industry: 'pharma-tcm', roles: ['supporting'], place: '360500', lang: 'en' }),
  },
  {
    query: '?source=000_43d0119b57264c9e.txt&line=32',
    state: s({ source: { file: '000_43d0119b57264c9e.txt', line: 32 } }),
  },
  { query: '?view=changes', state: s({ view: 'changes' }) },
  { query: '?view=matrix', state: s({ view: 'matrix' }) },
  {
    query: '?view=changes&industry=photovoltaics&from=2014-key-industries&to=2012-it-12th-fyp&level=exact',
    state: s({
      view: 'changes',
      industry: 'photovoltaics',
      from: '2014-key-industries',
      to: '2012-it-12th-fyp',
      level: 'exact',
    }),
  },
  { query: '?view=matrix&sort=count', state: s({ view: 'matrix', sort: 'count' }) },
  { query: '?view=matrix&sort=pharma-tcm', state: s({ view: 'matrix', sort: { industry: 'pharma-tcm' } }) },
  { query: '?view=matrix&city=360500', state: s({ view: 'matrix', city: '360500' }) },
  {
    query: '?view=matrix&cell=park-nanchang-hitech~pharma-tcm',
    state: s({ view: 'matrix', cell: { place: 'park-nanchang-hitech', industry: 'pharma-tcm' } }),
  },
  {
    query: `?term=${encodeURIComponent('enterprise~江铃').replace(/%7E/gi, '~')}`,
    state: s({ term: { kind: 'enterprise', key: '江铃' } }),
  },
  {
    query: `?industry=photovoltaics&term=${encodeURIComponent('product~锂电池').replace(/%7E/gi, '~')}`,
    state: s({ industry: 'photovoltaics', term: { kind: 'product', key: '锂电池' } }),
  },
  { query: '?at=28.68,115.89,8.2', state: s({ camera: { lat: 28.68, lon: 115.89, zoom: 8.2 } }) },
  {
    query: '?industry=photovoltaics&place=360500&at=27.8174,114.9167,9.75',
    state: s({ industry: 'photovoltaics', place: '360500', camera: { lat: 27.8174, lon: 114.9167, zoom: 9.75 } }),
  },
];

describe('URL ↔ state', () => {
  it('term=: only a product or company the data names, in <kind>~<key> form', () => {
    for (const bad of ['enterprise~江', 'company~江铃', '江铃', 'place~江铃', 'enterprise~江铃~x', '<img src=x>'])
      expect(parseUrl(`?term=${encodeURIComponent(bad)}`, known).term).toBeNull();
    expect(parseUrl('?term=enterprise~江铃', { ...known, terms: undefined }).term).toBeNull();
  });

  it.each(table)('parses $query', ({ query, state }) => {
    expect(parseUrl(query, known)).toEqual(state);
  });
  it.each(table)('writes $query', ({ query, state }) => {
    expect(serializeUrl(state)).toBe(query);
  });

  it('keeps parameters that are not ours', () => {
    expect(serializeUrl(s({ lang: 'en' }), '?utm_source=wechat&plan=x')).toBe('?lang=en&utm_source=wechat');
  });

  it('writes roles in canonical order whatever order the URL used', () => {
    const state = parseUrl('?roles=supporting,core', known);
    expect(state.roles).toEqual(['core', 'supporting']);
    expect(serializeUrl(state)).toBe('?roles=core,supporting');
  });
});

// One value other than the default for every state key: a key missing here fails tsc (Record over the state's keys).
const samples: { [K in keyof ExplorerState]: ExplorerState[K] } = {
  view: 'overlap',
  plan: '2014-key-industries',
  industry: 'photovoltaics',
  roles: ['core', 'supporting'],
  place: '360500',
  term: { kind: 'product', key: '锂电池' },
  lang: 'en',
  from: '2012-it-12th-fyp',
  to: '2014-key-industries',
  level: 'exact',
  sort: { industry: 'pharma-tcm' },
  city: '360500',
  rows: 'cities',
  cell: { place: 'park-nanchang-hitech', industry: 'pharma-tcm' },
  camera: { lat: 28.1235, lon: 115.9877, zoom: 8.12 },
  source: { file: '000_43d0119b57264c9e.txt', line: 7 },
};

describe('the parameter table', () => {
  it('has a row for every key of the state, and URL_KEYS names every row’s parameters once', () => {
    expect([...PARAM_KEYS].sort()).toEqual(Object.keys(pickState(DEFAULT_STATE)).sort());
    expect(URL_KEYS).toEqual(PARAM_KEYS.flatMap((k) => PARAMS[k].url));
    expect(new Set(URL_KEYS).size).toBe(URL_KEYS.length);
  });

  it.each(PARAM_KEYS)('round-trips %s in a view that carries it', (key) => {
    const view = VIEWS.find((v) => carries(key, v) && (key !== 'view' || v === samples.view)) ?? 'map';
    const state = s({ view, [key]: samples[key] });
    const query = serializeUrl(state);
    for (const name of PARAMS[key].url) expect(new URLSearchParams(query).has(name), name).toBe(true);
    expect(parseUrl(query, known)).toEqual(state);
  });

  it.each(PARAM_KEYS)('a link from a view that does not use %s leaves it out', (key) => {
    for (const view of VIEWS.filter((v) => !carries(key, v))) {
      const query = new URLSearchParams(serializeUrl(s({ view, [key]: samples[key] })));
      for (const name of PARAMS[key].url) expect(query.has(name), `${name} in a ${view} link`).toBe(false);
    }
  });

  it('a map link after sorting the matrix has no sort=; a matrix link keeps it; the store keeps it for both', () => {
    const store = createExplorerStore();
    store.getState().viewChosen('matrix');
    store.getState().matrixSorted('count');
    store.getState().cityChosen('360500');
    expect(serializeUrl(pickState(store.getState()))).toBe('?view=matrix&sort=count&city=360500');
    store.getState().viewChosen('map');
    expect(serializeUrl(pickState(store.getState()))).toBe('');
    expect(store.getState().sort).toBe('count');
    store.getState().viewChosen('matrix');
    expect(serializeUrl(pickState(store.getState()))).toBe('?view=matrix&sort=count&city=360500');
  });

  it('a change-view link carries the comparison and the camera, not the matrix’s or the term', () => {
    const state = s({ ...samples, view: 'changes' });
    expect(serializeUrl(state)).toBe(
      '?view=changes&plan=2014-key-industries&industry=photovoltaics&roles=core,supporting&place=360500&lang=en' +
        '&from=2012-it-12th-fyp&to=2014-key-industries&level=exact&at=28.1235,115.9877,8.12' +
        '&source=000_43d0119b57264c9e.txt&line=7',
    );
  });

  it('still reads a parameter its view does not carry (links written before views dropped them)', () => {
    expect(parseUrl('?sort=count&to=2014-key-industries', known)).toEqual(
      s({ sort: 'count', to: '2014-key-industries' }),
    );
  });

  it('on back/forward, what the link’s view does not carry is kept from the current state, the rest is the link’s', () => {
    const now = s({ view: 'matrix', sort: 'count', rows: 'cities', place: '360500', plan: '2014-key-industries' });
    expect(parseUrl('?industry=photovoltaics', known, 'zh', now)).toEqual(
      s({ industry: 'photovoltaics', sort: 'count', rows: 'cities' }),
    );
    expect(parseUrl('?view=matrix&sort=pharma-tcm', known, 'zh', now)).toEqual(
      s({ view: 'matrix', sort: { industry: 'pharma-tcm' }, place: '360500' }),
    );
  });
});

describe('hostile or stale URLs fall back to defaults', () => {
  const cases: [string, string][] = [
    ['unknown ids', '?plan=2099-nope&industry=weapons&place=110000'],
    ['script tags', '?plan=<script>alert(1)</script>&place=%3Cimg%20src=x%20onerror=alert(1)%3E&lang=<b>'],
    ['very long values', `?plan=${'a'.repeat(100_000)}&industry=${'光'.repeat(5000)}`],
    ['empty and repeated keys', '?plan=&industry=&roles=&lang='],
    ['roles that do not exist', '?roles=leader,,,'],
    ['a bad line and an unknown file', '?source=../../etc/passwd&line=-5'],
    ['garbage', '?%%%&&==&plan'],
    ['unknown view, plans, level and sort', '?view=<svg>&from=1999&to=x&level=deep&sort=<script>&city=999999'],
    ['malformed cells', '?cell=360500&cell=~&cell=360500~photovoltaics~x'],
    ['a cell naming unknown ids', '?cell=110000~weapons'],
    ['cameras with too few or too many numbers', '?at=28.6,115.8&at=1,2,3,4'],
    ['a camera with words and markup', '?at=28.6,115.8,<script>'],
    ['a camera out of range', '?at=91,115.8,8'],
    ['a camera with exponent notation', '?at=2e1,115.8,8'],
    ['a camera with a huge zoom', '?at=28,115,99'],
    ['a camera with NaN', '?at=NaN,115,8'],
  ];
  it.each(cases)('%s', (_name, query) => {
    expect(parseUrl(query, known)).toEqual(DEFAULT_STATE);
  });

  it('a known file with a malformed line opens line 1', () => {
    expect(parseUrl('?source=000_43d0119b57264c9e.txt&line=abc', known).source).toEqual({
      file: '000_43d0119b57264c9e.txt',
      line: 1,
    });
  });

  it('rounds the camera to 4 decimals of degrees and 2 of zoom, and reads back what it wrote', () => {
    const camera = { lat: 28.123456789, lon: 115.987654321, zoom: 8.123456 };
    const query = serializeUrl(s({ camera }));
    expect(query).toBe('?at=28.1235,115.9877,8.12');
    expect(parseUrl(query, known).camera).toEqual({ lat: 28.1235, lon: 115.9877, zoom: 8.12 });
    expect(parseUrl('?at=%2028.5,%20116,%207', known).camera).toEqual({ lat: 28.5, lon: 116, zoom: 7 });
  });

  it('uses the remembered language when the URL does not name one', () => {
    expect(parseUrl('', known, 'en').lang).toBe('en');
    expect(parseUrl('?lang=zh', known, 'en').lang).toBe('zh');
  });
});
