import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import { newIdempotencyKey } from '../../api/idempotency';
import { cityToday, formatTime } from '../../time/format';
import { PETITION_STATUS_LABELS } from './labels';
import { loadReferenceData, loadUnits, useLoaded } from '../../reference/reference-data';
import {
  formFieldOf,
  INITIAL_VALUES,
  REPRESENTATIVES_FROM,
  toRegisterBody,
  type RegisterBody,
  type Registration,
  type RegistrationPreview,
  type RegistrationValues,
} from './registration-form';

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const RESIDENT_ID = /^\d{17}[\dXx]$/;

const CHANNELS = [
  { value: 'visit', label: '来访' },
  { value: 'letter', label: '来信' },
  { value: 'call', label: '来电' },
];
const NATURES = [
  { value: 'claim', label: '申诉求决类' },
  { value: 'suggestion', label: '建议意见类' },
  { value: 'accusation', label: '检举控告类' },
];
const OUTCOME_LABELS: Record<string, string> = {
  dispatch: '保存后直接转交办理',
  triage: '保存后暂缓，待分流',
  answer_on_the_spot: '保存后当场答复办结',
  link_repeat: '保存后将作为重复信访并入原件',
  refuse: '保存后将不予受理（同一事项已办结）',
};
const WARNING_TYPES: Record<string, 'error' | 'warning' | 'info'> = {
  EMERGENCY: 'error',
  LIKELY_REPEAT: 'warning',
  CONCLUDED_MATTER: 'warning',
  // An online submission that looks like this one: never linked automatically, the clerk decides.
  POSSIBLE_REPEAT: 'warning',
  OPEN_MATTER: 'info',
};

type Phase = { kind: 'editing' } | { kind: 'confirming'; preview: RegistrationPreview } | { kind: 'done'; registration: Registration };

/** 登记信访: a visit, letter or call registered at the window, previewed before it is saved. */
export function RegisterPetitionPage({
  initialValues,
  onRegistered,
}: {
  initialValues?: Partial<RegistrationValues>;
  /** Told of each saved registration (the day's list beside the form refreshes). */
  onRegistered?: (registration: Registration) => void;
}) {
  const [form] = Form.useForm<RegistrationValues>();
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; unplaced: string[] } | null>(null);
  // One key per submission: a retry of the same values reuses it, so a lost answer never registers twice.
  const submissionKey = useRef<string | null>(null);
  const reference = useLoaded(loadReferenceData);
  const channel = Form.useWatch('channel', form) ?? INITIAL_VALUES.channel;
  const anonymous = Form.useWatch('anonymous', form) ?? false;
  const headcount = Form.useWatch('headcount', form) ?? 1;
  const nature = Form.useWatch('nature', form);
  const route = Form.useWatch('route', form);
  const units = useLoaded(loadUnits, nature === 'accusation');
  const start = useMemo(() => ({ ...INITIAL_VALUES, ...initialValues }), [initialValues]);

  const showFailure = (error: unknown) => {
    const apiError = error instanceof ApiError ? error : ApiError.network(error);
    if (apiError.status === 401) return; // the session returns to the sign-in page
    const placed: Array<{ name: Array<string | number>; errors: string[] }> = [];
    const unplaced: string[] = [];
    for (const [field, reasons] of Object.entries(apiError.fieldErrors)) {
      const name = formFieldOf(field);
      if (name) placed.push({ name, errors: reasons });
      else unplaced.push(...reasons.map((r) => `${field}：${r}`));
    }
    // formFieldOf only answers paths of this form's fields.
    form.setFields(placed as Parameters<typeof form.setFields>[0]);
    setFailure({ message: placed.length ? '请按提示修改后重新提交' : apiError.message, unplaced });
  };

  const register = async (body: RegisterBody) => {
    submissionKey.current ??= newIdempotencyKey();
    const registration = await unwrap(
      api.intake.POST('/api/petitions', { body, params: { header: { 'Idempotency-Key': submissionKey.current } } }),
    );
    submissionKey.current = null;
    form.resetFields();
    setPhase({ kind: 'done', registration });
    onRegistered?.(registration);
  };

  /** Previews first; saves at once when there is nothing to warn of, otherwise asks the clerk to confirm. */
  const submit = async (values: RegistrationValues) => {
    const body = toRegisterBody(values);
    setBusy(true);
    setFailure(null);
    try {
      const preview = await unwrap(api.intake.POST('/api/petitions/preview', { body }));
      if (preview.warnings.length) setPhase({ kind: 'confirming', preview });
      else await register(body);
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await register(toRegisterBody(await form.validateFields()));
    } catch (error) {
      // validateFields rejects with the form's own errors, which antd already shows.
      if (!(error && typeof error === 'object' && 'errorFields' in error)) showFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const changed = (change: Partial<RegistrationValues>) => {
    submissionKey.current = null;
    if (phase.kind === 'confirming') setPhase({ kind: 'editing' });
    if (change.channel === 'letter' && form.getFieldValue('route') === 'answer_on_the_spot') form.setFieldValue('route', 'dispatch');
  };

  if (phase.kind === 'done') return <RegistrationDone registration={phase.registration} onNext={() => setPhase({ kind: 'editing' })} />;

  return (
    <section>
      <Typography.Title level={3}>登记信访</Typography.Title>
      <Typography.Paragraph type="secondary">登记来访、来信、来电。保存前系统预检重复信访、在办事项和紧急情形。</Typography.Paragraph>
      {reference.state === 'failed' ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message={`无法加载地区和问题分类：${reference.error.message}`} />
      ) : null}
      <Form<RegistrationValues>
        form={form}
        layout="vertical"
        initialValues={start}
        onFinish={(values) => void submit(values)}
        onValuesChange={(change) => changed(change)}
        scrollToFirstError
        aria-label="登记信访"
      >
        <Card title="来源" size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="channel" label="登记方式" rules={[{ required: true, message: '请选择登记方式' }]}>
            <Radio.Group options={CHANNELS} optionType="button" buttonStyle="solid" />
          </Form.Item>
          {channel === 'letter' ? (
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name={['letter', 'receivedDate']} label="收信日期" rules={[{ required: true, message: '请选择收信日期' }]}>
                  <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(cityToday(), 'day')} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name={['letter', 'postmark']} label="邮戳" rules={[{ max: 100, message: '邮戳不超过 100 字' }]}>
                  <Input placeholder="如：广州天河 2026-11-18" />
                </Form.Item>
              </Col>
            </Row>
          ) : null}
          {channel === 'call' ? (
            <Form.Item
              name={['call', 'callerNumber']}
              label="来电号码"
              rules={[{ pattern: PHONE, message: '请输入正确的手机或固定电话号码' }]}
            >
              <Input style={{ maxWidth: 320 }} />
            </Form.Item>
          ) : null}
        </Card>

        <Card title="信访人" size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="anonymous" valuePropName="checked">
            <Checkbox>匿名信访（不留姓名，不做重复信访比对）</Checkbox>
          </Form.Item>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item
                name="petitionerName"
                label="姓名"
                rules={[
                  { required: !anonymous, whitespace: true, message: '请填写信访人姓名' },
                  { max: 50, message: '姓名不超过 50 字' },
                ]}
              >
                <Input disabled={anonymous} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="petitionerIdNumber" label="身份证号" rules={[{ pattern: RESIDENT_ID, message: '请输入 18 位身份证号' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="petitionerPhone" label="联系电话" rules={[{ pattern: PHONE, message: '请输入正确的手机或固定电话号码' }]}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="petitionerAddress" label="住址" rules={[{ max: 200, message: '住址不超过 200 字' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="headcount" label="人数" extra={`${REPRESENTATIVES_FROM} 人以上的集体访应推选代表（最多 5 名）`}>
            <InputNumber min={1} max={10000} precision={0} />
          </Form.Item>
          {(headcount ?? 1) >= REPRESENTATIVES_FROM ? <Representatives /> : null}
        </Card>

        <Card title="信访事项" size="small" style={{ marginBottom: 16 }}>
          <Form.Item
            name="title"
            label="标题"
            rules={[
              { required: true, whitespace: true, message: '请填写信访事项标题' },
              { min: 2, max: 200, message: '标题为 2 至 200 字' },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="content"
            label="信访内容"
            rules={[
              { required: true, whitespace: true, message: '请填写信访内容' },
              { min: 5, max: 20000, message: '信访内容为 5 至 20000 字' },
            ]}
          >
            <Input.TextArea rows={5} showCount maxLength={20000} />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="categoryCode" label="问题分类" rules={[{ required: true, message: '请选择问题分类' }]}>
                <TreeSelect
                  showSearch
                  treeNodeFilterProp="title"
                  placeholder="选择问题分类"
                  treeExpandAction="click"
                  loading={reference.state === 'loading'}
                  treeData={reference.state === 'ready' ? reference.value.categories : []}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="regionCode" label="问题发生地" rules={[{ required: true, message: '请选择问题发生地' }]}>
                <TreeSelect
                  showSearch
                  treeNodeFilterProp="title"
                  placeholder="选择区、街道（镇）或社区"
                  loading={reference.state === 'loading'}
                  treeData={reference.state === 'ready' ? reference.value.regions : []}
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="nature" label="信访性质">
                <Select options={NATURES} />
              </Form.Item>
            </Col>
            <Col span={12}>
              {nature === 'accusation' ? (
                <Form.Item name="accusedUnitId" label="被检举控告单位" extra="该单位不会收到此件，也看不到检举控告人">
                  <Select
                    showSearch
                    allowClear
                    optionFilterProp="label"
                    loading={units.state === 'loading'}
                    options={units.state === 'ready' ? units.value.map((u) => ({ value: u.id, label: u.name })) : []}
                  />
                </Form.Item>
              ) : null}
            </Col>
          </Row>
          <Form.Item name="emergency" valuePropName="checked">
            <Checkbox>紧急情形（人身安全、群体聚集等，保存后立即预警）</Checkbox>
          </Form.Item>
        </Card>

        <Card title="处理方式" size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="route">
            <Radio.Group>
              <Radio value="dispatch">直接转交办理</Radio>
              <Radio value="triage">暂缓，待分流</Radio>
              <Radio value="answer_on_the_spot" disabled={channel === 'letter'}>
                当场答复
              </Radio>
            </Radio.Group>
          </Form.Item>
          {route === 'answer_on_the_spot' ? (
            <Form.Item
              name="answer"
              label="答复内容"
              extra="信访人可在查询页面看到，并写入办结告知"
              rules={[
                { required: true, whitespace: true, message: '请填写当场答复的内容' },
                { min: 4, max: 2000, message: '答复内容为 4 至 2000 字' },
              ]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          ) : null}
        </Card>

        {phase.kind === 'confirming' ? <PreviewWarnings preview={phase.preview} /> : null}
        {failure ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={failure.message}
            description={failure.unplaced.length ? failure.unplaced.map((line) => <div key={line}>{line}</div>) : undefined}
          />
        ) : null}

        <Space>
          {phase.kind === 'confirming' ? (
            <>
              <Button type="primary" loading={busy} onClick={() => void confirm()}>
                确认登记
              </Button>
              <Button onClick={() => setPhase({ kind: 'editing' })}>返回修改</Button>
            </>
          ) : (
            <Button type="primary" htmlType="submit" loading={busy}>
              预检并登记
            </Button>
          )}
          <Button
            onClick={() => {
              form.resetFields();
              setFailure(null);
              setPhase({ kind: 'editing' });
            }}
          >
            清空
          </Button>
        </Space>
      </Form>
    </section>
  );
}

function Representatives() {
  return (
    <Form.List
      name="representatives"
      rules={[
        {
          validator: async (_, reps?: unknown[]) => {
            if (!reps || reps.length < 1) throw new Error('集体访请登记 1 至 5 名代表');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Card type="inner" size="small" title="代表" style={{ marginBottom: 16 }}>
          {fields.map((field, index) => (
            <Row key={field.key} gutter={8} align="top">
              <Col span={7}>
                <Form.Item
                  name={[field.name, 'name']}
                  label={`代表 ${index + 1} 姓名`}
                  rules={[{ required: true, whitespace: true, message: '请填写代表姓名' }]}
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item
                  name={[field.name, 'idNumber']}
                  label="身份证号"
                  rules={[{ pattern: RESIDENT_ID, message: '请输入 18 位身份证号' }]}
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item name={[field.name, 'phone']} label="联系电话" rules={[{ pattern: PHONE, message: '请输入正确的电话号码' }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col span={2} style={{ paddingTop: 30 }}>
                <MinusCircleOutlined aria-label={`删除代表 ${index + 1}`} onClick={() => remove(field.name)} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} disabled={fields.length >= 5} onClick={() => add()}>
            添加代表
          </Button>
          <Form.ErrorList errors={errors} />
        </Card>
      )}
    </Form.List>
  );
}

/** What saving would do, shown before the clerk confirms (docs/window.md). */
function PreviewWarnings({ preview }: { preview: RegistrationPreview }) {
  return (
    <Card title="保存前请确认" size="small" style={{ marginBottom: 16 }} data-testid="preview-warnings">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text strong>{OUTCOME_LABELS[preview.outcome] ?? preview.outcome}</Typography.Text>
        {preview.warnings.map((w) => (
          <Alert key={`${w.code}:${w.message}`} type={WARNING_TYPES[w.code] ?? 'warning'} showIcon message={w.message} />
        ))}
        {preview.repeat ? (
          <Descriptions size="small" bordered column={2} title="疑似同一事项">
            <Descriptions.Item label="信访件编号">{preview.repeat.trackingNo}</Descriptions.Item>
            <Descriptions.Item label="状态">{PETITION_STATUS_LABELS[preview.repeat.status] ?? preview.repeat.status}</Descriptions.Item>
            <Descriptions.Item label="标题">{preview.repeat.title ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="相似度">{Math.round(preview.repeat.similarity * 100)}%</Descriptions.Item>
          </Descriptions>
        ) : null}
        {preview.openMatters.length ? (
          <List
            size="small"
            header="此人在办的其他事项"
            bordered
            dataSource={preview.openMatters}
            renderItem={(m) => (
              <List.Item>
                <Space wrap>
                  <span>{m.trackingNo}</span>
                  <span>{m.title}</span>
                  <Tag>{PETITION_STATUS_LABELS[m.status] ?? m.status}</Tag>
                  <span>{formatTime(m.registeredAt)}</span>
                </Space>
              </List.Item>
            )}
          />
        ) : null}
      </Space>
    </Card>
  );
}

/** The tracking number and, this once, the query code for the petitioner. */
function RegistrationDone({ registration, onNext }: { registration: Registration; onNext: () => void }) {
  return (
    <Result
      status="success"
      title="登记成功"
      subTitle={`信访件编号 ${registration.trackingNo}`}
      extra={
        <Button type="primary" onClick={onNext}>
          登记下一件
        </Button>
      }
    >
      <Descriptions bordered column={1} size="small">
        <Descriptions.Item label="信访件编号">
          <Typography.Text copyable strong>
            {registration.trackingNo}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="查询码">
          {registration.queryCode ? (
            <Typography.Text copyable code strong data-testid="query-code">
              {registration.queryCode}
            </Typography.Text>
          ) : (
            '该件此前已登记，查询码不再显示'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="登记时间">{formatTime(registration.registeredAt)}</Descriptions.Item>
        <Descriptions.Item label="状态">{PETITION_STATUS_LABELS[registration.status] ?? registration.status}</Descriptions.Item>
        {registration.answer ? <Descriptions.Item label="当场答复">{registration.answer}</Descriptions.Item> : null}
      </Descriptions>
      {registration.queryCode ? (
        <Alert
          style={{ marginTop: 16 }}
          type="warning"
          showIcon
          message="查询码只显示这一次"
          description="请当面告知信访人或写在回执上：凭信访件编号和查询码可查询办理进展。系统不保存查询码，离开本页后无法再次查看。"
        />
      ) : null}
    </Result>
  );
}
