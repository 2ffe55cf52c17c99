import { Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one h1, also used as the document title. */
export function PageHeading({ title }: { title: string }) {
  usePageTitle(title);
  return (
    <Title order={1} size="h2" mb="md">
      {title}
    </Title>
  );
}

export function usePageTitle(title: string) {
  const { t } = useTranslation();
  const product = t('app.product');
  useEffect(() => {
    document.title = title ? `${title} · ${product}` : product;
  }, [title, product]);
}
