import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { Config } from '../shared/config';
import { signAgentToken } from '../shared/identity';
import type { Logger } from '../shared/logger';
import { subgraphClient } from '../shared/subgraphClient';
import { requestIdOf } from './requestId';

/** Where the gateway serves the console (its built files use relative URLs, so any path works). */
export const CONSOLE_PATH = '/console';
export const DEMO_SIGN_IN_PATH = `${CONSOLE_PATH}/demo-sign-in`;

const AGENT_CREDENTIAL = /* GraphQL */ `
  query GatewayAgentCredential($email: String!) {
    agentCredential(email: $email) {
      agentId
      email
      name
    }
  }
`;

interface CredentialAnswer {
  agentCredential: { agentId: string; email: string; name: string } | null;
}

/**
 * The agent console (console/): its built files, and in development a sign-in as any active agent
 * by e-mail alone, so the demo agents can try it without a real sign-in. Desk owns agents, so the
 * gateway asks desk's API (as the service `gateway`) who has the e-mail, as it does for partners'
 * keys, and signs the same JWT `npm run token` prints.
 */
export function consoleRoutes(options: {
  config: Config;
  log: Logger;
  deskUrl: string;
}): express.Router {
  const { config, log } = options;
  const router = express.Router();
  const refuse = (res: express.Response, status: number, code: string, message: string) => {
    res
      .status(status)
      .set('Cache-Control', 'no-store')
      .json({ error: { code, message, requestId: requestIdOf(res) } });
  };

  if (config.console.demoSignIn) {
    router.post(DEMO_SIGN_IN_PATH, express.json({ limit: '4kb' }), async (req, res) => {
      const body: unknown = req.body;
      const email =
        typeof body === 'object' && body !== null && 'email' in body ? body.email : undefined;
      if (typeof email !== 'string' || email.trim() === '') {
        refuse(res, 400, 'BAD_USER_INPUT', 'Send the e-mail of the agent to sign in as');
        return;
      }
      const desk = subgraphClient({
        target: 'desk',
        url: options.deskUrl,
        identity: { kind: 'service', service: 'gateway' },
        auth: config.auth,
        timeoutMs: config.gateway.subgraphTimeoutMs,
      });
      let answer: CredentialAnswer;
      try {
        answer = await desk.request<CredentialAnswer>(AGENT_CREDENTIAL, { email });
      } catch (error) {
        log.warn({ err: error, requestId: requestIdOf(res) }, 'console demo sign-in failed');
        refuse(res, 502, 'SUBGRAPH_UNAVAILABLE', 'The desk service could not answer');
        return;
      }
      const agent = answer.agentCredential;
      if (!agent) {
        refuse(res, 404, 'NOT_FOUND', `No active agent has the e-mail ${email}`);
        return;
      }
      res
        .status(200)
        .set('Cache-Control', 'no-store')
        .json({
          token: signAgentToken({ id: agent.agentId, email: agent.email }, config.auth),
          agent: { name: agent.name, email: agent.email },
        });
    });
  }

  if (config.console.enabled) {
    const index = path.join(config.console.distDir, 'index.html');
    if (!fs.existsSync(index)) {
      log.warn(
        { distDir: config.console.distDir },
        'the console is not built: run `npm run console:build`',
      );
    }
    router.use(
      CONSOLE_PATH,
      express.static(config.console.distDir, {
        index: 'index.html',
        // Vite names assets by their content; only index.html must be asked for again.
        setHeaders: (res, file) => {
          res.set(
            'Cache-Control',
            file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
          );
        },
      }),
    );
  }
  return router;
}
