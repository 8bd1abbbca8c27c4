// The one list of roles: explicit categories, no duplicates, and the member category rules.
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../shared/map/types.js';
import {
  isProfessionalCategory,
  isProfessionalWord,
  memberCategory,
  PROFESSION_WORDS,
  ROLES,
  roleOfWord,
  rolesIn,
} from '../../../shared/map/taxonomy.js';

describe('roles taxonomy', () => {
  it('gives every role a known category and a word', () => {
    for (const role of ROLES) {
      expect(CATEGORIES, role.key).toContain(role.category);
      expect(role.word.trim(), role.key).not.toBe('');
    }
  });

  it('has no key, word or older spelling twice', () => {
    const keys = ROLES.map((role) => role.key);
    const words = ROLES.flatMap((role) => [role.word, ...(role.also ?? [])]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(words).size).toBe(words.length);
  });

  it('has suggestions for every category', () => {
    for (const category of CATEGORIES)
      expect(rolesIn(category).length, category).toBeGreaterThan(0);
    expect(rolesIn('')).toHaveLength(ROLES.length);
  });

  it('places known professions in their category', () => {
    expect(roleOfWord('verloskundige')?.category).toBe('pro-medical');
    expect(roleOfWord('huisarts')?.category).toBe('pro-medical');
    expect(roleOfWord('jeugdarts')?.category).toBe('pro-public-health');
    expect(roleOfWord('schuldhulpverlener')?.category).toBe('pro-social');
    expect(roleOfWord('leerkracht')?.category).toBe('childcare-school');
    expect(roleOfWord('oma')?.category).toBe('family');
    expect(roleOfWord('POP-poli')?.category).toBe('pro-medical');
    expect(roleOfWord('iets anders')).toBeUndefined();
  });

  it('marks jobs as professions and relatives, friends and places not', () => {
    expect(isProfessionalWord('kraamverzorgende')).toBe(true);
    expect(isProfessionalWord('pedagogisch medewerker kinderopvang')).toBe(true);
    expect(isProfessionalWord('buurvrouw')).toBe(false);
    expect(isProfessionalWord('vrijwilliger (Home-Start)')).toBe(false);
    expect(isProfessionalWord('bibliotheek')).toBe(false);
    expect(isProfessionalWord('')).toBe(false);
    for (const role of ROLES) {
      if (isProfessionalCategory(role.category)) expect(role.profession, role.key).toBe(true);
    }
  });

  it('decides a member category from the profession, not from a place in a list', () => {
    expect(memberCategory('verloskundige', false)).toBe('pro-medical');
    expect(memberCategory('GGD', true)).toBe('pro-public-health');
    expect(memberCategory('jeugdverpleegkundige (JGZ/consultatiebureau)', false)).toBe(
      'pro-public-health',
    );
    expect(memberCategory('juridisch loket', false)).toBe('pro-social');
    expect(memberCategory('leerkracht', false)).toBe('pro-social');
    expect(memberCategory('coach', true)).toBe('pro-social');
    expect(memberCategory('oma', true)).toBe('pro-social');
    expect(memberCategory('oma', false)).toBe('friends');
    expect(memberCategory('', false)).toBe('friends');
  });

  it('suggests the jobs first when someone joins, then the people, never places', () => {
    const jobs = ROLES.filter((role) => role.profession).length;
    expect(PROFESSION_WORDS.slice(0, jobs).every(isProfessionalWord)).toBe(true);
    expect(PROFESSION_WORDS.slice(jobs).some(isProfessionalWord)).toBe(false);
    expect(PROFESSION_WORDS).not.toContain('bibliotheek');
    expect(new Set(PROFESSION_WORDS).size).toBe(PROFESSION_WORDS.length);
  });
});
