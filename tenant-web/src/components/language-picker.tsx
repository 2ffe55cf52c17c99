import { isLocale, LOCALES, type Locale } from '@portico/shared/locales';
import { useTranslation } from 'react-i18next';
import { NativePicker } from './native-picker';

export function LanguagePicker({ value, onChange }: { value: Locale; onChange: (locale: Locale) => void }) {
  const { t } = useTranslation();
  return (
    <NativePicker
      label={t('common:language.label')}
      value={value}
      onChange={(picked) => {
        if (isLocale(picked)) onChange(picked);
      }}
      options={LOCALES.map((locale) => ({ value: locale, label: t(`common:language.${locale}`, { lng: locale }) }))}
    />
  );
}
