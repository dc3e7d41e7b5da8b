// @vitest-environment jsdom
/** Timeline play/step, the camera in the URL, the map's label, the ⋯ menu on phones and the embed snippet. */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App.tsx';
import { PLAY_STEP_MS } from '../state/playback.ts';
import { fixtureData } from '../test-fixtures/index.ts';
import { mapCalls } from '../test-fixtures/map-mock.ts';

vi.mock('../map/ExplorerMap.ts', () => import('../test-fixtures/map-mock.ts'));

const load = () => Promise.resolve(fixtureData());
const plans = fixtureData().plans.map((p) => p.id);
const param = (key: string) => new URLSearchParams(window.location.search).get(key);
const lastFills = () => [...(mapCalls.updates.at(-1)?.fills.keys() ?? [])].sort();

async function ready(shows = 'overview') {
  render(<App load={load} />);
  await screen.findByTestId(shows);
  await vi.waitFor(() => expect(mapCalls.options).not.toBeNull());
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  localStorage.clear();
  mapCalls.updates.length = 0;
  mapCalls.cameras.length = 0;
  mapCalls.options = null;
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('plan timeline', () => {
  it('play shows the first plan at once, then each plan 1.5 s later, once round, and stops', async () => {
    await ready();
    const allFills = lastFills();
    vi.useFakeTimers();
    const play = screen.getByTestId('plan-play');
    expect(play).toHaveAccessibleName('依次播放各份规划');
    fireEvent.click(play);
    expect(param('plan')).toBe(plans[0]);
    expect(play).toHaveAttribute('data-playing', 'true');
    expect(play).toHaveAccessibleName('暂停');
    const firstFills = lastFills();
    expect(firstFills).not.toEqual(allFills);
    act(() => vi.advanceTimersByTime(PLAY_STEP_MS - 1));
    expect(param('plan')).toBe(plans[0]);
    act(() => vi.advanceTimersByTime(1));
    expect(param('plan')).toBe(plans[1]);
    expect(lastFills(), 'the map got the new plan from the store').not.toEqual(firstFills);
    act(() => vi.advanceTimersByTime(PLAY_STEP_MS * 4));
    expect(play).toHaveAttribute('data-playing', 'false');
    expect(param('plan'), 'stopped on the last plan').toBe(plans.at(-1));
    expect(screen.getByTestId('plan-filter').querySelector(`[data-plan="${plans.at(-1)}"]`)).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('from a plan, play goes round once and stops back on it; pause and any other plan change stop it', async () => {
    window.history.replaceState(null, '', `/?plan=${plans[0]}`);
    await ready();
    vi.useFakeTimers();
    const play = screen.getByTestId('plan-play');
    fireEvent.click(play);
    expect(param('plan')).toBe(plans[1]);
    act(() => vi.advanceTimersByTime(PLAY_STEP_MS));
    expect(param('plan')).toBe(plans[0]);
    act(() => vi.advanceTimersByTime(PLAY_STEP_MS * 3));
    expect(play).toHaveAttribute('data-playing', 'false');
    expect(param('plan')).toBe(plans[0]);

    fireEvent.click(play);
    fireEvent.click(play);
    expect(play).toHaveAttribute('data-playing', 'false');
    const paused = param('plan');
    act(() => vi.advanceTimersByTime(PLAY_STEP_MS * 3));
    expect(param('plan')).toBe(paused);

    fireEvent.click(play);
    fireEvent.click(screen.getByTestId('plan-filter').querySelector('[data-plan="all"]') as HTMLElement);
    act(() => vi.advanceTimersByTime(PLAY_STEP_MS * 3));
    expect(param('plan')).toBeNull();
    expect(play).toHaveAttribute('data-playing', 'false');
  });

  it('steps with the buttons and with ←/→ on the focused timeline; focus follows the plan', async () => {
    await ready();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('plan-next'));
    expect(param('plan')).toBe(plans[0]);
    await user.click(screen.getByTestId('plan-previous'));
    expect(param('plan')).toBe(plans.at(-1));
    const timeline = screen.getByTestId('plan-filter');
    await user.click(timeline.querySelector(`[data-plan="${plans[0]}"]`) as HTMLElement);
    await user.keyboard('{ArrowRight}');
    expect(param('plan')).toBe(plans[1]);
    expect(document.activeElement).toHaveAttribute('data-plan', plans[1]);
    await user.keyboard('{ArrowLeft}');
    expect(param('plan')).toBe(plans[0]);
    expect(timeline).toHaveAccessibleDescription('可用左右方向键逐份切换规划。');
  });
});

describe('camera in the URL', () => {
  it('a map move reaches the URL after the debounce; back at the default fit removes it', async () => {
    await ready();
    vi.useFakeTimers();
    act(() => mapCalls.options?.onCameraChanged?.({ lat: 28.123456, lon: 115.654321, zoom: 8.2049 }));
    expect(param('at')).toBeNull();
    act(() => vi.advanceTimersByTime(400));
    expect(param('at')).toBe('28.1235,115.6543,8.2');
    // The state echoing the map's own move asks the map to go where it already is (a no-op in ExplorerMap).
    expect(mapCalls.cameras.at(-1)).toEqual({ lat: 28.123456, lon: 115.654321, zoom: 8.2049 });
    act(() => mapCalls.options?.onCameraChanged?.(null));
    act(() => vi.advanceTimersByTime(400));
    expect(param('at')).toBeNull();
  });

  it('a link with at= gives the map its camera; a malformed one is ignored; reset drops it', async () => {
    window.history.replaceState(null, '', '/?at=27.8,114.9,9.5');
    await ready();
    expect(mapCalls.options?.camera).toEqual({ lat: 27.8, lon: 114.9, zoom: 9.5 });
    expect(param('at')).toBe('27.8,114.9,9.5');
    fireEvent.click(screen.getByTestId('reset'));
    expect(param('at')).toBeNull();
    expect(mapCalls.cameras.at(-1)).toBeNull();
  });

  it('ignores a malformed camera', async () => {
    window.history.replaceState(null, '', '/?at=27.8,abc,9');
    await ready();
    expect(mapCalls.options?.camera).toBeNull();
    expect(param('at')).toBeNull();
  });
});

describe('map label, phone menu and embed', () => {
  it('names the map by what it shows, in the chosen language', async () => {
    await ready();
    expect(mapCalls.label).toBe('江西地图：各地被布局的产业数');
    fireEvent.click(screen.getByTestId('lang-en'));
    await vi.waitFor(() => expect(mapCalls.label).toMatch(/^Map of Jiangxi: /));
    expect(screen.getByTestId('map-keyboard-hint')).toHaveTextContent(/place search/);
  });

  it('on a phone, reset, "about" and "download & share" are items of a ⋯ menu button', async () => {
    vi.stubGlobal(
      'matchMedia',
      vi.fn((q: string) => ({
        matches: q.includes('max-width'),
        media: q,
        addEventListener() {},
        removeEventListener() {},
      })),
    );
    window.history.replaceState(null, '', '/?plan=2014-key-industries');
    await ready();
    const user = userEvent.setup();
    expect(screen.queryByTestId('reset')).toBeNull();
    const more = screen.getByTestId('more-button');
    expect(more).toHaveAccessibleName('更多');
    expect(more).toHaveAttribute('aria-expanded', 'false');
    more.focus();
    await user.keyboard('{ArrowDown}');
    const menu = screen.getByRole('menu', { name: '更多操作' });
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((b) => b.textContent),
    ).toEqual(['重置', '关于数据', '下载与分享']);
    expect(document.activeElement).toBe(screen.getByTestId('reset'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByTestId('about-button'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByTestId('downloads-button'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByTestId('reset'));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(more);
    await user.keyboard('{Enter}');
    await user.keyboard('{Enter}');
    expect(param('plan')).toBeNull();
    expect(screen.queryByRole('menu')).toBeNull();
    await user.click(more);
    await user.click(screen.getByRole('menuitem', { name: '关于数据' }));
    expect(screen.getByTestId('about')).toBeInTheDocument();
  });

  it('the share dialog offers an <iframe> of the current link with a copy button', async () => {
    window.history.replaceState(null, '', '/?industry=photovoltaics');
    await ready('industry-view');
    const user = userEvent.setup();
    await user.click(screen.getByTestId('downloads-button'));
    const code = (await screen.findByTestId('embed-code')) as HTMLTextAreaElement;
    expect(code).toHaveAccessibleName('嵌入网页');
    const frame = new DOMParser().parseFromString(code.value, 'text/html').querySelector('iframe');
    expect(frame?.getAttribute('src')).toBe(`${window.location.origin}/?industry=photovoltaics`);
    expect(frame?.getAttribute('title')).toBe('江西产业布局地图');
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(screen.getByTestId('copy-embed'));
    expect(writeText).toHaveBeenCalledWith(code.value);
    expect(screen.getByTestId('downloads-status')).toHaveTextContent(/已复制|复制/);
  });
});
