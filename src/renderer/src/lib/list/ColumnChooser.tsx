// The list's view menu: a checkbox per column (columns that must stay are ticked and disabled),
// compact rows, and back to the screen's defaults. Remembered per user and list (prefs.ts).
import { Button, Checkbox, Divider, Popover, Stack, Switch, Text } from '@mantine/core';
import { IconColumns3 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { defaultListPrefs, withColumn } from './prefs';
import { chooserLabel, type ListView } from './useListView';

export function ColumnChooser<T>({ view }: { view: ListView<T> }) {
  const { t } = useTranslation('common');
  const { prefs, setPrefs } = view;
  const choosable = view.columns.filter((c) => !c.hidden && chooserLabel(c) !== null);
  const shown = new Set(view.shown.map((c) => String(c.accessor)));
  const changed = prefs.hidden.length > 0 || prefs.density !== defaultListPrefs.density;
  return (
    <Popover position="bottom-end" shadow="md" trapFocus returnFocus withinPortal>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns3 size={16} />} data-testid="column-chooser">
          {t('table.columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label={t('table.columnsTitle')} data-testid="column-chooser-menu" miw={220}>
        <Stack gap={8}>
          <Text size="sm" fw={600}>
            {t('table.columnsTitle')}
          </Text>
          {choosable.map((c) => {
            const accessor = String(c.accessor);
            return (
              <Checkbox
                key={accessor}
                label={chooserLabel(c)}
                checked={shown.has(accessor)}
                disabled={c.alwaysShown}
                onChange={(e) => setPrefs(withColumn(prefs, accessor, e.currentTarget.checked))}
              />
            );
          })}
          <Divider />
          <Switch label={t('table.compact')} checked={prefs.density === 'compact'} onChange={(e) => setPrefs({ ...prefs, density: e.currentTarget.checked ? 'compact' : 'comfortable' })} />
          <Button variant="subtle" size="compact-sm" disabled={!changed} onClick={() => setPrefs(defaultListPrefs)}>
            {t('table.resetView')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
