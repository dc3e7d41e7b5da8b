import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { takeStaticMap } from './map/StaticMap.tsx';
import './map/static-map.css';
import { registerOffline } from './offline/register.ts';
import { offlineStatus } from './offline/status.ts';
import './app.css';

// Once per page load, outside React (StrictMode would register twice).
const offline = registerOffline((state) => offlineStatus.setState({ ...state, error: state.error }));
offlineStatus.setState({ update: () => offline.update() });

// The static map index.html painted: keep the element before React replaces #root, so it moves into the map's box.
takeStaticMap();
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
