// What a notification says, in Spanish and English: one source for the bell (the renderer's common
// namespace takes `events` from here), the desktop notifications the main process shows and the e-mails
// it writes in each recipient's language. `{{name}}` placeholders, as i18next writes them.
import type { NotificationEvent } from './contract/notifications';

export type NotificationLanguage = 'es' | 'en';

type EventWords = Record<NotificationEvent, { one: string; many: string }>;

interface Words {
  events: EventWords;
  someone: string;
  mail: {
    greeting: string;
    documents: string;
    andMore: string;
    moreEvents: string;
    note: string;
    by: string;
    open: string;
    why: string;
  };
}

export const notificationWords: Record<NotificationLanguage, Words> = {
  en: {
    events: {
      approvalNeeded: { one: '{{number}} waits for your approval', many: '{{count}} requests wait for your approval' },
      approved: { one: '{{by}} approved {{number}}', many: '{{by}} approved {{count}} requests' },
      rejected: { one: '{{by}} rejected {{number}}', many: '{{by}} rejected {{count}} requests' },
      itemsNeedOrdering: { one: '{{number}} needs ordering', many: '{{count}} charges need ordering' },
      poSubmitted: { one: '{{by}} sent {{number}} to the vendor', many: '{{by}} sent {{count}} purchase orders' },
      itemsReceived: { one: 'Units received for {{number}}', many: 'Units received for {{count}} charges' },
      readyToDeliver: { one: '{{number}} is ready to deliver', many: '{{count}} charges are ready to deliver' },
      delivered: { one: '{{number}} was delivered', many: '{{count}} charges were delivered' },
      salesOrderFulfilled: { one: 'Sales order {{number}} is fulfilled', many: '{{count}} sales orders are fulfilled' },
      belowMinimum: { one: '{{number}} fell below its minimum', many: '{{count}} products fell below their minimum' },
      poOverdue: { one: '{{number}} is overdue: its expected ship date has passed', many: '{{count}} purchase orders are overdue' },
      backOrderAgeing: { one: 'A back order of {{number}} is overdue', many: 'Back orders of {{count}} purchase orders are overdue' },
      vendorEmailFailed: { one: 'The e-mail of {{number}} to the vendor failed', many: 'E-mails of {{count}} purchase orders failed' },
      emailGivenUp: { one: 'A notification e-mail to {{number}} could not be sent', many: '{{count}} notification e-mails could not be sent' },
      rmaAuthorized: { one: '{{by}} authorized {{number}}', many: '{{by}} authorized {{count}} RMAs' },
      rmaReceived: { one: 'The client’s unit of {{number}} is back with us', many: 'Units of {{count}} RMAs are back from the clients' },
      rmaSentToVendor: { one: '{{number}} went to the vendor', many: '{{count}} RMAs went to their vendors' },
      rmaBack: { one: 'The vendor sent back the unit of {{number}}: it can go to the client', many: 'Vendors sent back the units of {{count}} RMAs' },
      rmaClosed: { one: '{{by}} closed {{number}}', many: '{{by}} closed {{count}} RMAs' },
    },
    someone: 'Someone',
    mail: {
      greeting: 'Hello {{name}},',
      documents: 'Concerned:',
      andMore: 'and {{count}} more',
      moreEvents: '(and {{count}} more)',
      note: 'Note: {{note}}',
      by: 'By {{name}}.',
      open: 'Open MSP Inventory to see it: the bell at the top lists your notifications.',
      why: 'You receive this e-mail because you are told of this event in MSP Inventory. To stop these e-mails, open the bell and switch off "E-mail me my notifications".',
    },
  },
  es: {
    events: {
      approvalNeeded: { one: '{{number}} espera su aprobación', many: '{{count}} solicitudes esperan su aprobación' },
      approved: { one: '{{by}} aprobó {{number}}', many: '{{by}} aprobó {{count}} solicitudes' },
      rejected: { one: '{{by}} rechazó {{number}}', many: '{{by}} rechazó {{count}} solicitudes' },
      itemsNeedOrdering: { one: 'Hay que pedir {{number}}', many: 'Hay que pedir {{count}} cargos' },
      poSubmitted: { one: '{{by}} envió {{number}} al proveedor', many: '{{by}} envió {{count}} órdenes de compra' },
      itemsReceived: { one: 'Unidades recibidas para {{number}}', many: 'Unidades recibidas para {{count}} cargos' },
      readyToDeliver: { one: '{{number}} está listo para entregar', many: '{{count}} cargos están listos para entregar' },
      delivered: { one: '{{number}} se entregó', many: 'Se entregaron {{count}} cargos' },
      salesOrderFulfilled: { one: 'El pedido de venta {{number}} está servido', many: '{{count}} pedidos de venta están servidos' },
      belowMinimum: { one: '{{number}} bajó de su mínimo', many: '{{count}} productos bajaron de su mínimo' },
      poOverdue: { one: '{{number}} está fuera de plazo: pasó su fecha prevista de envío', many: '{{count}} órdenes de compra están fuera de plazo' },
      backOrderAgeing: { one: 'Un pedido pendiente de {{number}} está fuera de plazo', many: 'Pedidos pendientes de {{count}} órdenes de compra están fuera de plazo' },
      vendorEmailFailed: { one: 'Falló el correo de {{number}} al proveedor', many: 'Fallaron los correos de {{count}} órdenes de compra' },
      emailGivenUp: { one: 'No se pudo enviar un correo de notificación a {{number}}', many: 'No se pudieron enviar {{count}} correos de notificación' },
      rmaAuthorized: { one: '{{by}} autorizó {{number}}', many: '{{by}} autorizó {{count}} RMA' },
      rmaReceived: { one: 'La unidad del cliente de {{number}} ya está con nosotros', many: 'Las unidades de {{count}} RMA volvieron de los clientes' },
      rmaSentToVendor: { one: '{{number}} salió hacia el proveedor', many: '{{count}} RMA salieron hacia sus proveedores' },
      rmaBack: { one: 'El proveedor devolvió la unidad de {{number}}: puede ir al cliente', many: 'Los proveedores devolvieron las unidades de {{count}} RMA' },
      rmaClosed: { one: '{{by}} cerró {{number}}', many: '{{by}} cerró {{count}} RMA' },
    },
    someone: 'Alguien',
    mail: {
      greeting: 'Hola, {{name}}:',
      documents: 'Afecta a:',
      andMore: 'y {{count}} más',
      moreEvents: '(y {{count}} más)',
      note: 'Nota: {{note}}',
      by: 'Por {{name}}.',
      open: 'Abra MSP Inventory para verlo: la campana de arriba lista sus notificaciones.',
      why: 'Recibe este correo porque MSP Inventory le avisa de este evento. Para dejar de recibirlos, abra la campana y desactive «Enviarme mis notificaciones por correo».',
    },
  },
};

/** Replaces `{{name}}` with its value; an unknown name is left as written. */
export function fillIn(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

export interface NotificationFacts {
  event: NotificationEvent;
  documents: ReadonlyArray<{ number: string }>;
  count: number;
  byName: string | null;
  note: string | null;
}

/** The one sentence of a notification (what happened, to which document, by whom). */
export function notificationSentence(language: NotificationLanguage, n: NotificationFacts): string {
  const words = notificationWords[language];
  const values = { number: n.documents[0]?.number ?? '', count: n.count, by: n.byName ?? words.someone };
  return fillIn(words.events[n.event][n.count > 1 ? 'many' : 'one'], values);
}

/**
 * The one e-mail of an action to `name`: every event of it that concerns them (a receipt: units received,
 * and the charges now ready), each with its documents and note; the first event is the subject.
 */
export function notificationMail(
  language: NotificationLanguage,
  name: string,
  parts: readonly NotificationFacts[],
  appName = 'MSP Inventory',
): { subject: string; body: string } {
  const words = notificationWords[language].mail;
  const lines = [fillIn(words.greeting, { name })];
  for (const n of parts) {
    lines.push('', `${notificationSentence(language, n)}.`);
    if (n.count > 1) {
      lines.push(words.documents, ...n.documents.map((d) => `  · ${d.number}`));
      if (n.count > n.documents.length) lines.push(`  ${fillIn(words.andMore, { count: n.count - n.documents.length })}`);
    }
    if (n.note) lines.push(fillIn(words.note, { note: n.note }));
  }
  const by = parts.find((n) => n.byName)?.byName;
  if (by) lines.push('', fillIn(words.by, { name: by }));
  lines.push('', words.open, '', '-- ', words.why);
  const first = notificationSentence(language, parts[0]!);
  const subject = parts.length > 1 ? `${appName}: ${first} ${fillIn(words.moreEvents, { count: parts.length - 1 })}` : `${appName}: ${first}`;
  return { subject, body: lines.join('\n') };
}
