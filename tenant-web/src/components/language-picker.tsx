import { NativeSelect } from '@mantine/core';
import { LOCALES, type Locale, LocaleSchema } from '@portico/shared/locale';
import { useTranslation } from 'react-i18next';

export function LanguagePicker({ value, onChange }: { value: Locale; onChange: (locale: Locale) => void }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('common:language.label')}
      size="sm"
      value={value}
      onChange={(event) => {
        const parsed = LocaleSchema.safeParse(event.currentTarget.value);
        if (parsed.success) onChange(parsed.data);
      }}
      data={LOCALES.map((locale) => ({ value: locale, label: t(`common:language.${locale}`, { lng: locale }) }))}
    />
  );
}
