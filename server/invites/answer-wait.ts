// Holding a joiner's answer request open until the map's next event (approval, decline, withdrawal)
// or a deadline: the live way to wait, with the same proof and no more to see than a poll.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AnswerWaiter } from './join-service.js';

/** Every held answer of this instance, so closing the app ends them at once (then: pending). */
const held = new WeakMap<FastifyInstance, Set<() => void>>();

/** Ends every held answer when the app closes; call once per app. */
export function endHeldAnswersOnClose(fastify: FastifyInstance): void {
  const ends = new Set<() => void>();
  held.set(fastify, ends);
  fastify.addHook('preClose', (done) => {
    for (const end of [...ends]) end();
    done();
  });
}

export function answerWaiter(
  fastify: FastifyInstance,
  request: FastifyRequest,
  waitMs: number,
): (mapId: string) => AnswerWaiter {
  return (mapId) => {
    const deadline = Date.now() + waitMs;
    let fired = false;
    let wake: (() => void) | null = null;
    const unsubscribe = fastify.mapEvents.subscribe(mapId, () => {
      fired = true;
      wake?.();
    });
    // a joiner who closes the page frees the wait at once (inject() has no real socket)
    const onClose = () => wake?.();
    const socket = typeof request.raw.socket?.on === 'function' ? request.raw.socket : null;
    socket?.on('close', onClose);
    let stopped = false;
    const end = () => {
      stopped = true;
      wake?.();
    };
    held.get(fastify)?.add(end);
    return {
      next: () =>
        new Promise<boolean>((resolve) => {
          const left = deadline - Date.now();
          if (fired || stopped || left <= 0 || socket?.destroyed === true) {
            resolve(consume());
            return;
          }
          const timer = setTimeout(() => finish(), left);
          const finish = () => {
            clearTimeout(timer);
            wake = null;
            resolve(consume());
          };
          wake = finish;
        }),
      stop: () => {
        stopped = true;
        held.get(fastify)?.delete(end);
        unsubscribe();
        socket?.off('close', onClose);
        wake?.();
      },
    };

    function consume(): boolean {
      const was = fired;
      fired = false;
      return was && !stopped && socket?.destroyed !== true;
    }
  };
}
