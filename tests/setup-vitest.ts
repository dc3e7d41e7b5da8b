// Adds DOM matchers (toBeInTheDocument …) for component tests; harmless in node-environment tests.
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';
import { vi } from 'vitest';

// jsdom has no WebGL: component tests render MapView with the ExplorerMap stand-in (src/test-fixtures/map-mock.ts),
// so the probe says yes; the no-WebGL path is tested in a real browser (tests/e2e/first-paint.e2e.test.ts).
vi.mock('../src/map/webgl.ts', () => ({ hasWebGL2: () => true }));

// The planner views are lazy chunks: on a loaded 2-core CI machine their first import can take over a second, longer
// than Testing Library's default 1 s wait for findBy*/waitFor. A wait that is too short fails a correct view.
configure({ asyncUtilTimeout: 5000 });

// Component tests run as a Chinese browser, as the e2e contexts do (locale zh-CN): the first visit follows the
// browser's language, and jsdom reports en-US. Tests of the detection itself override these per test.
if (typeof navigator !== 'undefined' && typeof window !== 'undefined') {
  Object.defineProperty(navigator, 'languages', { value: ['zh-CN', 'zh'], configurable: true });
  Object.defineProperty(navigator, 'language', { value: 'zh-CN', configurable: true });
}
