import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { currentLocale, isLocale, LOCALES } from '../../i18n';
import { Icon } from '../common/Icon';

/** The agent's interface language: applied at once, and saved with their user so it follows them. */
export function LanguageMenu() {
  const { t } = useTranslation(['shell', 'common']);
  const setLocale = useStore((s) => s.setLocale);
  return (
    <label className="language-menu" title={t('language')}>
      <Icon name="globe" size={12} />
      <select
        aria-label={t('language')}
        value={currentLocale()}
        onChange={(e) => isLocale(e.target.value) && void setLocale(e.target.value)}
      >
        {LOCALES.map((locale) => (
          // Each language named in itself, so an agent finds theirs whatever the interface speaks now.
          <option key={locale} value={locale} lang={locale}>
            {t(`common:languageName.${locale}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
