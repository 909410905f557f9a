import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactDTO, ConversationDTO } from '@switchboard/shared';
import { contactName, formatPhone } from '../../lib/format';
import { useStore } from '../../store';
import { selectIsSupervisor, selectOpenContact } from '../../store/selectors';
import { ContactChanges } from './ContactChanges';
import { ContactEditForm } from './ContactEditForm';
import { ContactMerge } from './ContactMerge';
import './Contact.css';

/** The customer of the open conversation: their profile, an editor for it, its history, and merging a duplicate. */
export function ContactProfile({ conversation }: { conversation: ConversationDTO }) {
  const { t } = useTranslation('contact');
  const contact = useStore(selectOpenContact) ?? conversation.contact;
  const mayMerge = useStore(selectIsSupervisor);
  const [editing, setEditing] = useState(false);

  return (
    <section className="context-section contact" aria-label={t('title')} data-testid="contact-profile">
      {editing ? (
        <ContactEditForm contact={contact} onDone={() => setEditing(false)} />
      ) : (
        <ContactDetails contact={contact} onEdit={() => setEditing(true)} />
      )}
      {mayMerge && !editing && <ContactMerge contact={contact} />}
      <ContactChanges />
    </section>
  );
}

function ContactDetails({ contact, onEdit }: { contact: ContactDTO; onEdit: () => void }) {
  const { t } = useTranslation(['contact', 'context', 'common']);
  const numbers = [contact.waId, ...contact.otherWaIds].map(formatPhone).filter((n): n is string => n !== null);
  const attributes = Object.entries(contact.attributes);
  const notSet = <span className="muted">{t('notSet')}</span>;

  return (
    <>
      <div className="contact-head">
        <span className="contact-name">{contactName(contact)}</span>
        {contact.tier === 'vip' && <span className="badge vip">{t('vip')}</span>}
        <button type="button" className="btn small ghost contact-edit" onClick={onEdit}>
          {t('edit')}
        </button>
      </div>
      {contact.name && contact.profileName && contact.profileName !== contact.name && (
        <div className="muted">{t('whatsappName', { name: contact.profileName })}</div>
      )}
      {contact.optedOut && <span className="badge danger">{t('context:optedOut')}</span>}
      <dl className="contact-fields">
        <dt>{t('field.numbers')}</dt>
        <dd data-field="numbers">
          {numbers.length > 0 ? numbers.map((n) => <div key={n}>{n}</div>) : (contact.userId ?? notSet)}
        </dd>
        <dt>{t('field.email')}</dt>
        <dd data-field="email">{contact.email ?? notSet}</dd>
        <dt>{t('field.language')}</dt>
        <dd data-field="language">
          {contact.language ? t(`common:languageName.${contact.language}`) : t('anyLanguage')}
        </dd>
        <dt>{t('field.tier')}</dt>
        <dd data-field="tier">{t(`tier.${contact.tier}`)}</dd>
        <dt>{t('field.attributes')}</dt>
        <dd data-field="attributes">
          {attributes.length === 0 ? (
            <span className="muted">{t('noAttributes')}</span>
          ) : (
            attributes.map(([key, value]) => (
              <div key={key}>
                <span className="muted">{key}:</span> {value}
              </div>
            ))
          )}
        </dd>
        <dt>{t('field.notes')}</dt>
        <dd data-field="notes" className="contact-notes">
          {contact.notes || notSet}
        </dd>
      </dl>
    </>
  );
}
