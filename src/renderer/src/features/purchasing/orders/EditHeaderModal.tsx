import { Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { purchasingContract, type PurchaseOrder } from '@shared/contract/purchasing';
import { ApiError } from '@renderer/lib/api';
import { notify } from '@renderer/lib/notify';
import { useZodForm } from '@renderer/lib/useZodForm';
import { useUpdateOrder } from '../api';
import { HeaderFields, headerToInput, type HeaderValues } from './HeaderFields';
import { FormFooter } from '@renderer/lib/FormFooter';

/** Changes the header of an order; the vendor only until anything has been received. */
export function EditHeaderModal({ order, onClose }: { order: PurchaseOrder; onClose: () => void }) {
  const { t } = useTranslation(['purchasing', 'common']);
  const update = useUpdateOrder();
  const initial: HeaderValues = {
    vendorId: order.vendorId,
    purchaseForCompanyId: order.purchaseForCompanyId,
    shipToName: order.shipToName ?? '',
    shipToAddress: order.shipToAddress ?? '',
    shippingType: order.shippingType ?? '',
    expectedShipDate: order.expectedShipDate,
    freight: order.freight,
    paymentTerms: order.paymentTerms ?? '',
    memo: order.memo ?? '',
  };
  // Without costs.view the freight is hidden (null here): left out of the update, the server keeps it.
  const form = useZodForm(purchasingContract['purchasing.updateOrder'].input, initial, {
    toInput: (v) => ({ id: order.id, ...headerToInput(v), freight: v.freight ?? undefined }),
  });
  const submit = form.onSubmit((input) =>
    update.mutate(input, {
      onSuccess: () => {
        notify.success('purchasing:header.saved', { number: order.number });
        onClose();
      },
      onError: (err) => {
        // A line's product is not bought from the newly chosen vendor: say which, on the vendor field.
        if (err instanceof ApiError && err.code === 'VENDOR_NOT_LINKED') form.setFieldError('vendorId', t('header.vendorNotLinked', { sku: String(err.details.sku ?? '') }));
        else if (!form.applyApiError(err)) notify.error(err);
      },
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('header.editTitle', { number: order.number })} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <HeaderFields
            form={form}
            showFreight={order.freight !== null}
            vendorLocked={order.anythingReceived}
            vendorName={order.vendorName}
            purchaseForName={order.purchaseForName}
          />
          <FormFooter onCancel={onClose} submitLabel={t('common:actions.saveChanges')} loading={update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
