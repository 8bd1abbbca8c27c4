import fp from 'fastify-plugin';
import { AccessRecorder } from './access-recorder.js';

declare module 'fastify' {
  interface FastifyInstance {
    accessRecorder: AccessRecorder;
  }
}

const FLUSH_INTERVAL_MS = 1000;

/** The per-slot access recorder, flushed every second and when the app closes. */
export default fp(
  async (fastify) => {
    const recorder = new AccessRecorder(fastify.db, fastify.log);
    const timer = setInterval(() => void recorder.flush(), FLUSH_INTERVAL_MS);
    timer.unref();
    fastify.decorate('accessRecorder', recorder);
    fastify.addHook('onClose', async () => {
      clearInterval(timer);
      await recorder.flush();
    });
  },
  { name: 'access-recorder', dependencies: ['db'] },
);
