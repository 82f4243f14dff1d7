import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ToastProvider } from './components/toasts.tsx';
import { getSession, refreshSession, subscribeSession } from './features/auth/session.ts';
import { ClinicProvider } from './features/clinic/clinic-context.tsx';
import { ApiError } from './lib/api-error.ts';
import { applyTheme, storedTheme } from './lib/theme.ts';
import { AppRoutes } from './routes/app-routes.tsx';
import './styles.css';

applyTheme(storedTheme());
void refreshSession();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A refusal (404, 403) will not change on retry; a network blip might.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: true,
    },
  },
});

// Nothing one person saw may remain in memory for the next one at this desk.
subscribeSession(() => {
  if (getSession().status === 'signed-out')
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'clinic' });
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <ToastProvider>
          <ClinicProvider>
            <AppRoutes />
          </ClinicProvider>
        </ToastProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
