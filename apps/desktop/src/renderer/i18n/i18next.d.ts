import 'i18next';
import type en from './locales/en.json';

/** Keys are typed from the English file: `t('composer:send')` with a key English lacks fails the typecheck. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en;
  }
}
