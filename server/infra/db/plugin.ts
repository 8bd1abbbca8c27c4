import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import { openDatabase, type DatabaseEngine } from './connect.js';
import { migrateToLatest } from './migrate.js';
import type { Database } from './schema.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    dbEngine: DatabaseEngine;
  }
}

/** Opens the database, brings it to the latest migration and closes it with the app. */
export default fp(
  async (fastify) => {
    const { database } = fastify.config;
    const db = openDatabase(database);
    try {
      const { results } = await migrateToLatest(db);
      for (const result of results ?? []) {
        fastify.log.info({ migration: result.migrationName }, 'migration applied');
      }
    } catch (error) {
      await db.destroy();
      throw error;
    }
    fastify.decorate('db', db);
    fastify.decorate('dbEngine', database.engine);
    fastify.addHook('onClose', async () => {
      await db.destroy();
    });
  },
  { name: 'db', dependencies: ['config'] },
);
