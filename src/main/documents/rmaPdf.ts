// The return authorization of an RMA, printed to go into the box with the unit: the RMA number large in the
// header, who sends it and where it goes (to us from the client, or from us to the vendor with the vendor's
// own RMA number), the device (SKU, product, serial) and the fault. In the reader's language. It carries
// no money at all, so the document type has no field that could hold any.
import { formatDay, formatsFor, type EnglishLocale } from '@shared/formats';
import { DocumentLayout, type Column, type Letterhead } from './documentLayout';

export interface RmaDocument {
  locale: 'es' | 'en';
  englishLocale: EnglishLocale;
  letterhead: Letterhead;
  /** Who reads it: the client sending the unit back to us, or the vendor receiving it from us. */
  audience: 'client' | 'vendor';
  number: string;
  type: 'return' | 'repair' | 'replace';
  /** The day it was printed: 'YYYY-MM-DD'. */
  date: string;
  client: { name: string; address: string };
  vendor: { name: string; address: string } | null;
  vendorRmaNumber: string | null;
  device: { sku: string; productName: string; serial: string; deliveryNumber: string | null };
  fault: string;
}

/** Exported for the glossary test: the Spanish labels use the terms of the screens. */
export const RMA_LABELS = {
  es: {
    title: 'Autorización de devolución (RMA)', number: 'RMA', date: 'Fecha', type: 'Tipo', taxId: 'NIF', phone: 'Tel.',
    types: { return: 'Devolución', repair: 'Reparación', replace: 'Sustitución' },
    from: 'Remite', to: 'Enviar a', client: 'Cliente', vendorRma: 'N.º RMA del proveedor', delivery: 'Entregado en',
    sku: 'SKU', product: 'Producto', serial: 'N.º de serie', fault: 'Avería',
    instructions: 'Instrucciones',
    clientSteps: ['Imprima este documento y métalo en la caja con el equipo.', 'Escriba el número de RMA en el exterior de la caja.', 'Incluya solo el equipo indicado: los accesorios no vuelven.'],
    vendorSteps: ['Equipo enviado según la autorización de RMA indicada.', 'Indiquen nuestro número de RMA en la reparación o el sustituto que nos devuelvan.'],
    page: (n: number, of: number) => `Página ${n} de ${of}`,
  },
  en: {
    title: 'Return authorization (RMA)', number: 'RMA', date: 'Date', type: 'Type', taxId: 'Tax ID', phone: 'Phone',
    types: { return: 'Return', repair: 'Repair', replace: 'Replace' },
    from: 'From', to: 'Ship to', client: 'Client', vendorRma: 'Vendor RMA no.', delivery: 'Delivered on',
    sku: 'SKU', product: 'Product', serial: 'Serial number', fault: 'Fault',
    instructions: 'Instructions',
    clientSteps: ['Print this page and put it in the box with the unit.', 'Write the RMA number on the outside of the box.', 'Send only the unit named here: accessories do not come back.'],
    vendorSteps: ['Unit sent under the RMA authorization named here.', 'Please quote our RMA number on the repaired unit or the replacement you send back.'],
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
};

type Key = 'sku' | 'product' | 'serial';

export async function renderRmaPdf(doc: RmaDocument): Promise<Uint8Array> {
  const labels = RMA_LABELS[doc.locale];
  const formats = formatsFor(doc.locale, doc.englishLocale);
  const layout = await DocumentLayout.create({
    locale: doc.locale,
    title: labels.title,
    reference: doc.number,
    day: doc.date,
    letterhead: doc.letterhead,
    metaTitle: `${labels.title} ${doc.number} — ${doc.audience === 'vendor' ? (doc.vendor?.name ?? '') : doc.client.name}`,
    pageLabel: labels.page,
    phoneLabel: labels.phone,
    taxIdLabel: labels.taxId,
  });
  layout.drawHeader([
    [labels.number, doc.number],
    [labels.date, formatDay(doc.date, formats)],
    [labels.type, labels.types[doc.type]],
  ]);
  const office = { name: doc.letterhead.name, address: doc.letterhead.address };
  // The client sends the unit to us; we send it to the vendor.
  const [from, to] = doc.audience === 'client' ? [doc.client, office] : [office, doc.vendor ?? { name: '', address: '' }];
  layout.drawBoxes([
    { label: labels.from, title: from.name, text: from.address },
    { label: labels.to, title: to.name, text: to.address },
  ]);
  layout.drawDetails([
    [labels.client, doc.client.name],
    [labels.vendorRma, doc.audience === 'vendor' ? doc.vendorRmaNumber : null],
    [labels.delivery, doc.device.deliveryNumber],
  ]);
  const columns: Column<Key>[] = [
    { key: 'sku', label: labels.sku, width: 100 },
    { key: 'product', label: labels.product, width: 0, maxLines: 3 },
    { key: 'serial', label: labels.serial, width: 140 },
  ];
  layout.drawTable({ columns, rows: [{ cells: { sku: doc.device.sku, product: doc.device.productName, serial: doc.device.serial } }] });
  layout.drawNote(labels.fault, [doc.fault]);
  layout.drawNote(labels.instructions, doc.audience === 'client' ? labels.clientSteps : labels.vendorSteps);
  return layout.save();
}
