// The client's translations of the roles follow the shared taxonomy, key for key.
import { describe, expect, it } from 'vitest';
import { ROLES, rolesIn } from '../../../../shared/map/taxonomy.js';
import { ROLE_LABELS, roleLabel, rolesFor } from '../../../../client/taxonomy/role-labels.js';

describe('role labels', () => {
  it('has one label per role of the taxonomy and no others', () => {
    expect(Object.keys(ROLE_LABELS).sort()).toEqual(ROLES.map((role) => role.key).sort());
  });

  it('shows the Dutch word of the taxonomy in the source language', () => {
    for (const role of ROLES) expect(roleLabel(role)).toBe(role.word);
  });

  it('suggests the roles of the chosen category', () => {
    expect(rolesFor('family')).toEqual(rolesIn('family').map((role) => role.word));
    expect(rolesFor('')).toHaveLength(ROLES.length);
  });
});
