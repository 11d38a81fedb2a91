// Entry point of the explorer: takes the curation token from the URL, then mounts the React app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { captureToken } from './api/token.js';
import './styles.css';

// Before anything writes the URL: the curation token leaves the address bar for sessionStorage.
captureToken();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
