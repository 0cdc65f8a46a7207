import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { appRoutes } from './app/routes';
import { initI18n } from './i18n/i18n';
import './styles.css';

initI18n();

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element to render the console into');

createRoot(rootElement).render(
  <StrictMode>
    <RouterProvider router={createBrowserRouter(appRoutes, { basename: '/console' })} />
  </StrictMode>,
);
