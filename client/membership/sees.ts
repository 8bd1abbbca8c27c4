/** What a member sees, as plain sentences (B1) instead of the names of the map's sections. */
import { msg, str } from '@lit/localize';
import type { MemberRoleView, SectionName } from './types.js';

/**
 * For the parent approving `name`: "Anouk ziet wie er op je kaart staat. Telefoonnummers en adressen
 * ziet ze alleen als jij dat aanzet."
 */
export function approvalSentence(name: string, role: MemberRoleView, detail: boolean): string {
  if (role === 'owner')
    return msg(
      str`${name} ziet alles op je kaart, ook je wensen, en kan mensen toelaten en weghalen, net als jij.`,
      { id: 'sees.approveOwner' },
    );
  if (detail)
    return msg(
      str`${name} ziet wie er op je kaart staat, met hun namen, telefoonnummers en adressen.`,
      { id: 'sees.approveDetail' },
    );
  return msg(
    str`${name} ziet wie er op je kaart staat. Telefoonnummers en adressen ziet ze alleen als jij dat aanzet.`,
    { id: 'sees.approveBase' },
  );
}

/** On the list of members, under her name: what she sees now. */
export function seesSentence(sections: readonly SectionName[]): string {
  if (sections.includes('private'))
    return msg('Ziet alles op de kaart, ook de wensen.', { id: 'sees.all' });
  if (sections.includes('detail'))
    return msg('Ziet wie er op de kaart staat, met namen, telefoonnummers en adressen.', {
      id: 'sees.detail',
    });
  return msg('Ziet wie er op de kaart staat, zonder telefoonnummers en adressen.', {
    id: 'sees.base',
  });
}
