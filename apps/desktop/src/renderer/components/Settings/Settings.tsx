import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { sectionsFor } from './sections';
import './Settings.css';

/**
 * The settings area: a list of sections on the left, the chosen one on the right. Each section is one
 * component and one entry in `SETTINGS_SECTIONS`; a role sees the sections it may use (the server enforces
 * the same rules on every call).
 */
export function Settings() {
  const { t } = useTranslation('settings');
  const user = useStore((s) => s.user);
  const sections = user ? sectionsFor(user.role) : [];
  const [chosen, setChosen] = useState(sections[0]?.id);
  const section = sections.find((s) => s.id === chosen) ?? sections[0];
  if (!user || !section) return null;
  const Section = section.component;
  return (
    <main className="settings" aria-label={t('title')}>
      <nav className="settings-nav" aria-label={t('nav')}>
        <h2>{t('title')}</h2>
        {sections.map((s) => (
          <button
            key={s.id}
            className={`settings-nav-item ${s.id === section.id ? 'active' : ''}`}
            onClick={() => setChosen(s.id)}
          >
            {t(`section.${s.id}`)}
          </button>
        ))}
      </nav>
      <section className="settings-body" aria-label={t(`section.${section.id}`)}>
        <Section role={user.role} />
      </section>
    </main>
  );
}
