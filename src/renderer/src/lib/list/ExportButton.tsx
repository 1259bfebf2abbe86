// The list's Export button (beside its column chooser): writes the list as the user sees it to a CSV file
// (exportCsv.ts). A long export shows its progress in a dialog that can stop it; a short one just saves.
import { Button, Group, Modal, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../notify';
import { useCan } from '../session';
import { useFormat } from '../useFormat';
import { exportColumns, exportFileName, exportList, rowSchemaOf, type ExportProgress } from './exportCsv';
import type { ListView } from './useListView';

/** `name`: the file's, before its date (the list's title); by default the screen's title. */
export function ExportButton<T>({ view, name }: { view: ListView<T>; name?: string }) {
  const { t, i18n } = useTranslation('common');
  const f = useFormat();
  const store = view.exportSource;
  const source = useSyncExternalStore(store.subscribe, store.get);
  const seesCosts = useCan('costs.view');
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [slow, setSlow] = useState(false);
  const stop = useRef<AbortController | null>(null);
  // Leaving the list (another tab, another screen) stops its export: no file appears later from nowhere.
  useEffect(() => () => stop.current?.abort(), []);
  if (!source) return null;
  const columns = exportColumns(view.shown, rowSchemaOf(source));
  if (columns.length === 0) return null;

  const start = async () => {
    const controller = new AbortController();
    stop.current = controller;
    setProgress(null);
    setRunning(true);
    // The dialog (and its Stop) comes as soon as the export takes a moment, before its first chunk is back.
    const timer = setTimeout(() => setSlow(true), 600);
    try {
      const result = await exportList({
        source,
        columns,
        language: i18n.language.startsWith('es') ? 'es' : 'en',
        yes: t('yes'),
        no: t('no'),
        seesCosts,
        fileName: exportFileName(name ?? document.querySelector('h1')?.textContent ?? view.id),
        onProgress: setProgress,
        signal: controller.signal,
      });
      if (result) {
        notify.success('common:table.exportDone', { count: result.rows, rows: f.qty(result.rows), file: result.fileName });
        if (result.dropped.length > 0) notify.info('common:table.exportDropped');
      }
    } catch (error) {
      notify.error(error);
    } finally {
      clearTimeout(timer);
      stop.current = null;
      setSlow(false);
      setRunning(false);
    }
  };

  // Only for a long export: a short one saves before a dialog could be read.
  const longRunning = running && (slow || (progress !== null && (progress.capped || progress.done < progress.total)));
  const shown = progress ?? { done: 0, total: 0, capped: true };
  return (
    <>
      <Tooltip label={t('table.exportHint')} multiline w={280} openDelay={400}>
        <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={running} onClick={() => void start()} data-testid="list-export">
          {t('table.export')}
        </Button>
      </Tooltip>
      <Modal opened={longRunning} onClose={() => stop.current?.abort()} title={t('table.exportTitle')} data-testid="export-progress">
        <Stack gap="sm">
          <Progress value={shown.capped ? 100 : (100 * shown.done) / Math.max(shown.total, 1)} striped={shown.capped} animated={shown.capped} aria-label={t('table.exportTitle')} />
          <Text size="sm">{shown.capped ? t('table.exportProgressOpen', { done: f.qty(shown.done) }) : t('table.exportProgress', { done: f.qty(shown.done), total: f.qty(shown.total) })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => stop.current?.abort()}>
              {t('table.exportCancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
