// What the rest of the server may use of the directory: its database view and the file import (admin).
export { FileError, importDirectory, type ImportInput } from './import.js';
export { directoryDb, type AdminLogTable, type DirectoryDb } from './schema.js';
