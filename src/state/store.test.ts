import { describe, expect, it } from 'vitest';
import { createExplorerStore, DEFAULT_STATE, pickState } from './store.ts';

describe('explorer store', () => {
  it('toggles roles and never leaves the role filter empty', () => {
    const store = createExplorerStore();
    store.getState().roleToggled('core');
    expect(store.getState().roles).toEqual(['focus', 'supporting']);
    store.getState().roleToggled('focus');
    store.getState().roleToggled('supporting');
    expect(store.getState().roles).toEqual(['core', 'focus', 'supporting']);
  });

  it('reset returns to the default view but keeps the reader’s language', () => {
    const store = createExplorerStore({ lang: 'en' });
    store.getState().planChosen('2014-key-industries');
    store.getState().industryChosen('photovoltaics');
    store.getState().placeClicked('360500');
    store.getState().resetRequested();
    expect(pickState(store.getState())).toEqual({ ...DEFAULT_STATE, lang: 'en' });
  });

  it('keeps the camera the user moved to, ignores a move below link precision, and reset clears it', () => {
    const store = createExplorerStore();
    let changes = 0;
    store.subscribe(() => changes++);
    store.getState().cameraMoved({ lat: 28.68, lon: 115.89, zoom: 8.2 });
    expect(store.getState().camera).toEqual({ lat: 28.68, lon: 115.89, zoom: 8.2 });
    store.getState().cameraMoved({ lat: 28.680001, lon: 115.89, zoom: 8.2001 });
    expect(changes).toBe(1);
    store.getState().resetRequested();
    expect(store.getState().camera).toBeNull();
  });

  it('opens and closes the source view', () => {
    const store = createExplorerStore();
    store.getState().sourceOpened({ file: 'a.txt', line: 3 });
    expect(store.getState().source).toEqual({ file: 'a.txt', line: 3 });
    store.getState().sourceClosed();
    expect(store.getState().source).toBeNull();
  });

  it('switches views and keeps the filters, and reset goes back to the map', () => {
    const store = createExplorerStore();
    store.getState().industryChosen('photovoltaics');
    store.getState().viewChosen('changes');
    store.getState().comparisonChosen('2014-key-industries', null);
    store.getState().levelChosen('exact');
    expect(pickState(store.getState())).toMatchObject({
      view: 'changes',
      industry: 'photovoltaics',
      from: '2014-key-industries',
      to: null,
      level: 'exact',
    });
    store.getState().resetRequested();
    expect(store.getState().view).toBe('map');
  });

  it('choosing another city closes the open matrix cell', () => {
    const store = createExplorerStore({ view: 'matrix' });
    store.getState().cellOpened({ place: '360500', industry: 'photovoltaics' });
    store.getState().matrixSorted({ industry: 'photovoltaics' });
    expect(store.getState().cell).toEqual({ place: '360500', industry: 'photovoltaics' });
    store.getState().cityChosen('360100');
    expect(store.getState().cell).toBeNull();
    expect(store.getState().sort).toEqual({ industry: 'photovoltaics' });
  });

  it('a product or company chosen lets the selected place go; an industry chosen afterwards replaces it; reset clears it', () => {
    const store = createExplorerStore({ place: '360500' });
    store.getState().termChosen({ kind: 'enterprise', key: '江铃' });
    expect(store.getState()).toMatchObject({ term: { kind: 'enterprise', key: '江铃' }, place: null });
    store.getState().placeClicked('360100');
    expect(store.getState().term).toEqual({ kind: 'enterprise', key: '江铃' }); // the place panel opens over it
    store.getState().industryChosen('auto');
    expect(store.getState()).toMatchObject({ term: null, industry: 'auto' });
    store.getState().termChosen({ kind: 'product', key: '锂电池' });
    store.getState().resetRequested();
    expect(store.getState().term).toBeNull();
  });
});
