import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, productFields, seedWorld, type TestApp } from '@main/testing/harness';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

const vendorInput = { name: 'Ingram Micro', isVendor: true, isClient: false, email: 'orders@ingram.example', address1: 'Calle Mayor 1', city: 'Madrid', country: 'Spain' };

describe('catalogue', () => {
  it('keeps SKUs unique regardless of case', () => {
    const w = seedWorld(t);
    expect(t.fail('catalog.createProduct', { sku: 'cab-6-2m', name: 'Other', unitCost: 0, unitPrice: 0, msrp: 0, serialized: false }).code).toBe('CONFLICT');
    expect(t.fail('catalog.updateProduct', { ...productFields(w.laptop), sku: 'CAB-6-2M' }).code).toBe('CONFLICT');
  });

  it('stores every product field and finds products by SKU, name, part number and barcode', () => {
    const category = t.ok('catalog.saveCategory', { name: 'Firewalls' });
    const created = t.ok('catalog.createProduct', {
      sku: 'FG-60F',
      name: 'FortiGate 60F',
      description: 'Next-generation firewall',
      categoryId: category.id,
      manufacturer: 'Fortinet',
      manufacturerPartNumber: 'FG-60F-BDL-950-12',
      barcode: '0123456789012',
      unitCost: 4_500_000,
      unitPrice: 6_500_000,
      msrp: 7_000_000,
      serialized: true,
      eligibleForRma: true,
      doesNotRequireProcurement: false,
      billingPeriod: 'oneTime',
    });
    expect(created).toMatchObject({ categoryName: 'Firewalls', manufacturer: 'Fortinet', eligibleForRma: true, active: true, onHand: 0 });
    for (const q of ['fg-60', 'FortiGate', 'BDL-950', '0123456789012']) {
      expect(t.ok('catalog.listProducts', { q }).rows.map((p) => p.sku), q).toEqual(['FG-60F']);
    }
    expect(t.ok('catalog.listProducts', { q: '%' }).rows).toHaveLength(0);
    expect(t.ok('catalog.listCategories', {})).toEqual([{ id: category.id, name: 'Firewalls', productCount: 1, inactiveProductCount: 0 }]);
  });

  it('pages and sorts products in SQL', () => {
    for (let i = 0; i < 25; i++) t.ok('catalog.createProduct', { sku: `P-${String(i).padStart(2, '0')}`, name: `Product ${i}`, unitCost: i * 100, unitPrice: 0, msrp: 0, serialized: false });
    const page2 = t.ok('catalog.listProducts', { page: 2, pageSize: 10, sortBy: 'unitCost', sortDirection: 'desc' });
    expect(page2.total).toBe(25);
    expect(page2.rows.map((r) => r.sku)).toEqual(['P-14', 'P-13', 'P-12', 'P-11', 'P-10', 'P-09', 'P-08', 'P-07', 'P-06', 'P-05']);
  });

  it('refuses to flip the serialized flag while units are on hand', () => {
    const w = seedWorld(t);
    t.ok('stock.add', { productId: w.cable.id, locationId: w.main.id, qty: 1, costMethod: 'catalogue', reason: null });
    expect(t.fail('catalog.updateProduct', { ...productFields(w.cable), serialized: true }).code).toBe('SERIALIZED_HAS_STOCK');
  });

  it('manages companies, vendors and product vendors with one default per product', () => {
    const w = seedWorld(t);
    const ingram = t.ok('catalog.createCompany', vendorInput);
    const td = t.ok('catalog.createCompany', { ...vendorInput, name: 'TD SYNNEX' });
    const client = t.ok('catalog.createCompany', { name: 'Acme Dental', city: 'Sevilla' });
    expect(t.fail('catalog.createCompany', { name: 'ACME DENTAL' }).code).toBe('CONFLICT');
    expect(t.ok('catalog.listCompanies', { role: 'vendor' }).rows.map((c) => c.name)).toEqual(['Ingram Micro', 'TD SYNNEX']);
    expect(t.ok('catalog.listCompanies', { role: 'client' }).rows.map((c) => c.name)).toEqual(['Acme Dental']);
    expect(t.fail('catalog.saveProductVendor', { productId: w.laptop.id, vendorId: client.id, vendorCost: 1 }).code).toBe('VALIDATION');
    const first = t.ok('catalog.saveProductVendor', { productId: w.laptop.id, vendorId: ingram.id, vendorPartNumber: 'ING-T14', vendorCost: 8_800_000 });
    expect(first.isDefault).toBe(true);
    t.ok('catalog.saveProductVendor', { productId: w.laptop.id, vendorId: td.id, vendorPartNumber: 'TD-T14', vendorCost: 8_700_000, isDefault: true });
    expect(t.ok('catalog.listProductVendors', { productId: w.laptop.id }).map((v) => [v.vendorName, v.isDefault])).toEqual([
      ['TD SYNNEX', true],
      ['Ingram Micro', false],
    ]);
    expect(t.fail('catalog.saveProductVendor', { productId: w.laptop.id, vendorId: td.id, vendorCost: 1 }).code).toBe('CONFLICT');
    expect(t.ok('catalog.getProduct', { id: w.laptop.id }).defaultVendorName).toBe('TD SYNNEX');
    const tdRow = t.ok('catalog.listProductVendors', { productId: w.laptop.id })[0]!;
    t.ok('catalog.removeProductVendor', { id: tdRow.id });
    expect(t.ok('catalog.listProductVendors', { productId: w.laptop.id }).map((v) => [v.vendorName, v.isDefault])).toEqual([['Ingram Micro', true]]);
    expect(first.id).toBeGreaterThan(0);
  });
});
