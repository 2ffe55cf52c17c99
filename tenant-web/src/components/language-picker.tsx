import { NativeSelect } from '@mantine/core';
import { isLocale, LOCALES, type Locale } from '@portico/shared/locales';
import { useTranslation } from 'react-i18next';

export function LanguagePicker({ value, onChange }: { value: Locale; onChange: (locale: Locale) => void }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('common:language.label')}
      size="sm"
      value={value}
      onChange={(event) => {
        const picked = event.currentTarget.value;
        if (isLocale(picked)) onChange(picked);
      }}
      data={LOCALES.map((locale) => ({ value: locale, label: t(`common:language.${locale}`, { lng: locale }) }))}
    />
  );
}
