import { Alert, Paper, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { purchasingContract } from '@shared/contract/purchasing';
import { BackLink } from '@renderer/lib/BackLink';
import { notify } from '@renderer/lib/notify';
import { PageHeader } from '@renderer/lib/PageHeader';
import { useCan } from '@renderer/lib/session';
import { useSettings } from '@renderer/lib/useFormat';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useCreateOrder } from '../api';
import { HeaderFields, headerToInput, type HeaderValues } from './HeaderFields';
import { FormFooter } from '@renderer/lib/FormFooter';

const blank: HeaderValues = {
  vendorId: null,
  purchaseForCompanyId: null,
  shipToName: '',
  shipToAddress: '',
  shippingType: '',
  expectedShipDate: null,
  freight: 0,
  paymentTerms: '',
  memo: '',
};

/** Starts a purchase order: its header first; lines are added on the order itself. */
export function NewPurchaseOrderPage() {
  const { t } = useTranslation('purchasing');
  const navigate = useNavigate();
  const canSeeCosts = useCan('costs.view');
  const settings = useSettings();
  const create = useCreateOrder();
  const form = useZodForm(purchasingContract['purchasing.createOrder'].input, blank, { toInput: headerToInput });

  // The office's own address is where orders ship unless the user types another.
  const [prefilled, setPrefilled] = useState(false);
  if (!prefilled && settings.data) {
    setPrefilled(true);
    const s = settings.data;
    form.setValues({ shipToName: form.values.shipToName || s.companyName, shipToAddress: form.values.shipToAddress || s.defaultShipToAddress || s.companyAddress });
  }

  const submit = form.onSubmit((input) =>
    create.mutate(input, {
      onSuccess: (order) => {
        notify.success('purchasing:newOrder.created', { number: order.number });
        navigate(`/purchasing/orders/${order.id}`);
      },
      onError: (err) => form.applyApiError(err) || notify.error(err),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={960}>
        <BackLink to="/purchasing/orders">{t('order.backToList')}</BackLink>
        <PageHeader title={t('newOrder.title')} />
        <Alert variant="light" color="blue" icon={<IconInfoCircle />}>
          {t('newOrder.hint')}
        </Alert>
        <Paper withBorder p="md">
          <HeaderFields form={form} showFreight={canSeeCosts} autoFocusVendor />
        </Paper>
        <FormFooter onCancel={() => navigate('/purchasing/orders')} submitLabel={t('newOrder.submit')} loading={create.isPending} />
      </Stack>
    </form>
  );
}
