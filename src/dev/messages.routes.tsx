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
        <html lang="en" class="govuk-template">
          <head><meta charSet="utf-8" /><title>Development messages — Portico</title><link rel="stylesheet" href={PATHS.stylesheet.url()} /></head>
          <body class="govuk-template__body"><div class="govuk-width-container"><main id="main" class="govuk-main-wrapper">
            <h1 class="govuk-heading-l">Messages sent (development)</h1>
            <p class="govuk-body">E-mail went over SMTP to a local sink; SMS to a local simulator. Neither leaves this machine.</p>
            <p class="govuk-body"><a class="govuk-link" href="/dev/sms/phone">Send the portal an SMS as a phone would</a></p>
            <h2 class="govuk-heading-m">E-mail</h2>
            <ul class="govuk-list">{mails.map((m, i) => <li key={i}><strong>{m.to}</strong>: {m.subject}<pre>{m.text}</pre></li>)}</ul>
            <h2 class="govuk-heading-m">SMS</h2>
            <ul class="govuk-list">{sms.map((m, i) => <li key={i}><strong>{m.to}</strong>: {m.text}</li>)}</ul>
          </main></div></body>
        </html>
      );
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(`<!doctype html>${renderToString(html)}`);
    }),
  ];
}
