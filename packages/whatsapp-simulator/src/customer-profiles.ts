import type { Language } from './support-phrases.js';
import type { VcardContact } from './webhook-types.js';

/** A simulated person on the other side of the chat, with a number in their own market. */
export interface CustomerSeed {
  name: string;
  language: Language;
  /** E.164 without `+`, in the format WhatsApp reports for that country. */
  phone: string;
  city: { name: string; latitude: number; longitude: number; address: string };
}

export const CUSTOMER_SEEDS: readonly CustomerSeed[] = [
  {
    name: 'Ana Souza',
    language: 'pt',
    phone: '5511987654321',
    city: {
      name: 'São Paulo',
      latitude: -23.5614,
      longitude: -46.6559,
      address: 'Av. Paulista, 1578 - Bela Vista, São Paulo - SP',
    },
  },
  {
    name: 'João Pedro Lima',
    language: 'pt',
    phone: '5521998761234',
    city: {
      name: 'Rio de Janeiro',
      latitude: -22.9711,
      longitude: -43.1822,
      address: 'Av. Atlântica, 1702 - Copacabana, Rio de Janeiro - RJ',
    },
  },
  {
    name: 'Mariana Costa',
    language: 'pt',
    phone: '351912345678',
    city: { name: 'Lisboa', latitude: 38.7139, longitude: -9.1394, address: 'Rua Augusta 24, 1100-053 Lisboa' },
  },
  {
    name: 'Lucía Fernández',
    language: 'es',
    phone: '5215512345678',
    city: { name: 'Ciudad de México', latitude: 19.4326, longitude: -99.1332, address: 'Av. Juárez 50, Centro, CDMX' },
  },
  {
    name: 'Carlos Ramírez',
    language: 'es',
    phone: '5491123456789',
    city: { name: 'Buenos Aires', latitude: -34.6037, longitude: -58.3816, address: 'Av. Corrientes 1234, CABA' },
  },
  {
    name: 'Sofía Martínez',
    language: 'es',
    phone: '34612345678',
    city: { name: 'Madrid', latitude: 40.4168, longitude: -3.7038, address: 'Calle de Alcalá 45, 28014 Madrid' },
  },
  {
    name: 'Andrés Gómez',
    language: 'es',
    phone: '573001234567',
    city: { name: 'Bogotá', latitude: 4.711, longitude: -74.0721, address: 'Carrera 7 # 32-16, Bogotá' },
  },
  {
    name: 'Valentina Rojas',
    language: 'es',
    phone: '56912345678',
    city: { name: 'Santiago', latitude: -33.4489, longitude: -70.6693, address: 'Av. Providencia 2124, Santiago' },
  },
  {
    name: 'Emily Carter',
    language: 'en',
    phone: '14155550123',
    city: {
      name: 'San Francisco',
      latitude: 37.7793,
      longitude: -122.4193,
      address: '1 Dr Carlton B Goodlett Pl, San Francisco, CA',
    },
  },
  {
    name: 'Michael Johnson',
    language: 'en',
    phone: '12125550187',
    city: { name: 'New York', latitude: 40.7128, longitude: -74.006, address: '350 5th Ave, New York, NY 10118' },
  },
  {
    name: 'Priya Patel',
    language: 'en',
    phone: '447700900123',
    city: { name: 'London', latitude: 51.5072, longitude: -0.1276, address: '221B Baker St, London NW1 6XE' },
  },
  {
    name: 'Daniel Okafor',
    language: 'en',
    phone: '13125550144',
    city: { name: 'Chicago', latitude: 41.8781, longitude: -87.6298, address: '233 S Wacker Dr, Chicago, IL 60606' },
  },
  {
    name: 'Beatriz Almeida',
    language: 'pt',
    phone: '5531991234567',
    city: {
      name: 'Belo Horizonte',
      latitude: -19.9167,
      longitude: -43.9345,
      address: 'Praça da Liberdade, Belo Horizonte - MG',
    },
  },
  {
    name: 'Diego Herrera',
    language: 'es',
    phone: '51987654321',
    city: { name: 'Lima', latitude: -12.0464, longitude: -77.0428, address: 'Av. Larco 345, Miraflores, Lima' },
  },
  {
    name: 'Olivia Brown',
    language: 'en',
    phone: '16475550199',
    city: { name: 'Toronto', latitude: 43.6532, longitude: -79.3832, address: '100 Queen St W, Toronto, ON' },
  },
  {
    name: 'Rafael Oliveira',
    language: 'pt',
    phone: '5541987651234',
    city: {
      name: 'Curitiba',
      latitude: -25.4284,
      longitude: -49.2733,
      address: 'Rua XV de Novembro, 700 - Centro, Curitiba - PR',
    },
  },
];

/** Cards customers forward when they share someone else's contact. */
export const SHARED_CONTACTS: readonly VcardContact[] = [
  {
    name: { formatted_name: 'Marta Ruiz', first_name: 'Marta', last_name: 'Ruiz' },
    phones: [{ phone: '+34 600 111 222', wa_id: '34600111222', type: 'CELL' }],
    emails: [{ email: 'marta.ruiz@example.es', type: 'WORK' }],
    org: { company: 'Ruiz Logística', department: 'Compras', title: 'Responsable de compras' },
    urls: [{ url: 'https://ruizlogistica.example.es', type: 'WORK' }],
    addresses: [
      { street: 'Calle Mayor 10', city: 'Madrid', zip: '28013', country: 'Spain', country_code: 'ES', type: 'WORK' },
    ],
  },
  {
    name: { formatted_name: 'Pedro Henrique', first_name: 'Pedro', last_name: 'Henrique' },
    phones: [{ phone: '+55 11 91234-5678', wa_id: '5511912345678', type: 'CELL' }],
    emails: [{ email: 'pedro.h@example.com.br', type: 'HOME' }],
    addresses: [
      {
        street: 'Rua Oscar Freire, 900',
        city: 'São Paulo',
        state: 'SP',
        zip: '01426-001',
        country: 'Brazil',
        country_code: 'BR',
        type: 'HOME',
      },
    ],
  },
  {
    name: { formatted_name: 'Jordan Lee', first_name: 'Jordan', last_name: 'Lee' },
    phones: [{ phone: '+1 (415) 555-0177', wa_id: '14155550177', type: 'WORK' }],
    org: { company: 'Lee & Co', title: 'Office manager' },
  },
];

/** A catalog order customers place from a product message. */
export const SAMPLE_ORDER = {
  catalogId: '1948235467341029',
  items: [
    { product_retailer_id: 'SKU-TSHIRT-BLU-M', quantity: 2, item_price: 19.9, currency: 'USD' },
    { product_retailer_id: 'SKU-CAP-BLK', quantity: 1, item_price: 14.5, currency: 'USD' },
  ],
};
