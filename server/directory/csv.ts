// CSV import: a strict RFC 4180 parser and the documented column set (docs/decisions/0007).
import { FileError, type ParsedFile } from './hsds.js';

/**
 * RFC 4180: fields separated by `,`, records by CRLF (a bare LF is accepted too), fields with `,`, `"`
 * or line breaks quoted with `"`, a `"` inside doubled. A leading UTF-8 BOM is ignored. Throws FileError
 * on a stray quote or an unterminated quoted field, naming the 1-based line.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let quoted = false;
  let fieldStarted = false;
  const endField = () => {
    row.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    // a blank line (one empty field) is no record
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          throw new FileError(`CSV line ${line}: text after a closing quote`);
        }
        continue;
      }
      if (c === '\n') line += 1;
      field += c;
      i += 1;
      continue;
    }
    if (c === '"') {
      if (fieldStarted || field !== '')
        throw new FileError(`CSV line ${line}: quote inside a field`);
      quoted = true;
      fieldStarted = true;
      i += 1;
    } else if (c === ',') {
      endField();
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      endRow();
      line += 1;
      i += 2;
    } else if (c === '\n') {
      endRow();
      line += 1;
      i += 1;
    } else {
      field += c;
      fieldStarted = true;
      i += 1;
    }
  }
  if (quoted) throw new FileError(`CSV line ${line}: a quoted field is not closed`);
  if (field !== '' || fieldStarted || row.length > 0) endRow();
  return rows;
}

/** The columns of a directory CSV file; `source_id`, `name` and `category` are required. */
export const CSV_COLUMNS = [
  'source_id',
  'name',
  'description',
  'category',
  'roles',
  'languages',
  'municipalities',
  'postcodes',
  'organisation_id',
  'organisation',
  'address',
  'postcode',
  'city',
  'phone',
  'website',
  'email',
  'opening_hours',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: CsvColumn[] = ['source_id', 'name', 'category'];

/** Lists inside a cell are separated by `;` ("nl;en;ar"). */
function cellList(value: string | undefined): string[] {
  return (value ?? '')
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** CSV text → the same shape the HSDS parser gives; organisations come from organisation_id + organisation. */
export function parseDirectoryCsv(text: string): ParsedFile {
  const rows = parseCsv(text);
  const header = rows.shift();
  if (!header) throw new FileError('the CSV file is empty');
  const names = header.map((h) => h.trim().toLowerCase());
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  if (unknown.length > 0) throw new FileError(`unknown CSV column "${unknown[0]}"`);
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) throw new FileError(`the CSV file has no "${missing[0]}" column`);
  if (new Set(names).size !== names.length) throw new FileError('a CSV column appears twice');

  const organisations: ParsedFile['organisations'] = [];
  const seen = new Set<string>();
  const services: ParsedFile['services'] = rows.map((cells, index) => {
    const get = (column: CsvColumn): string | undefined => {
      const at = names.indexOf(column);
      return at === -1 ? undefined : cells[at];
    };
    const sourceId = get('source_id')?.trim() || null;
    if (cells.length !== names.length) {
      return {
        index,
        sourceId,
        candidate: null,
        reason: `has ${cells.length} fields, the header has ${names.length}`,
      };
    }
    const organisationId = get('organisation_id')?.trim() || null;
    const organisationName = get('organisation')?.trim();
    if (organisationId && organisationName && !seen.has(organisationId)) {
      seen.add(organisationId);
      organisations.push({
        index: organisations.length,
        raw: { id: organisationId, name: organisationName },
      });
    }
    const areas = [...cellList(get('municipalities')), ...cellList(get('postcodes'))];
    return {
      index,
      sourceId,
      candidate: {
        sourceId: get('source_id'),
        name: get('name'),
        description: get('description'),
        organisationSourceId: organisationId,
        categories: cellList(get('category')),
        roles: cellList(get('roles')),
        languages: cellList(get('languages')),
        areas,
        address: get('address') ?? null,
        postcode: get('postcode') ?? null,
        city: get('city') ?? null,
        phone: get('phone'),
        website: get('website'),
        email: get('email'),
        openingHours: get('opening_hours') ?? null,
        status: 'active',
      },
    };
  });
  return { organisations, services };
}
