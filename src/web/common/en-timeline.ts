import type { ukTimeline } from './uk-timeline.ts';
import type { Copy } from '../locales/copy.ts';

/** English copy of a case's history: who acted and through which channel. */
export const enTimeline: Copy<typeof ukTimeline> = {
  'timeline.byline': '{who} · {channel}',
  'timeline.actor.system': 'Portico',
  'timeline.actor.applicant': '{name}, the applicant',
  'timeline.actor.representative': '{name}, acting for {party}',
  'timeline.actor.named': '{name} ({role})',
  'timeline.actor.assisting': '{who}, acting for {forWhom}',
  'timeline.role.clerk': 'clerk of the agency',
  'timeline.role.decision-maker': 'decision maker',
  'timeline.role.supervisor': 'supervisor',
  'timeline.role.contact-centre': 'contact-centre operator',
  'timeline.role.front-desk': 'front-desk clerk',
  'timeline.role.staff': 'member of staff',
  'timeline.channel.web': 'through the portal',
  'timeline.channel.api': 'through the API',
  'timeline.channel.sms': 'by SMS',
  'timeline.channel.phone': 'by phone',
  'timeline.channel.post': 'by post',
  'timeline.channel.in-person': 'in person',
  'timeline.channel.system': 'automatically',
  'timeline.channel.proactive': 'without an application, on an event in a register',
};
