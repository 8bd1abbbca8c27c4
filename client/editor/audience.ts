/**
 * Who is looking at a map, and the one place that words the map for her. An owner (the parent, or
 * a co-parent who manages the map) reads it as her own: "Wie helpt jou?". Any other member reads it
 * as someone else's: "Wie helpt Linda?", by the name the parent chose for the centre of her map.
 * Components take an Audience and ask this file for their sentences, instead of checking roles.
 */
import { msg, str } from '@lit/localize';
import type { Rights } from '../../shared/api/maps.js';
import { plural } from '../ui/plural.js';

export type Audience =
  | { readonly kind: 'owner' }
  | {
      readonly kind: 'member';
      /** The names in the centre of the map ('' when the parent wrote none). */
      readonly parent: string;
    };

export const OWNER: Audience = { kind: 'owner' };

/** Owners hold the map's admin right; everyone else takes part in someone else's map. */
export function audienceOf(
  rights: Rights,
  centre: { readonly parents: readonly string[] },
): Audience {
  if (rights === 'admin') return OWNER;
  return {
    kind: 'member',
    parent: centre.parents
      .map((name) => name.trim())
      .filter(Boolean)
      .join(' & '),
  };
}

/** The parent as a member names her: her centre name, or "dit gezin" when she wrote none. */
function family(audience: Audience): string {
  return audience.kind === 'member' && audience.parent !== ''
    ? audience.parent
    : msg('dit gezin', { id: 'audience.family' });
}

/** The line under the heading for a member; nothing for an owner. */
export function memberLead(audience: Audience): { network: string; lead: string } | null {
  if (audience.kind === 'owner') return null;
  const who = family(audience);
  return {
    network: msg(str`Het netwerk van ${who}`, { id: 'audience.network' }),
    lead: msg(str`Jij doet mee op de kaart van ${who}. Wat je hier ziet, is met jou gedeeld.`, {
      id: 'audience.memberLead',
    }),
  };
}

export function peopleHeading(audience: Audience): string {
  if (audience.kind === 'owner') return msg('Wie helpt jou?', { id: 'editor.peopleHeading' });
  return msg(str`Wie helpt ${family(audience)}?`, { id: 'audience.peopleHeading' });
}

/** The words for an empty map: how to start (owner), or that nobody is on it yet (member). */
export function emptyMap(audience: Audience): readonly string[] {
  if (audience.kind === 'owner') {
    return [
      msg(
        'Zet hier de mensen om je heen op een rij: familie, vrienden, buren, en ook hulpverleners. Samen laten ze zien wat al goed gaat.',
        { id: 'editor.introEmpty' },
      ),
      msg('Begin met de mensen die het dichtst bij je staan.', { id: 'editor.emptyStart' }),
    ];
  }
  return [
    msg(str`Er staat nog niemand op de kaart van ${family(audience)}.`, { id: 'audience.empty' }),
  ];
}

export function noneInPhase(audience: Audience): string {
  return audience.kind === 'owner'
    ? msg('In deze fase staat nog niemand op je kaart.', { id: 'editor.noneInPhase' })
    : msg('In deze fase staat nog niemand op deze kaart.', { id: 'audience.noneInPhase' });
}

export function pickHint(audience: Audience): string {
  return audience.kind === 'owner'
    ? msg('Kies iemand op de kaart om te zien wat die voor je doet.', { id: 'editor.pick' })
    : msg(str`Kies iemand op de kaart om te zien wat die voor ${family(audience)} doet.`, {
        id: 'audience.pick',
      });
}

/** The centre of the picture when the parent wrote no names. */
export function centreFallback(audience: Audience): string {
  return audience.kind === 'owner'
    ? msg('Jij', { id: 'picture.you' })
    : msg('Het gezin', { id: 'audience.centre' });
}

/** "Wat gaat goed": how many people help. */
export function helpers(audience: Audience, count: number): string {
  if (audience.kind === 'owner') {
    return count === 1
      ? msg('Je hebt 1 persoon die je helpt.', { id: 'strengths.helpersOne' })
      : msg(str`Je hebt ${count} mensen die je helpen.`, { id: 'strengths.helpersMany' });
  }
  const who = family(audience);
  return count === 1
    ? msg(str`1 persoon helpt ${who}.`, { id: 'audience.helpersOne' })
    : msg(str`${count} mensen helpen ${who}.`, { id: 'audience.helpersMany' });
}

/** How many of the helpers are family, friends or neighbours. */
export function ownCircle(audience: Audience, count: number): string {
  if (audience.kind === 'owner') {
    return plural(count, {
      one: msg('1 van hen hoort bij je eigen kring: familie, vrienden of buren.', {
        id: 'strengths.ownOne',
      }),
      other: msg(str`${count} van hen horen bij je eigen kring: familie, vrienden of buren.`, {
        id: 'strengths.own',
      }),
    });
  }
  return plural(count, {
    one: msg(
      str`1 van hen hoort bij de eigen kring van ${family(audience)}: familie, vrienden of buren.`,
      { id: 'audience.ownOne' },
    ),
    other: msg(
      str`${count} van hen horen bij de eigen kring van ${family(audience)}: familie, vrienden of buren.`,
      { id: 'audience.own' },
    ),
  });
}

export function trustedLead(audience: Audience): string {
  return audience.kind === 'owner'
    ? msg('Je vertrouwde persoon:', { id: 'strengths.trusted' })
    : msg(str`Vertrouwde persoon van ${family(audience)}:`, { id: 'audience.trusted' });
}

export function helpWith(audience: Audience): string {
  return audience.kind === 'owner'
    ? msg('Zo word je geholpen:', { id: 'strengths.helpWith' })
    : msg(str`Zo wordt ${family(audience)} geholpen:`, { id: 'audience.helpWith' });
}

/** "Er is nog ruimte": the heading and its first line. */
export function roomToGrow(audience: Audience): { heading: string; lead: string } {
  if (audience.kind === 'owner') {
    return {
      heading: msg('Er is nog ruimte op je kaart', { id: 'editor.growHeading' }),
      lead: msg(
        'Iedereen kan steun gebruiken. Misschien past een van deze mensen ook op je kaart:',
        {
          id: 'editor.growLead',
        },
      ),
    };
  }
  return {
    heading: msg('Er is nog ruimte op deze kaart', { id: 'audience.growHeading' }),
    lead: msg(
      str`Iedereen kan steun gebruiken. Misschien past een van deze mensen ook op de kaart van ${family(audience)}:`,
      { id: 'audience.growLead' },
    ),
  };
}

/** A member's way from "Er is nog ruimte" to the search of the sociale kaart. */
export function searchForFamily(audience: Audience): string {
  return msg(str`Zoek hulp voor ${family(audience)} op de sociale kaart`, {
    id: 'audience.searchForFamily',
  });
}

/** "Mist er iets?": the sentences of the search of the sociale kaart. */
export function findHelpWords(audience: Audience) {
  if (audience.kind === 'owner') {
    return {
      lead: msg(
        'Misschien kan iemand hier je helpen. Zoek op de sociale kaart wat er bij jou in de buurt is.',
        { id: 'findHelp.lead' },
      ),
      openLead: msg('Er is nog ruimte op je kaart voor:', { id: 'findHelp.openLead' }),
      place: msg('Je gemeente of postcode', { id: 'findHelp.place' }),
      placeFirst: msg('Vul eerst je gemeente of postcode in.', { id: 'findHelp.placeFirst' }),
      onMap: msg('Staat op je kaart', { id: 'findHelp.onMap' }),
      add: msg('Zet op mijn kaart', { id: 'findHelp.add' }),
    };
  }
  const who = family(audience);
  return {
    lead: msg(
      str`Zie je iets wat ${who} nog mist? Zoek hier op de sociale kaart naar hulp in de buurt. Vul de gemeente of postcode van het gezin in.`,
      { id: 'audience.findHelpLead' },
    ),
    openLead: msg('Er is nog ruimte op deze kaart voor:', { id: 'audience.findHelpOpenLead' }),
    place: msg('Gemeente of postcode', { id: 'audience.findHelpPlace' }),
    placeFirst: msg('Vul eerst een gemeente of postcode in.', {
      id: 'audience.findHelpPlaceFirst',
    }),
    onMap: msg('Staat op de kaart', { id: 'audience.findHelpOnMap' }),
    add: msg('Zet op de kaart', { id: 'audience.findHelpAdd' }),
  };
}

/**
 * Who sees the place she searches with: an owner's place is kept in the map's private part (only
 * the parents who manage the map can read it); a member's stays on her device.
 */
export function findHelpPrivacy(audience: Audience, keepsPlaceInMap: boolean): string {
  if (audience.kind === 'owner' && keepsPlaceInMap) {
    return msg(
      'Alleen de plaats en wat je zoekt gaan naar de server. Niet wie je bent en niets van je kaart. Je plaats wordt op slot bewaard in je kaart: alleen jij en andere ouders die de kaart beheren kunnen hem lezen, hulpverleners niet.',
      { id: 'audience.findHelpPrivacyOwner' },
    );
  }
  return msg(
    'Alleen de plaats en wat je zoekt gaan naar de server. Niet wie je bent en niets van deze kaart. De plaats blijft alleen op dit apparaat, tot je uitlogt of de pagina sluit.',
    { id: 'audience.findHelpPrivacy' },
  );
}

/** The toast after a service or person was put on the map. */
export function addedToMap(audience: Audience, label: string): string {
  return audience.kind === 'owner'
    ? msg(str`${label} staat op je kaart.`, { id: 'editor.added' })
    : msg(str`${label} staat op de kaart.`, { id: 'audience.added' });
}

/** "Een hulpverlener zoeken": who may invite, and who decides. */
export function professionalSearchWords(audience: Audience): { lead: string; askParent: string } {
  if (audience.kind === 'owner') {
    return {
      lead: msg(
        'Deze hulpverleners hebben zelf gekozen dat je ze kunt vinden. Je kunt ze uitnodigen voor je kaart. Ze zien je kaart pas als jij dat goedvindt.',
        { id: 'proSearch.lead' },
      ),
      askParent: msg('Vraag de ouder om deze hulpverlener uit te nodigen.', {
        id: 'proSearch.askParent',
      }),
    };
  }
  const who = family(audience);
  return {
    lead: msg(
      str`Deze hulpverleners hebben zelf gekozen dat ze te vinden zijn. Alleen de ouders die de kaart beheren kunnen ze uitnodigen. Ze zien de kaart pas als ${who} dat goedvindt.`,
      { id: 'audience.proSearchLead' },
    ),
    askParent: msg(str`Vraag ${who} om deze hulpverlener uit te nodigen.`, {
      id: 'audience.proSearchAsk',
    }),
  };
}

/** The hint of the A5 handout in the print menu. */
export function handoutHint(audience: Audience): string {
  return audience.kind === 'owner'
    ? msg('Kort: wie helpt je waarmee. A5.', { id: 'print.handoutHint' })
    : msg(str`Kort: wie helpt ${family(audience)} waarmee. A5.`, { id: 'audience.handoutHint' });
}
