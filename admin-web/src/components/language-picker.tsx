import { NativeSelect } from '@mantine/core';
import { LOCALES, type Locale, LocaleSchema } from '@portico/shared/locale';
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
        const parsed = LocaleSchema.safeParse(event.currentTarget.value);
        if (!parsed.success) return;
        storeLocale(parsed.data);
        void i18n.changeLanguage(parsed.data);
        onChosen?.(parsed.data);
      }}
    />
  );
}
