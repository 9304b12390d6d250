import { QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import '@fontsource/sarabun/400.css';
import '@fontsource/sarabun/600.css';
import './styles.css';
import { hasBackend } from './api/client';
import { queryClient } from './api/queries';
import { App } from './App';
import { NoBackend } from './features/app/NoBackend';
import { PrintApp } from './features/forum/print/PrintApp';
import { ProjectorApp } from './features/projector/ProjectorApp';

const root = createRoot(document.getElementById('root')!);
const view = new URLSearchParams(window.location.search).get('view');
if (!hasBackend()) {
  root.render(<NoBackend />);
} else {
  root.render(
    <QueryClientProvider client={queryClient}>{view === 'projector' ? <ProjectorApp /> : view === 'print' ? <PrintApp /> : <App />}</QueryClientProvider>,
  );
}
