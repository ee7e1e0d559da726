import { InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Segmented, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { components } from '../../api/generated/intake';
import { cityToday, formatTime } from '../../time/format';
import { PETITION_STATUS_LABELS, TRIAGE_OUTCOME_LABELS } from './labels';
import { usePagedList } from './paged-list';
import { useReferenceNames } from '../../reference/reference-names';
import { SubmissionKeys } from './submission-key';

type Petition = components['schemas']['PetitionView'];
type HotlineOrder = components['schemas']['HotlineOrderDto'];
type ImportResult = components['schemas']['HotlineOrderResultView'];

/** The API's batch limit (`POST /api/petitions/hotline-imports`). */
export const MAX_ORDERS = 200;
const PAGE = 50;

const PERIODS = [
  { value: 0, label: '今天' },
  { value: 6, label: '近 7 天' },
  { value: 29, label: '近 30 天' },
] as const;
type Period = (typeof PERIODS)[number]['value'];

const STATUS_OPTIONS = Object.entries(PETITION_STATUS_LABELS).map(([value, label]) => ({ value, label }));

/**
 * A 12345 export file as orders: either the API's body (`{ "orders": [...] }`) or a bare array.
 * Returns a reason in Chinese when the file is not such a batch.
 */
export function parseOrders(text: string): { orders: HotlineOrder[] } | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { problem: '文件不是有效的 JSON' };
  }
  const orders = Array.isArray(parsed) ? parsed : (parsed as { orders?: unknown } | null)?.orders;
  if (!Array.isArray(orders)) return { problem: '文件中没有工单列表（应为 {"orders": [...]} 或工单数组）' };
  if (!orders.length) return { problem: '文件中没有工单' };
  if (orders.length > MAX_ORDERS) return { problem: `一次最多导入 ${MAX_ORDERS} 件工单，文件中有 ${orders.length} 件，请分批导入` };
  if (!orders.every((o) => typeof o === 'object' && o !== null && !Array.isArray(o)))
    return { problem: '工单列表中每一项都应是一个工单对象' };
  return { orders: orders as HotlineOrder[] };
}

/** `orders.3.regionCode` → `第 4 件工单 regionCode`: the clerk counts from one. */
export function orderFieldLabel(field: string): string {
  const m = /^orders\.(\d+)\.?(.*)$/.exec(field);
  if (!m) return field;
  return `第 ${Number(m[1]) + 1} 件工单${m[2] ? ` ${m[2]}` : ''}`;
}

/** 12345 工单: what the hotline imports brought in and where each stands, and a batch import from a file. */
export function HotlinePage() {
  const [imports, setImports] = useState(0);
  return (
    <section>
      <Typography.Title level={3}>12345 工单</Typography.Title>
      <Typography.Paragraph type="secondary">
        从 12345 热线导入的工单：来电时间即收到时间，登记后直接进入分办；同一工单号再次导入返回首次登记的信访件，不会重复登记。
      </Typography.Paragraph>
      <ImportPanel onImported={() => setImports((n) => n + 1)} />
      <ImportedOrders key={imports} />
    </section>
  );
}

function ImportPanel({ onImported }: { onImported: () => void }) {
  const keys = useRef(new SubmissionKeys());
  const [file, setFile] = useState<{ name: string; orders: HotlineOrder[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [results, setResults] = useState<ImportResult[] | null>(null);
  const [sending, setSending] = useState(false);

  const read = async (f: File) => {
    setResults(null);
    setError(null);
    const parsed = parseOrders(await f.text());
    if ('problem' in parsed) {
      setFile(null);
      setProblem(`${f.name}：${parsed.problem}`);
    } else {
      setProblem(null);
      setFile({ name: f.name, orders: parsed.orders });
    }
  };

  const send = async () => {
    if (!file) return;
    const body = { orders: file.orders };
    setSending(true);
    setError(null);
    try {
      const answer = await unwrap(
        api.intake.POST('/api/petitions/hotline-imports', { body, params: { header: { 'Idempotency-Key': keys.current.keyFor(body) } } }),
      );
      keys.current.done();
      setResults(answer.results);
      setFile(null);
      onImported();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : ApiError.network(cause));
    } finally {
      setSending(false);
    }
  };

  const reasons = error ? Object.entries(error.fieldErrors).flatMap(([field, rs]) => rs.map((r) => `${orderFieldLabel(field)}：${r}`)) : [];

  return (
    <Card size="small" title="导入工单" style={{ marginBottom: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Upload.Dragger
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(f) => {
            void read(f);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>点击或拖入 12345 系统导出的工单文件（JSON）</p>
          <p style={{ color: 'rgba(0,0,0,0.45)' }}>每批最多 {MAX_ORDERS} 件；任一工单有误则整批不导入，并列出有误的字段</p>
        </Upload.Dragger>
        {problem ? <Alert type="error" showIcon message={problem} /> : null}
        {file ? (
          <Space>
            <span>
              {file.name}：{file.orders.length} 件工单
            </span>
            <Button type="primary" loading={sending} onClick={() => void send()}>
              导入
            </Button>
            <Button onClick={() => setFile(null)}>取消</Button>
          </Space>
        ) : null}
        {error ? (
          <Alert
            type="error"
            showIcon
            message={`导入失败，没有导入任何工单：${error.message}`}
            description={
              reasons.length ? (
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              ) : null
            }
          />
        ) : null}
        {results ? <ImportResults results={results} /> : null}
      </Space>
    </Card>
  );
}

function ImportResults({ results }: { results: ImportResult[] }) {
  const created = results.filter((r) => r.created).length;
  return (
    <>
      <Alert
        type="success"
        showIcon
        message={`已处理 ${results.length} 件工单：新登记 ${created} 件，此前已导入 ${results.length - created} 件`}
        description="查询码只在此显示一次，请通过 12345 回访短信告知来电人；此前已导入的工单不再显示查询码。"
      />
      <Table<ImportResult>
        rowKey="externalOrderId"
        size="small"
        pagination={false}
        dataSource={results}
        columns={[
          { title: '工单号', dataIndex: 'externalOrderId' },
          { title: '信访件编号', dataIndex: 'trackingNo' },
          { title: '结果', key: 'created', render: (_, r) => (r.created ? <Tag color="green">新登记</Tag> : <Tag>此前已导入</Tag>) },
          { title: '状态', key: 'status', render: (_, r) => PETITION_STATUS_LABELS[r.status] ?? r.status },
          {
            title: '查询码',
            key: 'queryCode',
            render: (_, r) => (r.queryCode ? <Typography.Text copyable>{r.queryCode}</Typography.Text> : '—'),
          },
        ]}
      />
    </>
  );
}

function ImportedOrders() {
  const names = useReferenceNames();
  const [period, setPeriod] = useState<Period>(0);
  const [status, setStatus] = useState<string | undefined>();
  const from = useMemo(() => cityToday().subtract(period, 'day').startOf('day').format('YYYY-MM-DDTHH:mm:ssZ'), [period]);
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      unwrap(
        api.intake.GET('/api/petitions', {
          params: { query: { source: 'hotline', from, status: status as Petition['status'] | undefined, limit: PAGE, cursor } },
        }),
      ),
    [from, status],
  );
  const list = usePagedList<Petition>(fetchPage);

  return (
    <Card
      size="small"
      title="已导入的工单"
      extra={
        <Space>
          <Segmented<Period> aria-label="导入时间" options={[...PERIODS]} value={period} onChange={setPeriod} />
          <Select
            aria-label="状态"
            placeholder="全部状态"
            allowClear
            style={{ width: 140 }}
            options={STATUS_OPTIONS}
            value={status}
            onChange={setStatus}
          />
          <Button type="text" icon={<ReloadOutlined />} aria-label="刷新已导入的工单" onClick={list.reload} />
        </Space>
      }
    >
      {list.error ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={`无法加载已导入的工单：${list.error.message}`} />
      ) : null}
      <Table<Petition>
        rowKey="id"
        size="small"
        loading={list.loading && !list.items.length}
        dataSource={list.items}
        pagination={false}
        locale={{ emptyText: <Empty description="这段时间没有导入的 12345 工单" /> }}
        columns={[
          { title: '工单号', dataIndex: 'externalOrderId' },
          { title: '信访件编号', dataIndex: 'trackingNo' },
          { title: '标题', dataIndex: 'title', ellipsis: true },
          { title: '地区', key: 'region', render: (_, p) => names.region(p.regionCode) },
          { title: '来电时间', key: 'receivedAt', render: (_, p) => formatTime(p.receivedAt) },
          { title: '导入时间', key: 'registeredAt', render: (_, p) => formatTime(p.registeredAt) },
          {
            title: '状态',
            key: 'status',
            render: (_, p) => (
              <Space size={4}>
                <Tag color={p.status === 'registered' ? 'orange' : 'blue'}>{PETITION_STATUS_LABELS[p.status] ?? p.status}</Tag>
                {p.triage && p.triage.outcome !== 'dispatch' ? (
                  <Tag>{TRIAGE_OUTCOME_LABELS[p.triage.outcome] ?? p.triage.outcome}</Tag>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {list.hasMore ? (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={list.loadMore} loading={list.loading}>
            加载更多
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
