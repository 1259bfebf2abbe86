// The demo's fixed tables: what a small Spanish/British MSP would really keep in its catalogue and
// address book. demo.ts turns them into channel calls. Prices are in euros here (readable); demo.ts
// converts them to the ten-thousandths the app stores.
//
// E-mail addresses use the reserved `.example` top-level domain: once e-mail of purchase orders exists,
// a demo database must never be able to write to a real distributor or client.

export const categoryNames = [
  'Laptops',
  'Desktops',
  'Firewalls',
  'Switches',
  'Access points',
  'Monitors',
  'Docking stations',
  'Peripherals',
  'Cables',
  'Toner & printing',
  'Licences',
  'Storage',
  'Power/UPS',
  'Phones',
] as const;
export type CategoryName = (typeof categoryNames)[number];

export type VendorKey = 'ingram' | 'tdsynnex' | 'esprinet' | 'also' | 'exclusive' | 'westcon' | 'arrow' | 'dell' | 'lenovo' | 'amazon';

export interface AddressData {
  name: string;
  contactName: string;
  email: string;
  phone: string;
  website?: string;
  taxId?: string;
  notes?: string;
  address1: string;
  address2?: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
}

export const vendors: Record<VendorKey, AddressData> = {
  ingram: {
    name: 'Ingram Micro',
    contactName: 'Marta Soler (account manager)',
    email: 'pedidos@ingrammicro.example',
    phone: '+34 932 61 04 00',
    website: 'https://es.ingrammicro.com',
    notes: 'Orders before 17:00 ship the same day.',
    address1: 'Avinguda de la Granvia 193',
    city: "L'Hospitalet de Llobregat",
    state: 'Barcelona',
    postalCode: '08908',
    country: 'Spain',
  },
  tdsynnex: {
    name: 'TD SYNNEX',
    contactName: 'Javier Ortega',
    email: 'ventas@tdsynnex.example',
    phone: '+34 916 58 72 00',
    website: 'https://es.tdsynnex.com',
    notes: 'Microsoft CSP licences and Dell/HP hardware.',
    address1: 'Calle Anabel Segura 11',
    address2: 'Edificio Albatros B',
    city: 'Alcobendas',
    state: 'Madrid',
    postalCode: '28108',
    country: 'Spain',
  },
  esprinet: {
    name: 'Esprinet',
    contactName: 'Lucía Pardo',
    email: 'pedidos@esprinet.example',
    phone: '+34 976 46 82 00',
    website: 'https://www.esprinet.com/es',
    address1: 'Calle Osca 4',
    address2: 'Plataforma Logística PLAZA',
    city: 'Zaragoza',
    state: 'Zaragoza',
    postalCode: '50197',
    country: 'Spain',
  },
  also: {
    name: 'Also',
    contactName: 'Daniel Weber',
    email: 'orders@also.example',
    phone: '+34 911 23 45 60',
    website: 'https://www.also.com',
    notes: 'Apple, Logitech and Jabra; cloud marketplace for ESET and Veeam.',
    address1: 'Calle Josefa Valcárcel 40',
    city: 'Madrid',
    state: 'Madrid',
    postalCode: '28027',
    country: 'Spain',
  },
  exclusive: {
    name: 'Exclusive Networks',
    contactName: 'Pablo Jiménez',
    email: 'fortinet.es@exclusive-networks.example',
    phone: '+34 917 81 88 10',
    website: 'https://www.exclusive-networks.com',
    notes: 'Fortinet and Sophos; registration of deals required above 5,000 €.',
    address1: 'Calle de Isabel Colbrand 10',
    city: 'Madrid',
    state: 'Madrid',
    postalCode: '28050',
    country: 'Spain',
  },
  westcon: {
    name: 'Westcon',
    contactName: 'Elena Vidal',
    email: 'orders.es@westcon.example',
    phone: '+34 913 75 48 00',
    website: 'https://www.westconcomstor.com',
    address1: 'Avenida de Europa 24',
    city: 'Alcobendas',
    state: 'Madrid',
    postalCode: '28108',
    country: 'Spain',
  },
  arrow: {
    name: 'Arrow ECS',
    contactName: 'Sergio Navarro',
    email: 'ecs.iberia@arrow.example',
    phone: '+34 913 04 30 40',
    website: 'https://www.arrow.com/ecs',
    address1: 'Avenida de Bruselas 6',
    city: 'Alcobendas',
    state: 'Madrid',
    postalCode: '28108',
    country: 'Spain',
  },
  dell: {
    name: 'Dell Technologies Direct',
    contactName: 'Inside sales – SMB',
    email: 'smb-orders@dell.example',
    phone: '+34 912 97 39 00',
    website: 'https://www.dell.com/es-es/work',
    notes: 'Premier account; 3-year ProSupport on every laptop.',
    address1: 'Calle Camino de la Zarzuela 15',
    city: 'Las Rozas',
    state: 'Madrid',
    postalCode: '28232',
    country: 'Spain',
  },
  lenovo: {
    name: 'Lenovo Partner Store',
    contactName: 'Partner desk',
    email: 'partnerstore@lenovo.example',
    phone: '+34 911 59 66 00',
    website: 'https://www.lenovo.com/es/es/partner',
    address1: 'Calle Rufino González 23 bis',
    city: 'Madrid',
    state: 'Madrid',
    postalCode: '28037',
    country: 'Spain',
  },
  amazon: {
    name: 'Amazon Business',
    contactName: 'Online orders',
    email: 'business-orders@amazon.example',
    phone: '+34 900 81 09 03',
    website: 'https://www.amazon.es/business',
    notes: 'Cables and consumables; company card on file.',
    address1: '38 avenue John F. Kennedy',
    city: 'Luxembourg',
    state: 'Luxembourg',
    postalCode: 'L-1855',
    country: 'Luxembourg',
  },
};

/** Client companies: twelve Spanish and eight British SMBs. UK phones use Ofcom's drama ranges. */
export const clients: AddressData[] = [
  { name: 'Talleres Ibarra S.L.', contactName: 'Iñaki Ibarra', email: 'it@talleresibarra.example', phone: '+34 944 23 18 70', taxId: 'B48123456', address1: 'Calle Uribitarte 18', city: 'Bilbao', state: 'Bizkaia', postalCode: '48001', country: 'Spain' },
  { name: 'Clínica Dental Sonrisa', contactName: 'Dra. Carmen Vega', email: 'recepcion@clinicasonrisa.example', phone: '+34 913 56 21 44', taxId: 'B87234561', address1: 'Calle de Alcalá 214', address2: '2º B', city: 'Madrid', state: 'Madrid', postalCode: '28028', country: 'Spain' },
  { name: 'Gestoría Molina y Asociados', contactName: 'Rafael Molina', email: 'rafael@gestoriamolina.example', phone: '+34 963 30 12 85', taxId: 'B46345672', address1: 'Avenida del Puerto 120', address2: '3ª planta', city: 'Valencia', state: 'Valencia', postalCode: '46023', country: 'Spain' },
  { name: 'Bodegas Viña Alta S.A.', contactName: 'Ana Sáenz', email: 'administracion@vinaalta.example', phone: '+34 941 25 67 30', taxId: 'A26456783', address1: 'Carretera de Fuenmayor km 2', city: 'Logroño', state: 'La Rioja', postalCode: '26006', country: 'Spain' },
  { name: 'Construcciones Ferrán e Hijos S.L.', contactName: 'Jordi Ferrán', email: 'oficina@ferranhijos.example', phone: '+34 933 09 45 12', taxId: 'B08567894', address1: 'Carrer de Pujades 77', city: 'Barcelona', state: 'Barcelona', postalCode: '08005', country: 'Spain' },
  { name: 'Hotel Mirador del Puerto', contactName: 'Laura Campos', email: 'direccion@miradordelpuerto.example', phone: '+34 952 60 33 18', taxId: 'B29678905', address1: 'Paseo Marítimo Pablo Ruiz Picasso 9', city: 'Málaga', state: 'Málaga', postalCode: '29016', country: 'Spain' },
  { name: 'Farmacia Castellana 52', contactName: 'Beatriz Luengo', email: 'farmacia@castellana52.example', phone: '+34 914 11 72 09', taxId: 'E87789016', address1: 'Paseo de la Castellana 52', city: 'Madrid', state: 'Madrid', postalCode: '28046', country: 'Spain' },
  { name: 'Estudio Lumen Arquitectura', contactName: 'Álvaro Reina', email: 'estudio@lumenarq.example', phone: '+34 954 90 28 61', taxId: 'B91890127', address1: 'Calle Feria 35', city: 'Sevilla', state: 'Sevilla', postalCode: '41003', country: 'Spain' },
  { name: 'Transportes Navarro Logística S.L.', contactName: 'Miguel Navarro', email: 'trafico@navarrologistica.example', phone: '+34 976 57 14 90', taxId: 'B50901238', address1: 'Calle Osca 12', address2: 'Nave 7', city: 'Zaragoza', state: 'Zaragoza', postalCode: '50197', country: 'Spain' },
  { name: 'Colegio San Rafael', contactName: 'Hna. Pilar Ortiz', email: 'secretaria@colegiosanrafael.example', phone: '+34 958 27 40 66', taxId: 'R1800123J', address1: 'Camino de Ronda 101', city: 'Granada', state: 'Granada', postalCode: '18003', country: 'Spain' },
  { name: 'Ruiz & Ortega Abogados', contactName: 'Cristina Ortega', email: 'despacho@ruizortega.example', phone: '+34 915 77 03 38', taxId: 'B87012349', address1: 'Calle de Serrano 41', address2: '4º', city: 'Madrid', state: 'Madrid', postalCode: '28001', country: 'Spain' },
  { name: 'Panadería La Espiga Dorada', contactName: 'Tomás Hernández', email: 'pedidos@laespigadorada.example', phone: '+34 923 21 58 04', taxId: 'B37123450', address1: 'Calle Toro 22', city: 'Salamanca', state: 'Salamanca', postalCode: '37002', country: 'Spain' },
  { name: 'Northwind Logistics Ltd', contactName: 'Sarah Collins', email: 'it@northwindlogistics.example', phone: '+44 161 496 0318', taxId: 'GB284610372', address1: 'Unit 4, Trafford Park Road', city: 'Manchester', state: 'Greater Manchester', postalCode: 'M17 1HG', country: 'United Kingdom' },
  { name: 'Greenfield Accountancy LLP', contactName: 'David Greenfield', email: 'office@greenfieldaccountancy.example', phone: '+44 117 496 0542', taxId: 'GB193847260', address1: '12 Queen Square', city: 'Bristol', state: 'Bristol', postalCode: 'BS1 4NT', country: 'United Kingdom' },
  { name: 'Harbourside Dental Practice', contactName: 'Dr Priya Shah', email: 'practice@harboursidedental.example', phone: '+44 1632 960 217', taxId: 'GB305918264', address1: '3 Marine Parade', city: 'Brighton', state: 'East Sussex', postalCode: 'BN2 1TL', country: 'United Kingdom' },
  { name: 'Oakridge Property Management', contactName: 'James Whitaker', email: 'admin@oakridgepm.example', phone: '+44 113 496 0785', taxId: 'GB472019385', address1: '45 Park Row', city: 'Leeds', state: 'West Yorkshire', postalCode: 'LS1 5JL', country: 'United Kingdom' },
  { name: 'Bluewater Marine Supplies', contactName: 'Emma Hughes', email: 'sales@bluewatermarine.example', phone: '+44 23 8049 6123', taxId: 'GB561820493', address1: 'Ocean Village Marina, Channel Way', city: 'Southampton', state: 'Hampshire', postalCode: 'SO14 3TG', country: 'United Kingdom' },
  { name: 'Kestrel Engineering Ltd', contactName: 'Mark Robinson', email: 'it-support@kestreleng.example', phone: '+44 121 496 0931', taxId: 'GB639201845', address1: '88 Great Hampton Street', city: 'Birmingham', state: 'West Midlands', postalCode: 'B18 6EW', country: 'United Kingdom' },
  { name: 'Maple & Finch Solicitors', contactName: 'Fiona MacLeod', email: 'reception@maplefinch.example', phone: '+44 131 496 0274', taxId: 'GB710394852', address1: '21 George Street', city: 'Edinburgh', state: 'Scotland', postalCode: 'EH2 2PB', country: 'United Kingdom' },
  { name: 'Brightside Language Academy', contactName: 'Oliver Grant', email: 'info@brightsideacademy.example', phone: '+34 952 22 81 37', taxId: 'B93234871', address1: 'Calle Larios 5', address2: '2º', city: 'Málaga', state: 'Málaga', postalCode: '29005', country: 'Spain' },
];

/**
 * How a manufacturer prints its serial numbers. `prefix` carries the model code where the real serials
 * start with one (FortiGate "FGT60FTK…", Sophos "X21…").
 */
export type SerialStyle =
  | 'lenovo'
  | 'dell'
  | 'hp'
  | 'apple'
  | 'fortinet'
  | 'sophos'
  | 'mac'
  | 'cisco'
  | 'aruba'
  | 'watchguard'
  | 'lenovoMonitor'
  | 'hpMonitor'
  | 'samsungMonitor'
  | 'lg'
  | 'synology'
  | 'qnap'
  | 'apc'
  | 'eaton'
  | 'yealink'
  | 'imei'
  | 'netgear';

export interface ProductGroup {
  category: CategoryName;
  manufacturer: string;
  /** Default vendor first, then an alternative. */
  vendors: [VendorKey, VendorKey?];
  serial?: SerialStyle;
  billingPeriod?: 'oneTime' | 'monthly' | 'quarterly' | 'yearly';
  /** Subscriptions are billed, not kept on a shelf: no inventory product. */
  stocked?: boolean;
  /** [name, sku, manufacturer part number, usual cost in €, serial prefix?] */
  items: [string, string, string, number, string?][];
}

export const productGroups: ProductGroup[] = [
  // Laptops ------------------------------------------------------------------------------------
  {
    category: 'Laptops', manufacturer: 'Lenovo', vendors: ['lenovo', 'ingram'], serial: 'lenovo',
    items: [
      ['Lenovo ThinkPad T14 Gen 5 i5/16GB/512GB', 'LEN-T14G5-I5-16-512', '21ML003NSP', 1089],
      ['Lenovo ThinkPad T14 Gen 5 i7/32GB/1TB', 'LEN-T14G5-I7-32-1T', '21ML0046SP', 1449],
      ['Lenovo ThinkPad T16 Gen 3 i7/32GB/1TB', 'LEN-T16G3-I7-32-1T', '21MN0031SP', 1529],
      ['Lenovo ThinkPad X1 Carbon Gen 12 Ultra 7/32GB/1TB', 'LEN-X1CG12-U7-32-1T', '21KC006PSP', 2049],
      ['Lenovo ThinkPad E14 Gen 6 i5/16GB/512GB', 'LEN-E14G6-I5-16-512', '21M7002MSP', 749],
      ['Lenovo ThinkPad E16 Gen 2 i5/16GB/512GB', 'LEN-E16G2-I5-16-512', '21MA0026SP', 779],
      ['Lenovo ThinkPad L14 Gen 5 i5/16GB/512GB', 'LEN-L14G5-I5-16-512', '21L10036SP', 869],
      ['Lenovo ThinkBook 14 G7 Ultra 5/16GB/512GB', 'LEN-TB14G7-U5-16-512', '21MR004LSP', 699],
    ],
  },
  {
    category: 'Laptops', manufacturer: 'Dell', vendors: ['dell', 'tdsynnex'], serial: 'dell',
    items: [
      ['Dell Latitude 5450 i5/16GB/512GB', 'DEL-LAT5450-I5-16-512', 'N003L545014EMEA', 1019],
      ['Dell Latitude 5450 i7/32GB/1TB', 'DEL-LAT5450-I7-32-1T', 'N014L545014EMEA', 1389],
      ['Dell Latitude 5550 i5/16GB/512GB', 'DEL-LAT5550-I5-16-512', 'N006L555015EMEA', 1059],
      ['Dell Latitude 7450 Ultra 7/32GB/1TB', 'DEL-LAT7450-U7-32-1T', 'N021L745014EMEA', 1699],
      ['Dell Latitude 3550 i5/8GB/256GB', 'DEL-LAT3550-I5-8-256', 'N001L355015EMEA', 639],
      ['Dell Precision 3590 Ultra 7/32GB/1TB RTX 500', 'DEL-PRE3590-U7-32-1T', 'N040P359015EMEA', 2189],
    ],
  },
  {
    category: 'Laptops', manufacturer: 'HP', vendors: ['ingram', 'esprinet'], serial: 'hp',
    items: [
      ['HP EliteBook 840 G11 Ultra 5/16GB/512GB', 'HP-EB840G11-U5-16-512', 'A26S4EA', 1149, '5CG'],
      ['HP EliteBook 840 G11 Ultra 7/32GB/1TB', 'HP-EB840G11-U7-32-1T', 'A26S8EA', 1579, '5CG'],
      ['HP EliteBook 860 G11 Ultra 7/32GB/1TB', 'HP-EB860G11-U7-32-1T', 'A26T2EA', 1639, '5CG'],
      ['HP ProBook 450 G10 i5/16GB/512GB', 'HP-PB450G10-I5-16-512', '85C47EA', 729, '5CD'],
      ['HP ProBook 440 G11 Ultra 5/16GB/512GB', 'HP-PB440G11-U5-16-512', 'A37Z8ET', 799, '5CD'],
      ['HP ZBook Firefly 14 G11 Ultra 7/32GB/1TB', 'HP-ZBF14G11-U7-32-1T', '98N40ET', 1899, '5CG'],
    ],
  },
  {
    category: 'Laptops', manufacturer: 'Apple', vendors: ['also', 'ingram'], serial: 'apple',
    items: [
      ['Apple MacBook Air 13" M3 16GB/512GB', 'APL-MBA13-M3-16-512', 'MC8K4Y/A', 1319],
      ['Apple MacBook Air 15" M3 16GB/512GB', 'APL-MBA15-M3-16-512', 'MC9H4Y/A', 1549],
      ['Apple MacBook Pro 14" M4 Pro 24GB/512GB', 'APL-MBP14-M4P-24-512', 'MX2H3Y/A', 2129],
    ],
  },
  // Desktops -----------------------------------------------------------------------------------
  {
    category: 'Desktops', manufacturer: 'Lenovo', vendors: ['lenovo', 'ingram'], serial: 'lenovo',
    items: [
      ['Lenovo ThinkCentre M70q Gen 5 i5/16GB/512GB', 'LEN-M70QG5-I5-16-512', '12TD0037SP', 689, 'MJ'],
      ['Lenovo ThinkCentre M90q Gen 5 i7/32GB/1TB', 'LEN-M90QG5-I7-32-1T', '12TH0029SP', 1119, 'MJ'],
      ['Lenovo ThinkCentre neo 50s Gen 4 i5/16GB/512GB', 'LEN-NEO50SG4-I5-16-512', '12JH0046SP', 599, 'MJ'],
      ['Lenovo ThinkStation P3 Tiny i7/32GB/1TB T1000', 'LEN-P3TINY-I7-32-1T', '30H0006GSP', 1489, 'S1'],
    ],
  },
  {
    category: 'Desktops', manufacturer: 'Dell', vendors: ['dell', 'tdsynnex'], serial: 'dell',
    items: [
      ['Dell OptiPlex 7020 Micro i5/16GB/512GB', 'DEL-OPT7020M-I5-16-512', 'N001O7020MFFEMEA', 719],
      ['Dell OptiPlex 7020 SFF i7/16GB/512GB', 'DEL-OPT7020S-I7-16-512', 'N010O7020SFFEMEA', 869],
      ['Dell OptiPlex 7420 All-in-One i5/16GB/512GB', 'DEL-OPT7420AIO-I5-16-512', 'N003O7420AIOEMEA', 1099],
      ['Dell Precision 3680 Tower i7/32GB/1TB', 'DEL-PRE3680-I7-32-1T', 'N005T3680EMEA', 1649],
    ],
  },
  {
    category: 'Desktops', manufacturer: 'HP', vendors: ['ingram', 'esprinet'], serial: 'hp',
    items: [
      ['HP Elite Mini 800 G9 i5/16GB/512GB', 'HP-EM800G9-I5-16-512', '6B2D4EA', 779, 'CZC'],
      ['HP Pro SFF 400 G9 i5/8GB/256GB', 'HP-PRO400G9-I5-8-256', '6A7U2EA', 579, 'CZC'],
      ['HP Elite Tower 800 G9 i7/32GB/1TB', 'HP-ET800G9-I7-32-1T', '5V8T3EA', 1199, 'CZC'],
      ['HP EliteOne 840 G9 All-in-One i5/16GB/512GB', 'HP-EO840G9-I5-16-512', '5V8L7EA', 1149, '8CC'],
    ],
  },
  {
    category: 'Desktops', manufacturer: 'Apple', vendors: ['also', 'ingram'], serial: 'apple',
    items: [
      ['Apple Mac mini M4 16GB/512GB', 'APL-MACMINI-M4-16-512', 'MU9E3Y/A', 839],
      ['Apple iMac 24" M4 16GB/512GB', 'APL-IMAC24-M4-16-512', 'MWUV3Y/A', 1629],
    ],
  },
  // Firewalls ----------------------------------------------------------------------------------
  {
    category: 'Firewalls', manufacturer: 'Fortinet', vendors: ['exclusive', 'westcon'], serial: 'fortinet',
    items: [
      ['Fortinet FortiGate 40F', 'FTN-FG-40F', 'FG-40F', 389, 'FGT40FTK'],
      ['Fortinet FortiGate 60F', 'FTN-FG-60F', 'FG-60F', 579, 'FGT60FTK'],
      ['Fortinet FortiGate 60F + UTP bundle (1 year)', 'FTN-FG-60F-BDL-12', 'FG-60F-BDL-950-12', 899, 'FGT60FTK'],
      ['Fortinet FortiGate 70G', 'FTN-FG-70G', 'FG-70G', 829, 'FGT70GTK'],
      ['Fortinet FortiGate 80F', 'FTN-FG-80F', 'FG-80F', 1059, 'FGT80FTK'],
      ['Fortinet FortiGate 100F', 'FTN-FG-100F', 'FG-100F', 2390, 'FG100FTK'],
    ],
  },
  {
    category: 'Firewalls', manufacturer: 'Sophos', vendors: ['arrow', 'exclusive'], serial: 'sophos',
    items: [
      ['Sophos XGS 88', 'SPH-XGS88', 'XA8CTCHEU', 449, 'X08'],
      ['Sophos XGS 108', 'SPH-XGS108', 'XA1CTCHEU', 689, 'X10'],
      ['Sophos XGS 118', 'SPH-XGS118', 'XB1CTCHEU', 979, 'X11'],
      ['Sophos XGS 2100', 'SPH-XGS2100', 'XG2ATCHEU', 1899, 'X21'],
    ],
  },
  {
    category: 'Firewalls', manufacturer: 'Ubiquiti', vendors: ['esprinet', 'also'], serial: 'mac',
    items: [
      ['Ubiquiti UniFi Dream Machine Pro', 'UBQ-UDM-PRO', 'UDM-Pro', 389, '245A4C'],
      ['Ubiquiti UniFi Cloud Gateway Ultra', 'UBQ-UCG-ULTRA', 'UCG-Ultra', 109, 'F4E2C6'],
    ],
  },
  {
    category: 'Firewalls', manufacturer: 'WatchGuard', vendors: ['arrow', 'westcon'], serial: 'watchguard',
    items: [['WatchGuard Firebox T45', 'WG-T45', 'WGT45003', 569]],
  },
  // Switches -----------------------------------------------------------------------------------
  {
    category: 'Switches', manufacturer: 'Cisco', vendors: ['westcon', 'ingram'], serial: 'cisco',
    items: [
      ['Cisco CBS350-24P-4G 24-port PoE switch', 'CSC-CBS350-24P', 'CBS350-24P-4G-EU', 649],
      ['Cisco CBS350-48P-4G 48-port PoE switch', 'CSC-CBS350-48P', 'CBS350-48P-4G-EU', 1189],
      ['Cisco CBS250-8T-D 8-port switch', 'CSC-CBS250-8T', 'CBS250-8T-D-EU', 119],
      ['Cisco Catalyst 1300-24P-4X', 'CSC-C1300-24P', 'C1300-24P-4X', 899],
      ['Cisco Catalyst 9200L-24P-4G', 'CSC-C9200L-24P', 'C9200L-24P-4G-E', 2290],
    ],
  },
  {
    category: 'Switches', manufacturer: 'Ubiquiti', vendors: ['esprinet', 'also'], serial: 'mac',
    items: [
      ['Ubiquiti UniFi Switch Pro 24 PoE', 'UBQ-USW-PRO-24-POE', 'USW-Pro-24-PoE', 629, '74ACB9'],
      ['Ubiquiti UniFi Switch 24 PoE', 'UBQ-USW-24-POE', 'USW-24-PoE', 339, '74ACB9'],
      ['Ubiquiti UniFi Switch Lite 8 PoE', 'UBQ-USW-LITE-8-POE', 'USW-Lite-8-PoE', 99, 'E43883'],
      ['Ubiquiti UniFi Flex Mini', 'UBQ-USW-FLEX-MINI', 'USW-Flex-Mini', 27, 'E43883'],
    ],
  },
  {
    category: 'Switches', manufacturer: 'HPE Aruba', vendors: ['ingram', 'tdsynnex'], serial: 'aruba',
    items: [
      ['HPE Aruba Instant On 1930 24G PoE', 'ARU-ION1930-24P', 'JL683A', 389],
      ['HPE Aruba Instant On 1830 8G', 'ARU-ION1830-8G', 'JL810A', 69],
    ],
  },
  {
    category: 'Switches', manufacturer: 'Fortinet', vendors: ['exclusive', 'westcon'], serial: 'fortinet',
    items: [
      ['Fortinet FortiSwitch 108F-FPOE', 'FTN-FS-108F-FPOE', 'FS-108F-FPOE', 359, 'S108FFTF'],
      ['Fortinet FortiSwitch 124F-POE', 'FTN-FS-124F-POE', 'FS-124F-POE', 899, 'S124FPTF'],
    ],
  },
  {
    category: 'Switches', manufacturer: 'Netgear', vendors: ['esprinet', 'amazon'], serial: 'netgear',
    items: [['Netgear GS308 8-port unmanaged switch', 'NTG-GS308', 'GS308-300PES', 19.9]],
  },
  // Access points ------------------------------------------------------------------------------
  {
    category: 'Access points', manufacturer: 'Ubiquiti', vendors: ['esprinet', 'also'], serial: 'mac',
    items: [
      ['Ubiquiti UniFi U6 Pro', 'UBQ-U6-PRO', 'U6-Pro', 139, '6C63F8'],
      ['Ubiquiti UniFi U6 Lite', 'UBQ-U6-LITE', 'U6-Lite', 85, '6C63F8'],
      ['Ubiquiti UniFi U6+', 'UBQ-U6-PLUS', 'U6+', 115, '6C63F8'],
      ['Ubiquiti UniFi U6 Enterprise', 'UBQ-U6-ENT', 'U6-Enterprise', 239, 'E43883'],
      ['Ubiquiti UniFi U7 Pro', 'UBQ-U7-PRO', 'U7-Pro', 169, '9C05D6'],
      ['Ubiquiti UniFi U6 Mesh', 'UBQ-U6-MESH', 'U6-Mesh', 159, '6C63F8'],
    ],
  },
  {
    category: 'Access points', manufacturer: 'Fortinet', vendors: ['exclusive', 'westcon'], serial: 'fortinet',
    items: [['Fortinet FortiAP 231F', 'FTN-FAP-231F', 'FAP-231F-E', 329, 'FP231FTF']],
  },
  {
    category: 'Access points', manufacturer: 'HPE Aruba', vendors: ['ingram', 'tdsynnex'], serial: 'aruba',
    items: [
      ['HPE Aruba Instant On AP22', 'ARU-ION-AP22', 'R4W02A', 119],
      ['HPE Aruba Instant On AP25', 'ARU-ION-AP25', 'R9B28A', 199],
    ],
  },
  {
    category: 'Access points', manufacturer: 'Cisco', vendors: ['westcon', 'ingram'], serial: 'cisco',
    items: [['Cisco Business 240AC Access Point', 'CSC-CBW240AC', 'CBW240AC-E', 219]],
  },
  // Monitors -----------------------------------------------------------------------------------
  {
    category: 'Monitors', manufacturer: 'Dell', vendors: ['dell', 'tdsynnex'], serial: 'dell',
    items: [
      ['Dell P2425H 24" FHD monitor', 'DEL-P2425H', 'DELL-P2425H', 159],
      ['Dell P2723DE monitor 27" QHD USB-C hub', 'DEL-P2723DE', 'DELL-P2723DE', 319],
      ['Dell P2725H 27" FHD monitor', 'DEL-P2725H', 'DELL-P2725H', 189],
      ['Dell UltraSharp U2724D 27" QHD', 'DEL-U2724D', 'DELL-U2724D', 379],
      ['Dell UltraSharp U2723QE 27" 4K USB-C hub', 'DEL-U2723QE', 'DELL-U2723QE', 529],
      ['Dell P3424WE 34" curved USB-C hub', 'DEL-P3424WE', 'DELL-P3424WE', 589],
    ],
  },
  {
    category: 'Monitors', manufacturer: 'Lenovo', vendors: ['lenovo', 'ingram'], serial: 'lenovoMonitor',
    items: [
      ['Lenovo ThinkVision T24i-30 24" FHD', 'LEN-T24I-30', '63CFMAT3EU', 149],
      ['Lenovo ThinkVision T27h-30 27" QHD', 'LEN-T27H-30', '63A3GAT1EU', 279],
      ['Lenovo ThinkVision P27h-30 27" QHD USB-C', 'LEN-P27H-30', '63A1GAT1EU', 349],
    ],
  },
  {
    category: 'Monitors', manufacturer: 'HP', vendors: ['ingram', 'esprinet'], serial: 'hpMonitor',
    items: [
      ['HP E24 G5 24" FHD monitor', 'HP-E24G5', '6N6E9AA', 169],
      ['HP E27 G5 27" FHD monitor', 'HP-E27G5', '6N4E2AA', 219],
      ['HP Z27k G3 27" 4K USB-C monitor', 'HP-Z27KG3', '1B9T0AA', 549],
    ],
  },
  {
    category: 'Monitors', manufacturer: 'Samsung', vendors: ['esprinet', 'amazon'], serial: 'samsungMonitor',
    items: [['Samsung S24C450 24" FHD monitor', 'SAM-S24C450', 'LS24C450BLUXEN', 119]],
  },
  {
    category: 'Monitors', manufacturer: 'LG', vendors: ['esprinet', 'amazon'], serial: 'lg',
    items: [['LG 27UP850N 27" 4K USB-C monitor', 'LG-27UP850N', '27UP850N-W', 379]],
  },
  // Docking stations ---------------------------------------------------------------------------
  {
    category: 'Docking stations', manufacturer: 'Lenovo', vendors: ['lenovo', 'ingram'],
    items: [
      ['Lenovo ThinkPad Universal USB-C Dock', 'LEN-USBC-DOCK', '40AY0090EU', 179],
      ['Lenovo ThinkPad Thunderbolt 4 Dock', 'LEN-TB4-DOCK', '40B00135EU', 259],
    ],
  },
  {
    category: 'Docking stations', manufacturer: 'Dell', vendors: ['dell', 'tdsynnex'],
    items: [
      ['Dell Dock WD19S 130W', 'DEL-WD19S-130W', '210-AZBX', 189],
      ['Dell Thunderbolt Dock WD22TB4', 'DEL-WD22TB4', '210-BDTD', 279],
      ['Dell Universal Dock UD22', 'DEL-UD22', '210-BEYX', 199],
    ],
  },
  {
    category: 'Docking stations', manufacturer: 'HP', vendors: ['ingram', 'esprinet'],
    items: [
      ['HP USB-C Dock G5', 'HP-USBC-DOCK-G5', '5TW10AA', 169],
      ['HP Thunderbolt Dock 120W G4', 'HP-TB-DOCK-G4', '4J0A2AA', 249],
    ],
  },
  {
    category: 'Docking stations', manufacturer: 'CalDigit', vendors: ['amazon', 'also'],
    items: [['CalDigit TS4 Thunderbolt 4 Dock', 'CDG-TS4', 'TS4-EU', 339]],
  },
  // Peripherals --------------------------------------------------------------------------------
  {
    category: 'Peripherals', manufacturer: 'Logitech', vendors: ['also', 'amazon'],
    items: [
      ['Logitech MX Keys S keyboard (ES)', 'LOG-MXKEYS-S-ES', '920-011571', 89],
      ['Logitech MX Keys S keyboard (UK)', 'LOG-MXKEYS-S-UK', '920-011567', 89],
      ['Logitech MX Master 3S mouse', 'LOG-MXM3S', '910-006559', 79],
      ['Logitech MK270 wireless combo (ES)', 'LOG-MK270-ES', '920-004513', 22.5],
      ['Logitech MK540 Advanced combo (ES)', 'LOG-MK540-ES', '920-008675', 39],
      ['Logitech M185 wireless mouse', 'LOG-M185', '910-002238', 9.9],
      ['Logitech C920 HD Pro webcam', 'LOG-C920', '960-001055', 52],
      ['Logitech Brio 500 webcam', 'LOG-BRIO500', '960-001422', 99],
      ['Logitech H390 USB headset', 'LOG-H390', '981-000406', 24],
      ['Logitech Zone Vibe 100 headset', 'LOG-ZONEVIBE100', '981-001213', 79],
    ],
  },
  {
    category: 'Peripherals', manufacturer: 'Jabra', vendors: ['also', 'ingram'],
    items: [
      ['Jabra Evolve2 30 SE USB-A MS stereo', 'JAB-EV2-30SE', '23189-999-979', 69],
      ['Jabra Evolve2 40 SE USB-C MS stereo', 'JAB-EV2-40SE', '24189-999-899', 99],
      ['Jabra Evolve2 65 Flex USB-C MS', 'JAB-EV2-65FLEX', '26699-999-899', 229],
      ['Jabra Evolve2 75 USB-A MS', 'JAB-EV2-75', '27599-999-999', 259],
      ['Jabra Speak2 75 MS speakerphone', 'JAB-SPEAK2-75', '2775-329', 259],
    ],
  },
  {
    category: 'Peripherals', manufacturer: 'HP', vendors: ['ingram', 'esprinet'],
    items: [
      ['Poly Voyager Focus 2 UC USB-A headset', 'POL-VFOCUS2', '77Y86AA', 189],
      ['HP 125 wired mouse', 'HP-125-MOUSE', '265A9AA', 6.5],
    ],
  },
  {
    category: 'Peripherals', manufacturer: 'Yubico', vendors: ['amazon', 'also'],
    items: [
      ['Yubico YubiKey 5 NFC', 'YUB-YK5-NFC', 'Y-237', 49],
      ['Yubico YubiKey 5C NFC', 'YUB-YK5C-NFC', 'Y-299', 55],
    ],
  },
  {
    category: 'Peripherals', manufacturer: 'Dell', vendors: ['dell', 'tdsynnex'],
    items: [
      ['Dell Pro wireless keyboard and mouse KM5221W (ES)', 'DEL-KM5221W-ES', '580-AJRS', 34],
      ['Dell USB-C to HDMI/DP adapter with power pass-through DA20', 'DEL-DA20', '470-AEUP', 39],
    ],
  },
  {
    category: 'Peripherals', manufacturer: 'Various', vendors: ['amazon', 'esprinet'],
    items: [
      ['Kensington MicroSaver 2.0 keyed laptop lock', 'KEN-MS20', 'K65020EU', 29],
      ['Targus Classic 15.6" topload laptop bag', 'TRG-CN515EU', 'CN515EU', 19],
      ['Lenovo ThinkPad Essential 16" backpack', 'LEN-ESS-BP16', '4X41C12468', 29],
      ['Anker 7-in-1 USB-C hub', 'ANK-A8346', 'A8346', 35],
    ],
  },
  // Cables -------------------------------------------------------------------------------------
  {
    category: 'Cables', manufacturer: 'Digitus', vendors: ['amazon', 'esprinet'],
    items: [
      ['Cat6 patch cable 0.5m grey', 'CAB-C6-050-GR', 'DK-1617-005', 0.95],
      ['Cat6 patch cable 1m grey', 'CAB-C6-100-GR', 'DK-1617-010', 1.15],
      ['Cat6 patch cable 2m grey', 'CAB-C6-200-GR', 'DK-1617-020', 1.55],
      ['Cat6 patch cable 3m grey', 'CAB-C6-300-GR', 'DK-1617-030', 1.95],
      ['Cat6 patch cable 5m grey', 'CAB-C6-500-GR', 'DK-1617-050', 2.8],
      ['Cat6 patch cable 10m grey', 'CAB-C6-1000-GR', 'DK-1617-100', 4.9],
      ['Cat6 patch cable 1m blue', 'CAB-C6-100-BL', 'DK-1617-010/B', 1.15],
      ['Cat6 patch cable 2m blue', 'CAB-C6-200-BL', 'DK-1617-020/B', 1.55],
      ['Cat6A S/FTP patch cable 1m', 'CAB-C6A-100', 'DK-1644-A-010', 2.4],
      ['Cat6A S/FTP patch cable 3m', 'CAB-C6A-300', 'DK-1644-A-030', 3.6],
      ['Cat6 U/UTP installation cable, 305m box', 'CAB-C6-305-BOX', 'DK-1615-305', 119],
      ['Fibre patch cable LC-LC OM4 duplex 2m', 'CAB-LCLC-OM4-200', 'DK-2533-02-4', 6.9],
    ],
  },
  {
    category: 'Cables', manufacturer: 'Goobay', vendors: ['amazon', 'also'],
    items: [
      ['HDMI 2.0 cable 2m', 'CAB-HDMI-200', '60620', 4.2],
      ['HDMI 2.0 cable 5m', 'CAB-HDMI-500', '60623', 7.9],
      ['DisplayPort 1.4 cable 2m', 'CAB-DP-200', '58532', 6.5],
      ['USB-C to USB-C cable 1m 100W', 'CAB-USBC-100', '49251', 7.5],
      ['USB-C to USB-C cable 2m 100W', 'CAB-USBC-200', '49252', 9.9],
      ['USB-C to DisplayPort cable 2m', 'CAB-USBC-DP-200', '79295', 14.5],
      ['Power cable Schuko to C13 1.8m', 'CAB-PWR-C13-180', '93286', 2.9],
      ['Power cable UK plug to C13 1.8m', 'CAB-PWR-UKC13-180', '93296', 3.2],
      ['Power cable C13 to C14 1m', 'CAB-PWR-C13C14-100', '93278', 2.5],
      ['Velcro cable ties, 5m roll', 'CAB-VELCRO-5M', '77052', 4.5],
    ],
  },
  {
    category: 'Cables', manufacturer: 'Ubiquiti', vendors: ['esprinet', 'also'],
    items: [
      ['SFP+ DAC cable 1m', 'CAB-SFPP-DAC-100', 'UACC-DAC-SFP10-1M', 18],
      ['SFP+ DAC cable 3m', 'CAB-SFPP-DAC-300', 'UACC-DAC-SFP10-3M', 24],
    ],
  },
  // Toner & printing ---------------------------------------------------------------------------
  {
    category: 'Toner & printing', manufacturer: 'HP', vendors: ['esprinet', 'ingram'],
    items: [
      ['HP 59A black toner', 'HP-59A', 'CF259A', 89],
      ['HP 59X high-yield black toner', 'HP-59X', 'CF259X', 159],
      ['HP 26A black toner', 'HP-26A', 'CF226A', 79],
      ['HP 30A black toner', 'HP-30A', 'CF230A', 59],
      ['HP 207A black toner', 'HP-207A-K', 'W2210A', 52],
      ['HP 207A cyan toner', 'HP-207A-C', 'W2211A', 62],
      ['HP 207A magenta toner', 'HP-207A-M', 'W2213A', 62],
      ['HP 207A yellow toner', 'HP-207A-Y', 'W2212A', 62],
    ],
  },
  {
    category: 'Toner & printing', manufacturer: 'Brother', vendors: ['esprinet', 'ingram'],
    items: [
      ['Brother TN-2420 black toner', 'BRO-TN2420', 'TN2420', 52],
      ['Brother TN-3480 black toner', 'BRO-TN3480', 'TN3480', 89],
      ['Brother DR-2400 drum unit', 'BRO-DR2400', 'DR2400', 69],
    ],
  },
  {
    category: 'Toner & printing', manufacturer: 'Kyocera', vendors: ['esprinet', 'tdsynnex'],
    items: [
      ['Kyocera TK-1170 black toner', 'KYO-TK1170', '1T02S50NL0', 59],
      ['Kyocera TK-5240K black toner', 'KYO-TK5240K', '1T02R70NL0', 85],
    ],
  },
  {
    category: 'Toner & printing', manufacturer: 'Navigator', vendors: ['amazon', 'esprinet'],
    items: [['Navigator A4 80 g paper, box of 5 reams', 'NAV-A4-80-BOX', 'NAV0322', 24]],
  },
  // Licences -----------------------------------------------------------------------------------
  {
    category: 'Licences', manufacturer: 'Microsoft', vendors: ['tdsynnex', 'also'], billingPeriod: 'monthly', stocked: false,
    items: [
      ['Microsoft 365 Business Basic (monthly)', 'MS-M365-BB-M', 'CFQ7TTC0LH18-P1M', 5.6],
      ['Microsoft 365 Business Standard (monthly)', 'MS-M365-BS-M', 'CFQ7TTC0LDPB-P1M', 11.7],
      ['Microsoft 365 Business Premium (monthly)', 'MS-M365-BP-M', 'CFQ7TTC0LCHC-P1M', 20.6],
    ],
  },
  {
    category: 'Licences', manufacturer: 'Microsoft', vendors: ['tdsynnex', 'also'], billingPeriod: 'yearly', stocked: false,
    items: [
      ['Microsoft 365 Business Premium (annual)', 'MS-M365-BP-Y', 'CFQ7TTC0LCHC-P1Y', 226.8],
      ['Microsoft 365 Business Standard (annual)', 'MS-M365-BS-Y', 'CFQ7TTC0LDPB-P1Y', 128.4],
      ['Microsoft 365 E3 (annual)', 'MS-M365-E3-Y', 'CFQ7TTC0LFLX-P1Y', 374],
      ['Exchange Online Plan 1 (annual)', 'MS-EXO-P1-Y', 'CFQ7TTC0LH16-P1Y', 45],
      ['Microsoft Defender for Business (annual)', 'MS-MDB-Y', 'CFQ7TTC0HCHB-P1Y', 32],
    ],
  },
  {
    category: 'Licences', manufacturer: 'Microsoft', vendors: ['tdsynnex', 'also'],
    items: [
      ['Windows 11 Pro upgrade (ESD key)', 'MS-W11PRO-UPG', 'FQC-10070', 99],
      ['Microsoft Office Home & Business 2024 (ESD key)', 'MS-OHB2024', 'EP2-06606', 239],
    ],
  },
  {
    category: 'Licences', manufacturer: 'Various', vendors: ['also', 'arrow'], billingPeriod: 'yearly', stocked: false,
    items: [
      ['ESET PROTECT Advanced, 1 seat (annual)', 'ESET-PA-1Y', 'EPA-N1-1Y', 38],
      ['Sophos Intercept X Advanced, per user (annual)', 'SPH-IXA-1Y', 'CIXA1CSAA', 41],
      ['Veeam Data Platform Foundation, per workload (annual)', 'VEE-VDPF-1Y', 'V-FOUVUL-0I-SU1YP-00', 76],
    ],
  },
  {
    category: 'Licences', manufacturer: 'Fortinet', vendors: ['exclusive', 'westcon'], billingPeriod: 'yearly', stocked: false,
    items: [['FortiGuard UTP renewal for FortiGate 60F (1 year)', 'FTN-FC-10-0060F-950-12', 'FC-10-0060F-950-02-12', 319]],
  },
  // Storage ------------------------------------------------------------------------------------
  {
    category: 'Storage', manufacturer: 'Various', vendors: ['esprinet', 'amazon'],
    items: [
      ['Samsung 990 PRO 1TB NVMe SSD', 'SAM-990PRO-1T', 'MZ-V9P1T0BW', 99],
      ['Samsung 990 PRO 2TB NVMe SSD', 'SAM-990PRO-2T', 'MZ-V9P2T0BW', 169],
      ['Samsung 870 EVO 1TB SATA SSD', 'SAM-870EVO-1T', 'MZ-77E1T0B/EU', 79],
      ['Crucial P3 Plus 1TB NVMe SSD', 'CRU-P3P-1T', 'CT1000P3PSSD8', 59],
      ['WD Red Plus 4TB NAS hard drive', 'WD-RED-4T', 'WD40EFPX', 99],
      ['WD Red Plus 8TB NAS hard drive', 'WD-RED-8T', 'WD80EFPX', 199],
      ['Seagate IronWolf 8TB NAS hard drive', 'SEA-IW-8T', 'ST8000VN002', 189],
      ['Kingston 16GB DDR5-5600 SO-DIMM', 'KIN-16G-D5-SO', 'KCP556SS8-16', 45],
      ['Kingston 32GB DDR5-5600 SO-DIMM', 'KIN-32G-D5-SO', 'KCP556SS8-32', 85],
      ['Kingston DataTraveler Exodia 64GB USB stick', 'KIN-DTX-64', 'DTX/64GB', 6],
      ['Samsung T7 1TB portable SSD', 'SAM-T7-1T', 'MU-PC1T0T/WW', 95],
    ],
  },
  {
    category: 'Storage', manufacturer: 'Synology', vendors: ['esprinet', 'also'], serial: 'synology',
    items: [
      ['Synology DiskStation DS224+', 'SYN-DS224P', 'DS224+', 319, '2260PDN'],
      ['Synology DiskStation DS923+', 'SYN-DS923P', 'DS923+', 569, '2310TPN'],
      ['Synology RackStation RS822+', 'SYN-RS822P', 'RS822+', 1249, '2280SQR'],
    ],
  },
  {
    category: 'Storage', manufacturer: 'QNAP', vendors: ['esprinet', 'also'], serial: 'qnap',
    items: [['QNAP TS-464-8G', 'QNP-TS464-8G', 'TS-464-8G', 549]],
  },
  // Power / UPS --------------------------------------------------------------------------------
  {
    category: 'Power/UPS', manufacturer: 'APC', vendors: ['ingram', 'esprinet'], serial: 'apc',
    items: [
      ['APC Back-UPS 700VA', 'APC-BX700UI', 'BX700UI', 89, '4B'],
      ['APC Back-UPS Pro 1500VA', 'APC-BR1500GI', 'BR1500G-GR', 249, '3B'],
      ['APC Smart-UPS 1000VA LCD', 'APC-SMT1000IC', 'SMT1000IC', 529, 'AS'],
      ['APC Smart-UPS 1500VA rack 2U', 'APC-SMT1500RMI2UC', 'SMT1500RMI2UC', 899, 'AS'],
    ],
  },
  {
    category: 'Power/UPS', manufacturer: 'Eaton', vendors: ['ingram', 'tdsynnex'], serial: 'eaton',
    items: [
      ['Eaton 5E 850i USB', 'EAT-5E850I', '5E850IUSBDIN', 99],
      ['Eaton 5P 1550i rack 1U', 'EAT-5P1550IR', '5P1550IR', 729],
    ],
  },
  {
    category: 'Power/UPS', manufacturer: 'Various', vendors: ['ingram', 'amazon'],
    items: [
      ['APC replacement battery cartridge RBC7', 'APC-RBC7', 'APCRBC7', 179],
      ['APC basic rack PDU 1U, 8× C13', 'APC-AP6015A', 'AP6015A', 149],
      ['Brennenstuhl 6-way power strip 3m', 'BRE-6WAY-3M', '1159300016', 12],
      ['Eaton Protection Box 6 surge protector', 'EAT-PB6F', 'PB6F', 19],
    ],
  },
  // Phones -------------------------------------------------------------------------------------
  {
    category: 'Phones', manufacturer: 'Yealink', vendors: ['also', 'esprinet'], serial: 'yealink',
    items: [
      ['Yealink SIP-T54W IP phone', 'YEA-T54W', 'SIP-T54W', 169],
      ['Yealink SIP-T46U IP phone', 'YEA-T46U', 'SIP-T46U', 119],
      ['Yealink W73P DECT phone system', 'YEA-W73P', 'W73P', 129],
      ['Yealink CP965 conference phone', 'YEA-CP965', 'CP965', 479],
    ],
  },
  {
    category: 'Phones', manufacturer: 'Poly', vendors: ['ingram', 'also'], serial: 'mac',
    items: [['Poly Edge E220 IP phone', 'POL-EDGE-E220', '2200-86990-025', 159, '64167F']],
  },
  {
    category: 'Phones', manufacturer: 'Snom', vendors: ['also', 'esprinet'], serial: 'mac',
    items: [['Snom D785 IP phone', 'SNM-D785', '00004340', 189, '000413']],
  },
  {
    category: 'Phones', manufacturer: 'Apple', vendors: ['also', 'ingram'], serial: 'apple',
    items: [['Apple iPhone 16 128GB black', 'APL-IPH16-128-BK', 'MYE73QL/A', 829]],
  },
  {
    category: 'Phones', manufacturer: 'Samsung', vendors: ['esprinet', 'amazon'], serial: 'imei',
    items: [
      ['Samsung Galaxy A55 5G 128GB', 'SAM-A556-128', 'SM-A556BZKAEUB', 329, '35875012'],
      ['Samsung Galaxy S24 128GB', 'SAM-S921-128', 'SM-S921BZKDEUB', 699, '35421968'],
    ],
  },
];

/** Markup from cost to our selling price, and from price to the manufacturer's list price (MSRP). */
export const pricing: Record<CategoryName, { markup: number; msrp: number }> = {
  Laptops: { markup: 1.18, msrp: 1.15 },
  Desktops: { markup: 1.18, msrp: 1.15 },
  Firewalls: { markup: 1.22, msrp: 1.12 },
  Switches: { markup: 1.22, msrp: 1.12 },
  'Access points': { markup: 1.25, msrp: 1.12 },
  Monitors: { markup: 1.2, msrp: 1.15 },
  'Docking stations': { markup: 1.25, msrp: 1.15 },
  Peripherals: { markup: 1.35, msrp: 1.15 },
  Cables: { markup: 2.2, msrp: 1.2 },
  'Toner & printing': { markup: 1.3, msrp: 1.15 },
  Licences: { markup: 1.15, msrp: 1.05 },
  Storage: { markup: 1.28, msrp: 1.15 },
  'Power/UPS': { markup: 1.25, msrp: 1.15 },
  Phones: { markup: 1.2, msrp: 1.12 },
};

export const descriptions: Record<CategoryName, string> = {
  Laptops: 'Business laptop, Windows 11 Pro / macOS, 3-year on-site warranty.',
  Desktops: 'Business desktop, Windows 11 Pro / macOS, 3-year on-site warranty.',
  Firewalls: 'Next-generation firewall appliance for small offices.',
  Switches: 'Managed network switch.',
  'Access points': 'Wi-Fi access point, PoE powered, ceiling mount included.',
  Monitors: 'Office monitor, height-adjustable stand.',
  'Docking stations': 'Docking station with power delivery, dual display support.',
  Peripherals: 'Desk peripheral.',
  Cables: 'Cabling and connectivity.',
  'Toner & printing': 'Original consumable.',
  Licences: 'Software licence.',
  Storage: 'Storage and memory.',
  'Power/UPS': 'Power protection.',
  Phones: 'Telephony.',
};

/**
 * Stocking plan per category: minimum and maximum at the main warehouse, its aisle (bins are
 * aisle-rack-level, e.g. A-03-2), and whether the category is also kept on the office shelf.
 */
export const stocking: Record<CategoryName, { min: number; max: number; aisle: string; shelf?: boolean }> = {
  Laptops: { min: 1, max: 4, aisle: 'A' },
  Desktops: { min: 1, max: 3, aisle: 'B' },
  Firewalls: { min: 1, max: 3, aisle: 'C' },
  Switches: { min: 1, max: 3, aisle: 'C' },
  'Access points': { min: 2, max: 6, aisle: 'C' },
  Monitors: { min: 1, max: 4, aisle: 'D' },
  'Docking stations': { min: 2, max: 8, aisle: 'E', shelf: true },
  Peripherals: { min: 3, max: 12, aisle: 'E', shelf: true },
  Cables: { min: 10, max: 60, aisle: 'F', shelf: true },
  'Toner & printing': { min: 2, max: 8, aisle: 'G', shelf: true },
  Licences: { min: 2, max: 10, aisle: 'L' },
  Storage: { min: 2, max: 6, aisle: 'H' },
  'Power/UPS': { min: 1, max: 3, aisle: 'J' },
  Phones: { min: 1, max: 4, aisle: 'K' },
};

export const scrapReasons = [
  'Damaged in transit – box crushed',
  'Dead on arrival, vendor refused RMA (out of window)',
  'Toner cartridge leaked in storage',
  'Water damage after roof leak in the warehouse',
  'Connector broken, not repairable',
];

export const ticketTasks = [
  'new starter set-up',
  'replacement for a failed unit',
  'office move',
  'meeting room upgrade',
  'network refresh',
  'printer service visit',
  'home-office kit',
  'emergency swap',
];

// Formats -------------------------------------------------------------------------------------
// How each manufacturer and distributor writes its numbers, so the demo's serials and part numbers look
// like the labels a technician actually scans. `draw(set, n)` returns n characters from `set`.

export type Draw = (set: string, n: number) => string;
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const HEX = '0123456789ABCDEF';
const DIGITS = '0123456789';

/** Luhn check digit, as on IMEI numbers. */
function luhn(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

function yearWeek(draw: Draw): string {
  const week = 1 + (Number(draw(DIGITS, 2)) % 52);
  return `2${1 + (Number(draw(DIGITS, 1)) % 4)}${String(week).padStart(2, '0')}`;
}

export function serialFor(style: SerialStyle, prefix: string | undefined, draw: Draw): string {
  switch (style) {
    case 'lenovo':
      return (prefix ?? 'PF') + draw(ALNUM, 6);
    case 'dell':
      return draw(ALNUM, 7);
    case 'hp':
      return (prefix ?? '5CG') + draw('3456', 1) + draw(DIGITS, 3) + draw(ALNUM, 3);
    case 'apple':
      return draw(LETTERS, 1) + draw(ALNUM, 9);
    case 'fortinet':
      return (prefix ?? 'FGT60FTK') + yearWeek(draw) + draw(DIGITS, 4);
    case 'sophos':
      return (prefix ?? 'X10') + draw(DIGITS, 2) + draw(ALNUM, 8);
    case 'mac':
      return (prefix ?? '245A4C') + draw(HEX, 6);
    case 'cisco':
      return 'FOC2' + draw('6789', 1) + String(1 + (Number(draw(DIGITS, 2)) % 52)).padStart(2, '0') + draw(ALNUM, 4);
    case 'aruba':
      return 'CN' + draw(DIGITS, 2) + draw(LETTERS, 2) + draw(DIGITS, 4);
    case 'watchguard':
      return '80' + draw(HEX, 11);
    case 'lenovoMonitor':
      return 'V' + draw(ALNUM, 7);
    case 'hpMonitor':
      return 'CNK' + draw(DIGITS, 4) + draw(ALNUM, 3);
    case 'samsungMonitor':
      return draw(ALNUM, 4) + 'HCNW' + draw(DIGITS, 6);
    case 'lg':
      return draw(DIGITS, 3) + 'NT' + draw(ALNUM, 7);
    case 'synology':
      return (prefix ?? '2260PDN') + draw(DIGITS, 6);
    case 'qnap':
      return 'Q' + draw(DIGITS, 3) + 'B' + draw(DIGITS, 5);
    case 'apc':
      return (prefix ?? 'AS') + yearWeek(draw) + draw(DIGITS, 6);
    case 'eaton':
      return 'G' + draw(ALNUM, 3) + 'L' + draw(DIGITS, 5);
    case 'yealink':
      return '80' + draw(DIGITS, 14);
    case 'imei': {
      const body = (prefix ?? '35000000') + draw(DIGITS, 6);
      return body + luhn(body);
    }
    case 'netgear':
      return draw(DIGITS, 1) + draw(ALNUM, 12);
  }
}

/** Each distributor's own catalogue number for a product. */
export function vendorPartNumber(vendor: VendorKey, mpn: string, draw: Draw): string {
  switch (vendor) {
    case 'ingram':
      return draw(DIGITS, 1) + draw(LETTERS, 1) + draw(DIGITS, 4);
    case 'tdsynnex':
      return draw('123456789', 1) + draw(DIGITS, 6);
    case 'also':
      return draw('123456789', 1) + draw(DIGITS, 7);
    case 'arrow':
      return 'AR' + draw(DIGITS, 7);
    case 'westcon':
      return `WC-${mpn}`;
    case 'dell':
      return `210-${draw(LETTERS, 4)}`;
    case 'amazon':
      return 'B0' + draw(ALNUM, 8);
    case 'esprinet':
    case 'exclusive':
    case 'lenovo':
      return mpn;
  }
}

/** EAN-13 with a valid check digit, so scanning a label in a stocktake finds the product. */
export function ean13(draw: Draw): string {
  const body = '84' + draw(DIGITS, 10);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return body + String((10 - (sum % 10)) % 10);
}
