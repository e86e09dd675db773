/** Ukrainian copy of the consent page of the open API (a client asking to act for the person); spread into uk.ts. */
export const ukOauth = {
  'oauth.title': 'Дозволити застосунку «{client}» діяти від вашого імені?',
  'oauth.lead': 'Застосунок «{client}» просить доступ до порталу від вашого імені. Він отримає лише те, що перелічено нижче, і лише на короткий час; ви можете відмовити.',
  'oauth.scopes': 'Що зможе застосунок',
  'oauth.scope.applications': 'Створювати, заповнювати й подавати ваші заяви',
  'oauth.scope.cases': 'Переглядати ваші справи та рішення',
  'oauth.scope.payments': 'Переглядати збори за вашими справами та починати їх сплату',
  'oauth.scope.inbox': 'Читати ваші повідомлення на порталі (відкрите стає прочитаним)',
  'oauth.scope.appointments': 'Переглядати, бронювати й скасовувати ваші візити до центрів',
  'oauth.returnsTo': 'Після відповіді вас буде повернуто до: {uri}',
  'oauth.allow': 'Дозволити',
  'oauth.deny': 'Відмовити',
  'oauth.refusedTitle': 'Запит застосунку не прийнято',
  'oauth.refused.oauth.client_unknown': 'Портал не знає застосунку, який надіслав вас сюди. Нічого не передано.',
  'oauth.refused.oauth.redirect_uri_mismatch': 'Адреса повернення не збігається з зареєстрованою для цього застосунку. Нічого не передано.',
} as const;
