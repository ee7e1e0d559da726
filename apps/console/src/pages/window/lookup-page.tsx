import { Alert, Button, Card, Col, Empty, Form, Input, Row, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { components } from '../../api/generated/intake';
import { formatTime } from '../../time/format';
import { CHANNEL_LABELS, lastDayOf, PETITION_STATUS_LABELS, REPLY_OUTCOME_LABELS, TRIAGE_OUTCOME_LABELS } from './labels';
import { loadReferenceData, useLoaded } from '../../reference/reference-data';

type LookupBody = components['schemas']['LookupPetitionerDto'];
type History = components['schemas']['PetitionerHistoryView'];
type HistoryItem = components['schemas']['PetitionHistoryItemView'];

export interface LookupValues {
  idNumber?: string;
  phone?: string;
  name?: string;
  regionCode?: string;
  reason?: string;
}

const RESIDENT_ID = /^\d{17}[\dXx]$/;
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const LOOKUP_FIELDS = ['idNumber', 'phone', 'name', 'regionCode', 'reason'] as const;
const MATCHED_BY: Record<string, string> = { id_number: '身份证号', phone: '联系电话', name_region: '姓名和地区' };
const ONE_IDENTITY = '只能按一种方式查询：身份证号、联系电话或姓名加地区，请清空其余各项';

const text = (v: string | undefined) => {
  const t = v?.trim();
  return t ? t : undefined;
};

/**
 * The identities given (exactly one is allowed), and the form's reasons by field when they are
 * not exactly one; a region alone belongs to the name.
 */
export function checkIdentity(v: LookupValues): Array<{ name: keyof LookupValues; errors: string[] }> {
  const given: Array<keyof LookupValues> = [];
  if (text(v.idNumber)) given.push('idNumber');
  if (text(v.phone)) given.push('phone');
  if (text(v.name) || v.regionCode) given.push('name');
  if (given.length === 0) return [{ name: 'idNumber', errors: ['请填写身份证号、联系电话或姓名加地区中的一项'] }];
  if (given.length > 1) return given.map((name) => ({ name, errors: [ONE_IDENTITY] }));
  if (given[0] === 'name' && !text(v.name)) return [{ name: 'name', errors: ['按地区查询时请同时填写姓名'] }];
  if (given[0] === 'name' && !v.regionCode) return [{ name: 'regionCode', errors: ['按姓名查询时请选择地区'] }];
  return [];
}

export function toLookupBody(v: LookupValues): LookupBody {
  const body: LookupBody = { reason: text(v.reason) ?? '' };
  if (text(v.idNumber)) body.idNumber = (text(v.idNumber) as string).replace(/\s/g, '').toUpperCase();
  else if (text(v.phone)) body.phone = (text(v.phone) as string).replace(/[\s-]/g, '');
  else {
    body.name = text(v.name);
    body.regionCode = v.regionCode;
  }
  return body;
}

/** 信访人查询: who is in front of the window, what they raised before, and what they may still ask for. */
export function LookupPage() {
  const [form] = Form.useForm<LookupValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<History | null>(null);
  const reference = useLoaded(loadReferenceData);

  const submit = async (values: LookupValues) => {
    const problems = checkIdentity(values);
    const identities: Array<keyof LookupValues> = ['idNumber', 'phone', 'name', 'regionCode'];
    form.setFields(identities.map((name) => problems.find((p) => p.name === name) ?? { name, errors: [] }));
    if (problems.length) return;
    setBusy(true);
    setFailure(null);
    try {
      setResult(await unwrap(api.intake.POST('/api/petitioners/lookup', { body: toLookupBody(values) })));
    } catch (error) {
      const apiError = error instanceof ApiError ? error : ApiError.network(error);
      if (apiError.status === 401) return;
      const placed = Object.entries(apiError.fieldErrors).filter(([field]) => (LOOKUP_FIELDS as readonly string[]).includes(field));
      form.setFields(placed.map(([field, errors]) => ({ name: field as keyof LookupValues, errors })));
      const unplaced = Object.entries(apiError.fieldErrors)
        .filter(([field]) => !(LOOKUP_FIELDS as readonly string[]).includes(field))
        .flatMap(([field, reasons]) => reasons.map((r) => `${field}：${r}`));
      setFailure(placed.length && !unplaced.length ? '请按提示修改后重新查询' : [apiError.message, ...unplaced].join('；'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <Typography.Title level={3}>信访人查询</Typography.Title>
      <Typography.Paragraph type="secondary">
        按身份证号、联系电话或姓名加地区（三选一）查询信访人以往的信访事项、办理状态和仍可申请复查、复核的期限。
      </Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="每次查询均留痕"
        description="系统记录查询人、时间、查询事由、查询方式和显示的信访件，督查人员可随时调阅。请仅为接待当事人查询。"
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<LookupValues> form={form} layout="vertical" aria-label="信访人查询" onFinish={(values) => void submit(values)}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="idNumber" label="身份证号" rules={[{ pattern: RESIDENT_ID, message: '请输入 18 位身份证号' }]}>
                <Input allowClear autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="phone" label="联系电话" rules={[{ pattern: PHONE, message: '请输入正确的手机或固定电话号码' }]}>
                <Input allowClear autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="name" label="姓名" rules={[{ max: 50, message: '姓名不超过 50 字' }]}>
                <Input allowClear autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="regionCode" label="地区" extra="与姓名一起使用：选区可查该区及其下各街道">
                <TreeSelect
                  allowClear
                  showSearch
                  treeNodeFilterProp="title"
                  placeholder="选择区或街道"
                  loading={reference.state === 'loading'}
                  treeData={reference.state === 'ready' ? reference.value.regions : []}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="reason"
            label="查询事由"
            rules={[
              { required: true, whitespace: true, message: '请填写查询事由（记入查询日志）' },
              { min: 4, max: 500, message: '查询事由为 4 至 500 字' },
            ]}
          >
            <Input placeholder="如：来访人询问其此前反映事项的办理情况" />
          </Form.Item>
          {failure ? <Alert type="error" showIcon style={{ marginBottom: 16 }} message={failure} /> : null}
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setResult(null);
                setFailure(null);
              }}
            >
              清空
            </Button>
          </Space>
        </Form>
      </Card>
      {result ? <LookupResult result={result} /> : null}
    </section>
  );
}

function LookupResult({ result }: { result: History }) {
  return (
    <Card
      size="small"
      title={
        <Space>
          <span>查询结果</span>
          {result.nameMasked ? <Tag>{result.nameMasked}</Tag> : null}
          <Typography.Text type="secondary">按{MATCHED_BY[result.matchedBy] ?? result.matchedBy}匹配</Typography.Text>
        </Space>
      }
    >
      {result.truncated ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="匹配的信访件超过 100 件，仅显示最近的 100 件" />
      ) : null}
      <Table<HistoryItem>
        rowKey="id"
        size="small"
        dataSource={result.petitions}
        pagination={result.petitions.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: <Empty description="未查到此人的信访记录，可直接登记" /> }}
        columns={[
          { title: '信访件编号', dataIndex: 'trackingNo', render: (v: string) => <Typography.Text copyable>{v}</Typography.Text> },
          { title: '标题', dataIndex: 'title' },
          { title: '渠道', dataIndex: 'channel', render: (v: string) => CHANNEL_LABELS[v] ?? v },
          { title: '登记时间', dataIndex: 'registeredAt', render: (v: string) => formatTime(v) },
          {
            title: '状态',
            dataIndex: 'status',
            render: (v: string, item) => <Tag color={item.open ? 'processing' : 'default'}>{PETITION_STATUS_LABELS[v] ?? v}</Tag>,
          },
          { title: '办理结果', key: 'outcome', render: (_, item) => outcomeOf(item) },
          {
            title: '可申请',
            key: 'window',
            render: (_, item) =>
              item.openWindow ? (
                <Tag color="orange">
                  {item.openWindow.kind === 'review' ? '复查' : '复核'}，最后一日 {lastDayOf(item.openWindow.until)}
                </Tag>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}

function outcomeOf(item: HistoryItem): string {
  if (item.replyOutcome) return REPLY_OUTCOME_LABELS[item.replyOutcome] ?? item.replyOutcome;
  if (item.triageOutcome && item.triageOutcome !== 'dispatch') {
    const label = TRIAGE_OUTCOME_LABELS[item.triageOutcome] ?? item.triageOutcome;
    return item.relatedTrackingNo ? `${label}（${item.relatedTrackingNo}）` : label;
  }
  return '—';
}
