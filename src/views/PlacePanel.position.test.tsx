// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../App.tsx';
import { fixtureData } from '../test-fixtures/index.ts';

vi.mock('../map/ExplorerMap.ts', () => import('../test-fixtures/map-mock.ts'));

describe('place panel: park position', () => {
  it('says how precise a park’s position is, with the reason on hover', async () => {
    window.history.replaceState(null, '', '/?place=park-nanchang-hitech');
    localStorage.clear();
    render(<App load={() => Promise.resolve(fixtureData())} />);
    const panel = await screen.findByTestId('place-panel');
    const line = await vi.waitFor(() => {
      const el = [...panel.querySelectorAll('span')].find((s) => s.textContent?.includes('位置：所在乡镇（近似）'));
      if (!el) throw new Error('no position line');
      return el;
    });
    expect(line.getAttribute('title')).toBe('Fixture: placed at its host township.');
  });
});
