/** Until client/membership uses shared/map/taxonomy.ts directly: the same words, from there. */
export { PROFESSION_WORDS as PROFESSIONS } from '../../shared/map/taxonomy.js';
