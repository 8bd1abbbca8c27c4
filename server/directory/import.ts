// Import rules: parse a whole file, check every record, then write the good ones in ONE transaction,
// upserting by (source, source id) and skipping records whose content hash is unchanged.
import type { ImportFormat, ImportReport, RejectedRecord } from '../../shared/api/directory.js';
import { parseDirectoryCsv } from './csv.js';
import { FileError, hsdsOrganisation, parseHsds, type ParsedFile } from './hsds.js';
import {
  contentHash,
  RecordError,
  searchColumns,
  toOrganisationRecord,
  toServiceRecord,
  type OrganisationRecord,
  type ServiceRecord,
} from './records.js';
import * as repository from './repository.js';
import type { DirectoryDb } from './schema.js';
import { fold } from './text.js';
import type { DatabaseEngine } from '../infra/db/connect.js';

export { FileError } from './hsds.js';

export interface ImportInput {
  format: ImportFormat;
  source: string;
  /** HSDS: parsed JSON (or JSON text); CSV: text. */
  data: unknown;
  dryRun: boolean;
  now: number;
  engine: DatabaseEngine;
}

function parse(format: ImportFormat, data: unknown): ParsedFile {
  if (format === 'csv') {
    if (typeof data !== 'string') throw new FileError('CSV data must be text');
    return parseDirectoryCsv(data);
  }
  if (typeof data === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      throw new FileError('the HSDS file is not valid JSON');
    }
    return parseHsds(parsed);
  }
  return parseHsds(data);
}

interface Planned {
  record: ServiceRecord;
  organisationName: string | null;
  hash: string;
}

/** Runs an import; throws FileError when the file as a whole cannot be read (nothing is written). */
export async function importDirectory(db: DirectoryDb, input: ImportInput): Promise<ImportReport> {
  const parsed = parse(input.format, input.data);
  const report = await db.transaction().execute(async (trx) => {
    const existingOrganisations = await repository.organisationsOfSource(trx, input.source);
    const existingServices = await repository.servicesOfSource(trx, input.source);

    const organisations = new Map<string, OrganisationRecord | RecordError>();
    for (const { raw } of parsed.organisations) {
      const id = typeof raw.id === 'string' ? raw.id : null;
      if (id === null || organisations.has(id)) continue;
      try {
        organisations.set(id, toOrganisationRecord(hsdsOrganisation(raw)));
      } catch (error) {
        if (!(error instanceof RecordError)) throw error;
        organisations.set(id, error);
      }
    }

    const rejected: RejectedRecord[] = [];
    const planned: Planned[] = [];
    const seen = new Set<string>();
    for (const item of parsed.services) {
      const reject = (reason: string) =>
        rejected.push({ index: item.index, sourceId: item.sourceId, reason });
      if (!item.candidate) {
        reject(item.reason ?? 'the record is not an object');
        continue;
      }
      let record: ServiceRecord;
      try {
        record = toServiceRecord(item.candidate);
      } catch (error) {
        if (!(error instanceof RecordError)) throw error;
        reject(error.message);
        continue;
      }
      if (seen.has(record.sourceId)) {
        reject('the same id appears earlier in this file');
        continue;
      }
      seen.add(record.sourceId);
      let organisationName: string | null = null;
      if (record.organisationSourceId !== null) {
        const organisation = organisations.get(record.organisationSourceId);
        if (organisation instanceof RecordError) {
          reject(`its organisation is invalid: ${organisation.message}`);
          continue;
        }
        if (!organisation && !existingOrganisations.has(record.organisationSourceId)) {
          reject(`unknown organisation "${record.organisationSourceId}"`);
          continue;
        }
        organisationName = organisation?.name ?? null;
      }
      planned.push({ record, organisationName, hash: contentHash({ record, organisationName }) });
    }

    const report: ImportReport = {
      source: input.source,
      format: input.format,
      dryRun: input.dryRun,
      received: parsed.services.length,
      services: { created: 0, updated: 0, unchanged: 0 },
      organisations: { created: 0, updated: 0, unchanged: 0 },
      rejected,
    };

    // organisations first: services point at them
    const organisationIds = new Map([...existingOrganisations].map(([k, v]) => [k, v.id]));
    const used = new Set(planned.map((p) => p.record.organisationSourceId));
    for (const [sourceId, organisation] of organisations) {
      if (organisation instanceof RecordError || !used.has(sourceId)) continue;
      const hash = contentHash(organisation);
      const existing = existingOrganisations.get(sourceId);
      if (existing?.hash === hash) {
        report.organisations.unchanged += 1;
        continue;
      }
      const values = {
        source: input.source,
        source_id: sourceId,
        name: organisation.name,
        description: organisation.description,
        website: organisation.website,
        email: organisation.email,
        content_hash: hash,
        updated_at: input.now,
      };
      if (existing) {
        report.organisations.updated += 1;
        if (!input.dryRun) await repository.updateOrganisation(trx, existing.id, values);
      } else {
        report.organisations.created += 1;
        if (!input.dryRun)
          organisationIds.set(sourceId, await repository.insertOrganisation(trx, values));
      }
    }

    const children: repository.ServiceChildren[] = [];
    for (const { record, organisationName, hash } of planned) {
      const existing = existingServices.get(record.sourceId);
      if (existing?.hash === hash) {
        report.services.unchanged += 1;
        continue;
      }
      if (existing) report.services.updated += 1;
      else report.services.created += 1;
      if (input.dryRun) continue;
      const values: repository.ServiceValues = {
        source: input.source,
        source_id: record.sourceId,
        organisation_id:
          record.organisationSourceId === null
            ? null
            : (organisationIds.get(record.organisationSourceId) ?? null),
        name: record.name,
        description: record.description,
        category: record.category,
        roles: JSON.stringify(record.roles),
        address: record.address,
        postcode: record.postcode,
        city: record.city,
        phone: record.phone,
        website: record.website,
        email: record.email,
        opening_hours: record.openingHours,
        ...searchColumns(record, organisationName),
        content_hash: hash,
        updated_at: input.now,
      };
      let serviceId: number;
      if (existing) {
        await repository.updateService(trx, existing.id, values);
        serviceId = existing.id;
      } else {
        serviceId = await repository.insertService(trx, values);
      }
      children.push({
        serviceId,
        languages: record.languages,
        municipalities: record.municipalities.map((name) => ({ name, key: fold(name) })),
        postcodes: record.postcodes,
      });
    }
    if (!input.dryRun) await repository.insertServiceChildren(trx, children);
    return report;
  });
  const { created, updated } = report.services;
  if (!input.dryRun && created + updated > 0) await repository.refreshStatistics(db, input.engine);
  return report;
}
