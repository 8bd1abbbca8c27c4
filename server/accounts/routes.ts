import fastifyCookie from '@fastify/cookie';
import type { FastifyPluginAsync } from 'fastify';
import account from './account-routes.js';
import accounts from './accounts-routes.js';

/** /api/accounts (sign-up, sessions) and /api/account (the signed-in account). */
const routes: FastifyPluginAsync = async (fastify) => {
  // cookies are parsed here only: map routes never read (or pay for) the account's refresh cookie
  await fastify.register(fastifyCookie);
  await fastify.register(accounts, { prefix: '/accounts' });
  await fastify.register(account, { prefix: '/account' });
};

export default routes;
