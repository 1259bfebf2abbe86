import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, productFields, type TestApp } from '@main/testing/harness';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

let skuSeq = 0;
function addProducts(categoryId: number | undefined, count: number, active = true) {
  return Array.from({ length: count }, () => {
    skuSeq += 1;
    return t.ok('catalog.createProduct', { sku: `SKU-${skuSeq}`, name: `Product ${skuSeq}`, categoryId, unitCost: 0, unitPrice: 0, msrp: 0, serialized: skuSeq % 2 === 0, active });
  });
}

function counts() {
  return Object.fromEntries(t.ok('catalog.listCategories', {}).map((c) => [c.name, [c.productCount, c.inactiveProductCount]]));
}

describe('category product counts', () => {
  it('counts each category’s own products: sizes 0, 1, 2, 7 and 23, with and without inactive ones', () => {
    const laptops = t.ok('catalog.saveCategory', { name: 'Laptops' });
    const firewalls = t.ok('catalog.saveCategory', { name: 'Firewalls' });
    const cables = t.ok('catalog.saveCategory', { name: 'Cables' });
    const licences = t.ok('catalog.saveCategory', { name: 'Licences' });
    t.ok('catalog.saveCategory', { name: 'Empty' });
    const retired = t.ok('catalog.saveCategory', { name: 'Retired' });
    addProducts(laptops.id, 23);
    addProducts(laptops.id, 2, false);
    addProducts(firewalls.id, 1);
    addProducts(cables.id, 7);
    addProducts(licences.id, 2);
    addProducts(licences.id, 1, false);
    addProducts(retired.id, 4, false);
    addProducts(undefined, 5);

    expect(counts()).toEqual({ Cables: [7, 0], Empty: [0, 0], Firewalls: [1, 0], Laptops: [23, 2], Licences: [2, 1], Retired: [0, 4] });
    expect(t.ok('catalog.listCategories', {}).map((c) => c.name)).toEqual(['Cables', 'Empty', 'Firewalls', 'Laptops', 'Licences', 'Retired']);
  });

  it('matches what the catalogue lists for the category, active and inactive', () => {
    const a = t.ok('catalog.saveCategory', { name: 'A' });
    const b = t.ok('catalog.saveCategory', { name: 'B' });
    const c = t.ok('catalog.saveCategory', { name: 'C' });
    addProducts(a.id, 3);
    addProducts(b.id, 11);
    addProducts(b.id, 3, false);
    addProducts(c.id, 2, false);
    for (const category of t.ok('catalog.listCategories', {})) {
      expect(t.ok('catalog.listProducts', { categoryId: category.id, active: true }).total, category.name).toBe(category.productCount);
      expect(t.ok('catalog.listProducts', { categoryId: category.id, active: false }).total, category.name).toBe(category.inactiveProductCount);
    }
  });

  it('follows a product moved to another category, deactivated, reactivated or left without one', () => {
    const servers = t.ok('catalog.saveCategory', { name: 'Servers' });
    const storage = t.ok('catalog.saveCategory', { name: 'Storage' });
    const [first, second] = addProducts(servers.id, 3);
    expect(counts()).toEqual({ Servers: [3, 0], Storage: [0, 0] });

    t.ok('catalog.updateProduct', { ...productFields(first!), categoryId: storage.id });
    expect(counts()).toEqual({ Servers: [2, 0], Storage: [1, 0] });

    t.ok('catalog.updateProduct', { ...productFields(second!), active: false });
    expect(counts()).toEqual({ Servers: [1, 1], Storage: [1, 0] });

    t.ok('catalog.updateProduct', { ...productFields(second!), active: true });
    expect(counts()).toEqual({ Servers: [2, 0], Storage: [1, 0] });

    t.ok('catalog.updateProduct', { ...productFields(first!), categoryId: null });
    expect(counts()).toEqual({ Servers: [2, 0], Storage: [0, 0] });
  });

  it('returns the counts with a renamed category, and zero for a new one', () => {
    const switches = t.ok('catalog.saveCategory', { name: 'Switches' });
    expect(switches).toMatchObject({ productCount: 0, inactiveProductCount: 0 });
    addProducts(switches.id, 4);
    addProducts(switches.id, 1, false);
    addProducts(t.ok('catalog.saveCategory', { name: 'Routers' }).id, 6);
    expect(t.ok('catalog.saveCategory', { id: switches.id, name: 'Network switches' })).toEqual({ id: switches.id, name: 'Network switches', productCount: 4, inactiveProductCount: 1 });
  });
});
