import { NativeSelect } from '@mantine/core';
import { isLocale, LOCALES, type Locale } from '@portico/shared/locales';
import { useTranslation } from 'react-i18next';
import { currentLocale, storeLocale } from '@/lib/i18n';

/** sv/da/en; the choice is remembered on this device and handed to `onChosen` (to save it on the account). */
export function LanguagePicker({ onChosen }: { onChosen?: (locale: Locale) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('common:language.label')}
      size="xs"
      value={currentLocale()}
      data={LOCALES.map((l) => ({ value: l, label: t(`common:language.${l}`, { lng: l }) }))}
      onChange={(event) => {
        const picked = event.currentTarget.value;
        if (!isLocale(picked)) return;
        storeLocale(picked);
        void i18n.changeLanguage(picked);
        onChosen?.(picked);
      }}
    />
  );
}
