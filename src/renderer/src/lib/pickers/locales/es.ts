// The shared pickers' words (locations, products, users, serial numbers), in Spanish.
import type { Translation } from '@renderer/lib/translation';
import type { en } from './en';

export const es: Translation<typeof en> = {
  location: 'Ubicación',
  product: 'Producto',
  productPlaceholder: 'Escriba un SKU o un nombre',
  user: 'Usuario',
  noVendor: 'Ningún proveedor coincide. Créelo en Empresas y proveedores con el rol Proveedor.',
  noClient: 'Ninguna empresa cliente coincide',
  serials: {
    label: 'Número de serie',
    placeholder: 'Escanee o escriba un número de serie y pulse Intro',
    pasteToggle: 'Pegar una lista',
    pasteLabel: 'Números de serie (uno por línea, o separados por comas, tabuladores o punto y coma)',
    pasteAdd: 'Añadir estos números de serie',
    counter: '{{count}} de {{qty}} números de serie',
    duplicateInList: '{{serial}} ya está en la lista',
    duplicatesSkipped: 'Ya estaban en la lista, se omitieron: {{serials}}',
    duplicateElsewhere: '{{serial}} ya está introducido en otra línea',
    elsewhereSkipped: 'Ya introducidos en otra línea, se omitieron: {{serials}}',
    remove: 'Quitar {{serial}}',
    clear: 'Quitar todos',
    chooseLabel: 'Números de serie',
    choosePlaceholder: 'Escanee o busque números de serie en existencia',
    chosen: '{{count}} elegidos',
    allocated: 'reservado o seleccionado',
    notOnHand: '{{serial}} no está disponible en esta ubicación',
  },
  stockLines: {
    line: 'Línea {{n}}',
    productAtSource: 'Producto en el origen',
    onHandAtSource: '{{onHand}} en existencia, {{available}} disponibles',
    addLine: 'Añadir línea',
    removeLine: 'Quitar la línea {{n}}',
    noLines: 'Añada al menos una línea con un producto y una cantidad',
    lineIncomplete: 'Elija un producto y una cantidad o números de serie',
    duplicateProduct: 'Este producto ya está en otra línea',
    quantity: 'Cantidad',
  },
};
