import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startI18n } from './i18n';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const container = root;

// The frame's text in the chosen language is fetched first (a small chunk; each page brings its own), so the page
// never shows a key in place of its text.
void startI18n().then(
  () =>
    createRoot(container).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  () => {
    container.textContent = '页面未能加载，请刷新重试。The page could not load; please reload.';
  },
);
