// ES / EN in the header and on the sign-in card; the choice is remembered on this computer.
import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languages, setLanguage, type Language } from './i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation('common');
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
