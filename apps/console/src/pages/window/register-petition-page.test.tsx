import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, REFERENCE_ROUTES, registrationView } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { RegisterPetitionPage } from './register-petition-page';

const NO_WARNINGS = { outcome: 'dispatch', repeat: null, openMatters: [], emergencySignals: [], warnings: [] };
const PICKED = { categoryCode: 'URBAN.DRAINAGE', regionCode: '440106001' };

/** Fills what the form requires (the selects come preset through initialValues). */
async function fillRequired(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('姓名'), '张三');
  await user.type(screen.getByLabelText('标题'), '道路积水');
  await user.type(screen.getByLabelText('信访内容'), '每逢下雨积水严重');
}

const fieldOf = (text: string) => screen.getByText(text).closest('.ant-form-item') as HTMLElement;

describe('登记信访 (registration form)', () => {
  it('shows what is missing next to each required field, and sends nothing', async () => {
    const requests = fakeApi(REFERENCE_ROUTES);
    const user = userEvent.setup();
    renderPage(<RegisterPetitionPage />);

    await user.click(screen.getByRole('button', { name: '预检并登记' }));

    expect(await screen.findByText('请填写信访事项标题')).toBeInTheDocument();
    expect(screen.getByText('请填写信访内容')).toBeInTheDocument();
    expect(screen.getByText('请填写信访人姓名')).toBeInTheDocument();
    expect(screen.getByText('请选择问题分类')).toBeInTheDocument();
    expect(screen.getByText('请选择问题发生地')).toBeInTheDocument();
    expect(within(fieldOf('请填写信访事项标题')).getByText('标题')).toBeInTheDocument();

    // A letter needs the date it was received.
    await user.click(screen.getByText('来信'));
    await user.click(screen.getByRole('button', { name: '预检并登记' }));
    expect(await screen.findByText('请选择收信日期')).toBeInTheDocument();
    expect(requests.filter((r) => r.path.startsWith('/intake/'))).toEqual([]);
  });

  it('shows the preview’s warnings before saving, and saves only when the clerk confirms', async () => {
    const requests = fakeApi({
      ...REFERENCE_ROUTES,
      'POST /intake/api/petitions/preview': () =>
        json({
          outcome: 'link_repeat',
          repeat: { kind: 'link', trackingNo: '440106-20261122-000001', title: '小区积水', status: 'accepted', similarity: 0.82 },
          openMatters: [],
          emergencySignals: ['self_harm'],
          warnings: [
            { code: 'LIKELY_REPEAT', message: '疑似重复信访：与 440106-20261122-000001（办理中）为同一事项，保存后将并入原件' },
            { code: 'EMERGENCY', message: '内容涉及人身安全，保存后将立即预警' },
          ],
        }),
      'POST /intake/api/petitions': () => json(registrationView({ status: 'ended' }), 201),
    });
    const user = userEvent.setup();
    renderPage(<RegisterPetitionPage initialValues={PICKED} />);
    await fillRequired(user);

    await user.click(screen.getByRole('button', { name: '预检并登记' }));

    const warnings = await screen.findByTestId('preview-warnings');
    expect(within(warnings).getByText(/疑似重复信访：与 440106-20261122-000001/)).toBeInTheDocument();
    expect(within(warnings).getByText('内容涉及人身安全，保存后将立即预警')).toBeInTheDocument();
    expect(within(warnings).getByText('保存后将作为重复信访并入原件')).toBeInTheDocument();
    expect(within(warnings).getByText('82%')).toBeInTheDocument();
    expect(requests.filter((r) => r.path === '/intake/api/petitions')).toEqual([]);
    const preview = requests.find((r) => r.path === '/intake/api/petitions/preview');
    expect(preview?.body).toMatchObject({ channel: 'visit', petitionerName: '张三', title: '道路积水', ...PICKED, route: 'dispatch' });
    expect(preview?.headers.get('Authorization')).toBe('Bearer test-token');

    await user.click(screen.getByRole('button', { name: '确认登记' }));
    expect(await screen.findByText('登记成功')).toBeInTheDocument();
    expect(requests.filter((r) => r.path === '/intake/api/petitions')).toHaveLength(1);
  });

  it('puts the API’s reason under its field, and keeps the Idempotency-Key while the same values are retried', async () => {
    let attempt = 0;
    const requests = fakeApi({
      ...REFERENCE_ROUTES,
      'POST /intake/api/petitions/preview': () => json(NO_WARNINGS),
      'POST /intake/api/petitions': () => {
        attempt++;
        if (attempt === 1) return json({ statusCode: 502, code: 'UPSTREAM_UNAVAILABLE', message: '服务暂时不可用', details: [] }, 502);
        return json(
          {
            statusCode: 400,
            code: 'VALIDATION_FAILED',
            message: '输入有误 (validation failed)',
            details: [
              { field: 'regionCode', reason: 'unknown administrative division 440106001' },
              { field: 'Idempotency-Key', reason: 'must be a UUID' },
            ],
          },
          400,
        );
      },
    });
    const user = userEvent.setup();
    renderPage(<RegisterPetitionPage initialValues={PICKED} />);
    await fillRequired(user);

    await user.click(screen.getByRole('button', { name: '预检并登记' }));
    expect(await screen.findByText('服务暂时不可用')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '预检并登记' }));

    const reason = await screen.findByText('unknown administrative division 440106001');
    expect(within(reason.closest('.ant-form-item') as HTMLElement).getByText('问题发生地')).toBeInTheDocument();
    expect(screen.getByText('Idempotency-Key：must be a UUID')).toBeInTheDocument();
    expect(screen.getByText('请按提示修改后重新提交')).toBeInTheDocument();

    const keys = requests.filter((r) => r.path === '/intake/api/petitions').map((r) => r.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).toBe(keys[0]);

    // Changed values are a new submission with a new key.
    await user.type(screen.getByLabelText('标题'), '（补充）');
    await user.click(screen.getByRole('button', { name: '预检并登记' }));
    await waitFor(() => expect(requests.filter((r) => r.path === '/intake/api/petitions')).toHaveLength(3));
    const third = requests.filter((r) => r.path === '/intake/api/petitions')[2];
    expect(third.headers.get('Idempotency-Key')).not.toBe(keys[0]);
  });

  it('on success shows the tracking number and, once, the query code', async () => {
    const requests = fakeApi({
      ...REFERENCE_ROUTES,
      'POST /intake/api/petitions/preview': () => json(NO_WARNINGS),
      'POST /intake/api/petitions': () => json(registrationView(), 201),
    });
    const user = userEvent.setup();
    renderPage(<RegisterPetitionPage initialValues={PICKED} />);
    await fillRequired(user);
    await user.click(screen.getByRole('button', { name: '预检并登记' }));

    expect(await screen.findByText('登记成功')).toBeInTheDocument();
    expect(screen.getByText('信访件编号 440106-20261123-000001')).toBeInTheDocument();
    expect(screen.getByTestId('query-code')).toHaveTextContent('K7M2Q9XP');
    expect(screen.getByText('查询码只显示这一次')).toBeInTheDocument();
    // Registered at 01:05 UTC is 09:05 in the city.
    expect(screen.getByText('2026-11-23 09:05')).toBeInTheDocument();
    expect(requests.find((r) => r.path === '/intake/api/petitions')?.body).toMatchObject({
      channel: 'visit',
      anonymous: false,
      headcount: 1,
    });

    await user.click(screen.getByRole('button', { name: '登记下一件' }));
    expect(screen.queryByText('K7M2Q9XP')).not.toBeInTheDocument();
    expect(screen.getByLabelText('标题')).toHaveValue('');
  });
});
