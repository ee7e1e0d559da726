// Fixtures of the dispatcher's pages' tests: a dispatcher, and a small directory with one unit's load.
import type { ConsoleUser } from '../../auth/auth-provider';
import { json, REFERENCE_ROUTES, type Routes } from '../../test/fake-api';

export const DISPATCHER: ConsoleUser = { id: 'dispatcher-1', name: '分办员 王芳', roles: ['dispatcher'], unitId: null, unitName: null };

export const TIANHE = '0b6c1f64-1a8e-4a57-9a43-6d0f6a1e0001';
export const WATER = '0b6c1f64-1a8e-4a57-9a43-6d0f6a1e0002';
export const CITY_MGMT = '0b6c1f64-1a8e-4a57-9a43-6d0f6a1e0003';
export const PETITION = '7f1c2f9e-2c7e-4d7e-9d38-0d7c9a1e5b11';

const unit = (id: string, code: string, name: string, kind: string, regionCodes: string[], categoryCodes: string[]) => ({
  id,
  code,
  name,
  level: kind === 'territorial_government' ? 'district' : 'city',
  kind,
  parentId: null,
  regionCodes,
  categoryCodes,
  active: true,
});

export const DIRECTORY_ROUTES: Routes = {
  ...REFERENCE_ROUTES,
  'GET /dispatch/api/units': () =>
    json({
      items: [
        unit(TIANHE, 'GZ-440106', '天河区人民政府', 'territorial_government', ['440106'], []),
        unit(WATER, 'GZ-SWJ', '广州市水务局', 'functional_department', ['440100'], ['URBAN.DRAINAGE']),
        unit(CITY_MGMT, 'GZ-CGJ', '广州市城市管理和综合执法局', 'functional_department', ['440100'], ['URBAN.SANITATION']),
      ],
      nextCursor: null,
    }),
  'GET /dispatch/api/units/load': () =>
    json({
      items: [
        {
          unitId: TIANHE,
          code: 'GZ-440106',
          name: '天河区人民政府',
          kind: 'territorial_government',
          level: 'district',
          leadOpen: 12,
          coHandlerOpen: 3,
          acceptDuePassed: 2,
          returnsPending: 0,
        },
      ],
      nextCursor: null,
    }),
};
