/** Ukrainian copy of the staff home and the back office's navigation; spread into uk.ts. */
export const ukStaffHome = {
  'officeNav.label': 'Розділи робочого місця',
  'staffHome.rolesTitle': 'Ваші ролі',
  'staffHome.rolesCaption': 'Ролі та де ви їх виконуєте',
  'staffHome.role': 'Роль',
  'staffHome.where': 'Орган влади або центр',
  'staffHome.nowhere': 'Уся країна',
  'staffHome.queuesTitle': 'Черги справ',
  'staffHome.queueOf': 'Черга справ: {name}',
  'staffHome.running': 'Справ у роботі',
  'staffHome.otherTitle': 'Інше',
} as const;
