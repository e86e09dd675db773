import { describe, expect, it } from 'vitest';

import { staffHomeView } from '../../../src/web/office/staff-home.view.ts';

const agencies = [{ id: 'tax', name: 'State Tax Service' }, { id: 'migration', name: 'State Migration Service' }];
const centres = [{ id: 'c1', name: 'Zorehrad Service Centre' }];

describe('the staff home view', () => {
  it('names where each role is held, and nationwide roles as such', () => {
    const view = staffHomeView(
      [{ id: '1', role: 'clerk', agencyId: 'migration', centreId: null }, { id: '2', role: 'front-desk', agencyId: null, centreId: 'c1' }, { id: '3', role: 'national-admin', agencyId: null, centreId: null }, { id: '4', role: 'clerk', agencyId: 'gone', centreId: null }],
      agencies, centres, ['migration', 'tax'], new Map([['tax', '3']]),
    );
    expect(view.roles.map((r) => r.where)).toEqual(['State Migration Service', 'Zorehrad Service Centre', null, 'gone']);
    expect(view.queues).toEqual([{ id: 'migration', name: 'State Migration Service', running: null }, { id: 'tax', name: 'State Tax Service', running: '3' }]);
  });

  it('lists no queues for someone without a case role', () => {
    expect(staffHomeView([{ id: '1', role: 'agency-admin', agencyId: 'tax', centreId: null }], agencies, centres, ['tax'], new Map()).queues).toEqual([]);
  });
});
