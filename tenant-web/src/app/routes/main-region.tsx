import { Container } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** The main landmark; after a client-side navigation focus moves here so screen readers start at the new page. */
export function MainRegion({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (pathname) ref.current?.focus();
  }, [pathname]);
  return (
    <main id="main" ref={ref} tabIndex={-1}>
      <Container size="lg" py="lg" px={{ base: 'sm', sm: 'md' }}>
        {children}
      </Container>
    </main>
  );
}
