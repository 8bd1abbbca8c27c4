// A fictional map (the Linda family of docs/domain.md) with professionals, informal people and contacts.
import type { MapDocument } from '../../../shared/map/types.js';

const id = (n: number) => Buffer.from(new Uint8Array(16).fill(n)).toString('base64url');

export const LINDA_MAP: MapDocument = {
  base: {
    v: 1,
    title: 'Netwerk van Linda',
    centre: { parents: ['Linda'], children: ['Davie'] },
    entries: [
      {
        id: id(1),
        label: 'Huisarts — Fictieve Praktijk De Linde',
        category: 'pro-medical',
        ring: 2,
        support: ['medical'],
        supportNote: 'Controle na de bevalling',
        phases: ['zwangerschap', 'kraamtijd'],
        active: true,
        trusted: false,
      },
      {
        id: id(2),
        label: 'Verloskundige',
        category: 'pro-medical',
        ring: 2,
        support: ['medical', 'advice'],
        supportNote: '',
        phases: ['zwangerschap'],
        active: false,
        trusted: false,
      },
      {
        id: id(3),
        label: 'Fawzia — wijkteam',
        category: 'pro-social',
        ring: 1,
        support: ['talk', 'money-housing-papers'],
        supportNote: 'Helpt met post; komt elke week',
        phases: ['kraamtijd', 'baby-0-2'],
        active: true,
        trusted: true,
      },
      {
        id: id(4),
        label: 'M. — buurvrouw',
        category: 'friends',
        ring: 1,
        support: ['practical'],
        supportNote: 'Kookt soms',
        phases: [],
        active: true,
        trusted: false,
      },
    ],
  },
  detail: {
    v: 1,
    entries: {
      [id(1)]: {
        name: 'Dr. Ä. de Vries-Øberg',
        contact: 'Bel 015 123 4567 of mail praktijk@example.org',
      },
      [id(3)]: {
        name: 'Fawzia Fictief',
        contact:
          'Wijkteam Delft; bereikbaar ma, wo en vr tussen 9 en 12 uur, via 06 1234 5678 — of via de receptie van het buurthuis “De Linde”, Lindeweg 1, Delft \\ achteringang',
      },
      [id(4)]: { name: 'Mary' },
    },
  },
  private: { v: 1, wishes: 'Meer mensen om mee te praten.' },
};
