import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { queryClient } from './queryClient';
import { cssVariablesResolver, theme } from './theme';

export function Providers({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <Router>{children}</Router>
      </QueryClientProvider>
    </MantineProvider>
  );
}

const Routed = createContext<ReactNode>(null);

function RoutedChildren() {
  return <>{useContext(Routed)}</>;
}

/**
 * A data router (one splat route holding the app, whose own <Routes> do the routing): what
 * React Router's navigation blocker needs (ui/UnsavedChangesGuard).
 */
function Router({ children }: { children: ReactNode }) {
  const [router] = useState(() => createBrowserRouter([{ path: '*', element: <RoutedChildren /> }]));
  return (
    <Routed.Provider value={children}>
      <RouterProvider router={router} />
    </Routed.Provider>
  );
}
