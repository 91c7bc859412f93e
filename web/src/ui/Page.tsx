import { Stack, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

type PageProps = {
  title: string;
  /** The browser tab's title, when it differs from the heading. */
  documentTitle?: string;
  children: ReactNode;
};

/**
 * A page: its heading and the document title. After an in-app navigation, focus moves to
 * the heading so that screen readers announce the new page.
 */
export function Page({ title, documentTitle = title, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();

  useEffect(() => {
    document.title = `${documentTitle} · Qualif`;
  }, [documentTitle]);

  useEffect(() => {
    // 'default' is the entry the browser loaded: focus stays where the browser put it.
    if (key !== 'default') heading.current?.focus();
  }, [key]);

  return (
    <Stack gap="lg">
      <Title order={1} ref={heading} tabIndex={-1}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}
