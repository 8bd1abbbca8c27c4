// Holding a joiner's answer request open until the map's next event (approval, decline, withdrawal)
// or a deadline: the live way to wait, with the same proof and no more to see than a poll.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AnswerWaiter } from './join-service.js';

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
        unsubscribe();
        socket?.off('close', onClose);
        wake?.();
      },
    };

    function consume(): boolean {
      const was = fired;
      fired = false;
      return was && !stopped && !socket?.destroyed === true;
    }
  };
}
