/** Ukrainian copy of staff administration and of who may apply for what; spread into uk.ts. */
export const ukStaff = {
  'staffError.own-roles': 'Ви не можете надавати, розширювати чи відкликати власні ролі. Зверніться до іншого адміністратора.',
  'staffError.agency-unknown': 'Такого органу немає в каталозі. Оберіть орган зі списку.',
  'staffError.centre-unknown': 'Такого центру немає в каталозі. Оберіть центр зі списку.',
  'staffAdmin.own': 'Ваша роль: її змінює інший адміністратор',
};
