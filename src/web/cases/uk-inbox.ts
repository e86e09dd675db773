/** Ukrainian copy of the portal inbox (messages about cases) and its link in the cabinet; spread into uk.ts. */
export const ukInbox = {
  'inbox.title': 'Повідомлення',
  'inbox.lead': 'Усе, що портал повідомив вам про заяви — ваші власні та тих, від чийого імені ви дієте. Повідомлення надходять сюди завжди, навіть якщо ви не обрали електронну пошту чи SMS.',
  'inbox.none': 'Повідомлень ще немає.',
  'inbox.own': 'Ваші повідомлення',
  'inbox.forParty': 'Від імені: {name}',
  'inbox.unread': 'Непрочитане',
  'inbox.unreadCount': { one: '{count} непрочитане', few: '{count} непрочитані', many: '{count} непрочитаних', other: '{count} непрочитаного' },
  'inbox.case': 'Справа {number}',
  'inbox.sent': 'Надіслано',
  'inbox.concerns': 'Стосується',
  'inbox.openCase': 'Перейти до справи {number}',
  'inbox.downloadDecision': 'Завантажити рішення',
  'inbox.actFor': 'Щоб відкрити справу, дійте від імені: {name}.',
  'inbox.back': 'Усі повідомлення',
  'inbox.cabinetLink': { one: '{count} непрочитане повідомлення', few: '{count} непрочитані повідомлення', many: '{count} непрочитаних повідомлень', other: '{count} непрочитаного повідомлення' },
  'inbox.cabinetAll': 'Повідомлення',
} as const;
