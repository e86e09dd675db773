import { renderToString } from 'preact-render-to-string';

import type { DevMessages } from '../app/channels.ts';
import { declarePaths, rootPath } from '../web/common/path.ts';
import { PATHS } from '../web/common/paths.ts';
import { PUBLIC, type WebRoute, route } from '../web/common/route-table.ts';

const { devMessages } = declarePaths({ devMessages: rootPath('/dev/messages') });

/**
 * Development only (registered when the local SMTP sink or SMS simulator runs, never in production):
 * the messages the portal sent, so that a person trying the portal can read their one-time codes.
 */
export function devRoutes(dev: DevMessages): WebRoute[] {
  return [
    route(devMessages, 'GET', PUBLIC, async (_request, reply) => {
      const mails = dev.mails().slice(-20).reverse();
      const sms = dev.sms().slice(-20).reverse();
      const html = (
        <html lang="en">
          <head><meta charSet="utf-8" /><title>Development messages — Portico</title><link rel="stylesheet" href={PATHS.stylesheet.url()} /></head>
          <body><main id="main" class="container">
            <h1>Messages sent (development)</h1>
            <p>E-mail went over SMTP to a local sink; SMS to a local simulator. Neither leaves this machine.</p>
            <h2>E-mail</h2>
            <ul>{mails.map((m, i) => <li key={i}><strong>{m.to}</strong>: {m.subject}<pre>{m.text}</pre></li>)}</ul>
            <h2>SMS</h2>
            <ul>{sms.map((m, i) => <li key={i}><strong>{m.to}</strong>: {m.text}</li>)}</ul>
          </main></body>
        </html>
      );
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(`<!doctype html>${renderToString(html)}`);
    }),
  ];
}
