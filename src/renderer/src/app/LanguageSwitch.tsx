// ES / EN in the header and on the sign-in card; the choice is remembered on this computer, and for a
// signed-in user also in their profile: their e-mails and desktop notifications are written in it.
import { SegmentedControl } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../lib/api';
import { useSession } from '../lib/session';
import { languages, setLanguage, type Language } from './i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation('common');
  const user = useSession((s) => s.user);
  const language = i18n.language as Language;
  // Signed in, the profile follows the language the user reads the screens in (switched here or on the sign-in card).
  useEffect(() => {
    if (!user || user.language === language) return;
    call('notifications.saveMySettings', { language }).then(
      () => useSession.setState((s) => (s.user && s.user.id === user.id ? { user: { ...s.user, language } } : {})),
      // Not worth an error on screen: the next switch, or the next start, tries again.
      () => undefined,
    );
  }, [user, language]);
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      data-testid="language-switch"
      value={i18n.language}
      onChange={(value) => void setLanguage(value as Language)}
      data={languages.map((lng) => ({ value: lng, label: <span title={t(`languages.${lng}`)}>{lng.toUpperCase()}</span> }))}
    />
  );
}
