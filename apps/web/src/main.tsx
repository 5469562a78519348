import '@mantine/core/styles.css';
import './app/global.css';
import './app/prepaint.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks <div id="root">');
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// The server may have sent the overview's headline inside the root (issue 17: first paint). It is replaced
// at React's first render, so let the browser paint it once first: after the next frame, not before it.
// Otherwise a fast script could replace it unseen, and the largest paint would again wait for the app.
// A tab opened in the background draws no frame until it is shown: render at once there.
if (root.firstElementChild && document.visibilityState === 'visible')
  requestAnimationFrame(() => setTimeout(render, 0));
else render();
