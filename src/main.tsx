import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { loadData } from './data/load.ts';
import { takeStaticMap } from './map/StaticMap.tsx';
import './map/static-map.css';
import { registerOffline } from './offline/register.ts';
import { offlineStatus } from './offline/status.ts';
import './app.css';

// Once per page load, outside React (StrictMode would register twice).
const offline = registerOffline((state) => offlineStatus.setState({ ...state, error: state.error }));
offlineStatus.setState({ update: () => offline.update() });

// The data is requested at once; the app mounts once index.html's shell (text and static map, in the reader's
// language) has been presented: React's first render holds the main thread for a while on a slow phone, and replacing
// the shell before it was ever shown would make the visitor wait for the explorer to see anything (it also keeps
// the shell's intro text the page's largest paint: the explorer draws the same text in the same box).
const data = loadData();
data.catch(() => {}); // handled by App (its error view); this only keeps an early failure from being "uncaught"
function mount() {
  // The static map index.html painted: keep the element before React replaces #root, so it moves into the map's box.
  takeStaticMap();
  const root = document.getElementById('root');
  if (root)
    createRoot(root).render(
      <StrictMode>
        <App load={() => data} />
      </StrictMode>,
    );
}
afterFirstContentfulPaint(mount);

/** Runs `once` a single time, when the first contentful paint has been presented (or after 3 s: no paint timing). */
function afterFirstContentfulPaint(once: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    once();
  };
  const fcp = () => performance.getEntriesByName('first-contentful-paint').length > 0;
  try {
    if (fcp()) {
      run();
      return;
    }
    const observer = new PerformanceObserver(() => {
      if (!fcp()) return;
      observer.disconnect();
      run();
    });
    observer.observe({ type: 'paint', buffered: true });
  } catch {
    requestAnimationFrame(() => setTimeout(run, 0));
  }
  setTimeout(run, 3000);
}
