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

  it('opens and closes the source view', () => {
    const store = createExplorerStore();
    store.getState().sourceOpened({ file: 'a.txt', line: 3 });
    expect(store.getState().source).toEqual({ file: 'a.txt', line: 3 });
    store.getState().sourceClosed();
    expect(store.getState().source).toBeNull();
  });
});
