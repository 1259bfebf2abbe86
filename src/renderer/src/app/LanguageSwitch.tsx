// ES / EN in the header and on the sign-in card; the choice is remembered on this computer. A signed-in user
// who switches also changes the language of their e-mails and desktop notifications (their profile) — only
// when they switch: a computer left in another language by someone else does not change anyone's profile.
import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../lib/api';
import { useSession } from '../lib/session';
import { languages, setLanguage, type Language } from './i18n';

function switchTo(language: Language): void {
  void setLanguage(language);
  const user = useSession.getState().user;
  if (!user || user.language === language) return;
  call('notifications.saveMySettings', { language }).then(
    () => useSession.setState((s) => (s.user && s.user.id === user.id ? { user: { ...s.user, language } } : {})),
    // Not worth an error on screen: the screens switched; the next switch tries the profile again.
    () => undefined,
  );
}

export function LanguageSwitch() {
  const { t, i18n } = useTranslation('common');
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      data-testid="language-switch"
      value={i18n.language}
      onChange={(value) => switchTo(value as Language)}
      data={languages.map((lng) => ({ value: lng, label: <span title={t(`languages.${lng}`)}>{lng.toUpperCase()}</span> }))}
    />
  );
}
