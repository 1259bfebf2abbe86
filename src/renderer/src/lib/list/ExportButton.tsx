// The list's Export button (beside its column chooser): writes the list as the user sees it to a CSV file
// (exportCsv.ts). A long export shows its progress in a dialog that can stop it; a short one just saves.
import { Button, Group, Modal, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../notify';
import { useCan } from '../session';
import { useFormat } from '../useFormat';
import { exportColumns, exportFileName, exportList, rowSchemaOf, type ExportProgress } from './exportCsv';
import type { ListView } from './useListView';

export function ExportButton<T>({ view, name }: { view: ListView<T>; name: string }) {
  const { t, i18n } = useTranslation('common');
  const f = useFormat();
  const store = view.exportSource;
  const source = useSyncExternalStore(store.subscribe, store.get);
  const seesCosts = useCan('costs.view');
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const stop = useRef<AbortController | null>(null);
  if (!source) return null;
  const columns = exportColumns(view.shown, rowSchemaOf(source));
  if (columns.length === 0) return null;

  const start = async () => {
    const controller = new AbortController();
    stop.current = controller;
    setProgress(null);
    setRunning(true);
    try {
      const result = await exportList({
        source,
        columns,
        language: i18n.language.startsWith('es') ? 'es' : 'en',
        yes: t('yes'),
        no: t('no'),
        seesCosts,
        fileName: exportFileName(name),
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
      stop.current = null;
      setRunning(false);
    }
  };

  // Only while more than one chunk is on its way: a short export saves before a dialog could be read.
  const longRunning = running && progress !== null && (progress.capped || progress.done < progress.total);
  return (
    <>
      <Tooltip label={t('table.exportHint')} multiline w={280} openDelay={400}>
        <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={running} onClick={() => void start()} data-testid="list-export">
          {t('table.export')}
        </Button>
      </Tooltip>
      <Modal opened={longRunning} onClose={() => stop.current?.abort()} title={t('table.exportTitle')} data-testid="export-progress">
        {progress && (
          <Stack gap="sm">
            <Progress value={progress.capped ? 100 : (100 * progress.done) / Math.max(progress.total, 1)} striped={progress.capped} animated={progress.capped} aria-label={t('table.exportTitle')} />
            <Text size="sm">
              {progress.capped ? t('table.exportProgressOpen', { done: f.qty(progress.done) }) : t('table.exportProgress', { done: f.qty(progress.done), total: f.qty(progress.total) })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => stop.current?.abort()}>
                {t('table.exportCancel')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
