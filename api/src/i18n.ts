import { addGenitiveFormat } from '@portico/shared/i18n/genitive';
import { serverResources } from '@portico/shared/i18n/server';
import type { Locale } from '@portico/shared/locale';
import i18next, { type TFunction } from 'i18next';

const instance = i18next.createInstance();
await instance.init({
  resources: serverResources,
  lng: 'en',
  fallbackLng: 'en',
  ns: ['common', 'errors', 'email', 'imports', 'leases'],
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  initAsync: false,
});
addGenitiveFormat(instance);

/** Server-side translation from the shared catalogue (errors and e-mails). */
export function translator(locale: Locale): TFunction {
  return instance.getFixedT(locale);
}
