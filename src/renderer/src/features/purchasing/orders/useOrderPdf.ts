import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '@renderer/lib/notify';
import { useRenderPdf } from '../api';
import { downloadBlob, pdfBlob, printBlob } from '@renderer/lib/pdf';

type Job = 'download' | 'print';

/** Download and Print of a purchase order, in the language the user works in. */
export function useOrderPdf(orderId: number) {
  const { i18n } = useTranslation();
  const render = useRenderPdf();
  const [job, setJob] = useState<Job | null>(null);
  const locale = i18n.language === 'es' ? 'es' : 'en';
  const run = (next: Job, then: (blob: Blob, filename: string) => void) => {
    setJob(next);
    render.mutate({ id: orderId, locale }, { onSuccess: (pdf) => then(pdfBlob(pdf.base64), pdf.filename), onSettled: () => setJob(null) });
  };
  return {
    /** The action waiting for its PDF, to show a spinner on its button. */
    job,
    download: () =>
      run('download', (blob, filename) => {
        downloadBlob(blob, filename);
        notify.success('purchasing:order.pdfDownloaded', { filename });
      }),
    print: () =>
      run('print', (blob, filename) =>
        printBlob(blob, () => {
          downloadBlob(blob, filename);
          notify.info('purchasing:order.printFallback', { filename });
        }),
      ),
  };
}
