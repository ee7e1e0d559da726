import { Alert, App, Button, Descriptions, Empty, Form, Modal, Select, Space, Spin, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { components } from '../../api/generated/dispatch';
import { formatTime } from '../../time/format';
import { CANDIDATE_CAUSE_TEXT, queueReasonText } from './queue-reasons';
import { usePagedList } from '../window/paged-list';
import { useLoaded, type Loaded } from '../../reference/reference-data';
import { SubmissionKeys } from '../window/submission-key';
import { ASSIGNMENT_FIELDS, AssignmentFields, defaultTrack, toAssignmentBody, type AssignmentValues } from './assignment-fields';
import {
  categoryName,
  loadDirectory,
  NATURE_LABELS,
  REASON_KIND_LABELS,
  regionName,
  TRACK_LABELS,
  unitName,
  type Directory,
} from './directory';

export type QueuedPetition = components['schemas']['QueuedPetitionView'];
type Explain = components['schemas']['ExplainView'];
type ReasonKind = NonNullable<NonNullable<components['schemas']['QueuedPetitionView']['reasonKind']>>;

const CANDIDATE_OUTCOMES: Record<string, { label: string; color: string }> = {
  winner: { label: '采用', color: 'green' },
  outranked: { label: '优先级较低', color: 'default' },
  excluded: { label: '已排除', color: 'orange' },
  not_applicable: { label: '不适用', color: 'default' },
};

/** 人工分办: petitions the routing rules could not assign, why, and the dispatcher's 交办. */
export function QueuePage() {
  const [reasonKind, setReasonKind] = useState<ReasonKind | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [current, setCurrent] = useState<QueuedPetition | null>(null);
  const directory = useLoaded(loadDirectory);
  const dir = directory.state === 'ready' ? directory.value : null;
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      unwrap(
        api.dispatch.GET('/api/dispatch-queue', {
          params: { query: { limit: 50, cursor, reasonKind, overdue: overdue ? true : undefined } },
        }),
      ),
    [reasonKind, overdue],
  );
  const list = usePagedList<QueuedPetition>(fetchPage);

  return (
    <section>
      <Typography.Title level={3}>人工分办</Typography.Title>
      <Typography.Paragraph type="secondary">
        路由规则无法自动交办的信访件（无适用规则、紧急或集体访需领导先阅、指向被控告单位、多次退回）。分办期限为登记后 1
        个工作日。展开一行可查看路由规则的判断过程。
      </Typography.Paragraph>
      {directory.state === 'failed' ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={`无法加载单位目录：${directory.error.message}`} />
      ) : null}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<ReasonKind>
          allowClear
          placeholder="转人工原因"
          style={{ width: 220 }}
          value={reasonKind}
          onChange={setReasonKind}
          options={Object.entries(REASON_KIND_LABELS).map(([value, label]) => ({ value: value as ReasonKind, label }))}
          aria-label="按转人工原因筛选"
        />
        <Space>
          <Switch checked={overdue} onChange={setOverdue} aria-label="只看已超期" />
          <span>只看已超期</span>
        </Space>
      </Space>
      {list.error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={`无法加载分办队列：${list.error.message}`} /> : null}
      <Table<QueuedPetition>
        rowKey="petitionId"
        size="small"
        loading={list.loading && !list.items.length}
        dataSource={list.items}
        pagination={false}
        locale={{ emptyText: <Empty description="分办队列已清空，所有信访件都已交办" /> }}
        expandable={{ expandedRowRender: (item) => <RoutingExplanation item={item} directory={dir} /> }}
        columns={[
          { title: '信访件编号', dataIndex: 'trackingNo' },
          {
            title: '标题',
            dataIndex: 'title',
            render: (v: string, item) => (
              <Space wrap size={4}>
                {v}
                {item.emergency ? <Tag color="red">紧急</Tag> : null}
                {item.headcount >= 5 ? <Tag color="orange">集体访 {item.headcount} 人</Tag> : null}
                {item.escalated ? <Tag color="volcano">需升级</Tag> : null}
              </Space>
            ),
          },
          { title: '性质', dataIndex: 'nature', render: (v: string) => NATURE_LABELS[v] ?? v },
          { title: '问题分类', dataIndex: 'categoryCode', render: (v: string) => categoryName(dir, v) },
          { title: '问题发生地', dataIndex: 'regionCode', render: (v: string) => regionName(dir, v) },
          {
            title: '转人工原因',
            key: 'reason',
            render: (_, item) => (
              <Space direction="vertical" size={0}>
                <Tag color="gold">{REASON_KIND_LABELS[item.reasonKind] ?? item.reasonKind}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {queueReasonText(item, dir)}
                </Typography.Text>
              </Space>
            ),
          },
          { title: '入队时间', dataIndex: 'queuedAt', render: (v: string) => formatTime(v) },
          {
            title: '分办期限',
            dataIndex: 'triageDue',
            render: (v: string, item) => (
              <Space size={4}>
                {formatTime(v)}
                {item.overdue ? <Tag color="red">已超期</Tag> : null}
              </Space>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, item) => (
              <Button type="primary" size="small" onClick={() => setCurrent(item)} aria-label={`交办 ${item.trackingNo}`}>
                交办
              </Button>
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
      {current ? (
        <AssignDialog
          item={current}
          directory={directory}
          onClose={() => setCurrent(null)}
          onGone={() => {
            list.remove((p) => p.petitionId === current.petitionId);
            setCurrent(null);
          }}
        />
      ) : null}
    </section>
  );
}

/** Which rules the routing considered for this petition and why none decided (`POST /api/routing/explain`). */
function RoutingExplanation({ item, directory }: { item: QueuedPetition; directory: Directory | null }) {
  const [state, setState] = useState<{ explain?: Explain; error?: ApiError }>({});
  useEffect(() => {
    let live = true;
    unwrap(
      api.dispatch.POST('/api/routing/explain', {
        body: {
          nature: item.nature,
          categoryCode: item.categoryCode,
          regionCode: item.regionCode,
          headcount: item.headcount,
          emergency: item.emergency,
        },
      }),
    ).then(
      (explain) => live && setState({ explain }),
      (error: unknown) => live && setState({ error: error instanceof ApiError ? error : ApiError.network(error) }),
    );
    return () => {
      live = false;
    };
  }, [item]);

  if (state.error) return <Alert type="warning" showIcon message={`无法取得路由说明：${state.error.message}`} />;
  if (!state.explain) return <Spin size="small" />;
  const { explain } = state;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="入队原因">{queueReasonText(item, directory)}</Descriptions.Item>
        <Descriptions.Item label="按分类">{categoryName(directory, explain.categoryCode)}</Descriptions.Item>
        <Descriptions.Item label="地区逐级">{explain.regionChain.map((c) => regionName(directory, c)).join(' → ')}</Descriptions.Item>
        <Descriptions.Item label="规则判断">
          {explain.decision.kind === 'queue'
            ? queueReasonText({ ...item, reasonKind: explain.decision.reasonKind as QueuedPetition['reasonKind'] }, directory)
            : '现行规则可以自动交办（见下表的“最适用”规则）。'}
        </Descriptions.Item>
        {explain.decision.kind === 'assign' && explain.decision.leadUnitId ? (
          <Descriptions.Item label="现行规则会交办">
            {unitName(directory, explain.decision.leadUnitId)}（入队原因仍需人工确认）
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Table
        size="small"
        rowKey={(c) => c.rule.id}
        pagination={false}
        dataSource={explain.candidates}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该分类在本地区及上级地区都没有路由规则" /> }}
        columns={[
          {
            title: '规则',
            key: 'rule',
            render: (_, c) =>
              `${categoryName(directory, c.rule.categoryCode)} · ${c.rule.regionCode ? regionName(directory, c.rule.regionCode) : '全市'}${
                c.rule.nature ? ` · ${NATURE_LABELS[c.rule.nature] ?? c.rule.nature}` : ''
              }`,
          },
          { title: '主办单位', key: 'lead', render: (_, c) => unitName(directory, c.rule.leadUnitId) },
          { title: '程序', key: 'track', render: (_, c) => TRACK_LABELS[c.rule.track] ?? c.rule.track },
          { title: '优先级', key: 'priority', render: (_, c) => c.rule.priority },
          {
            title: '结果',
            key: 'outcome',
            render: (_, c) => <Tag color={CANDIDATE_OUTCOMES[c.outcome]?.color}>{CANDIDATE_OUTCOMES[c.outcome]?.label ?? c.outcome}</Tag>,
          },
          { title: '原因', key: 'cause', render: (_, c) => CANDIDATE_CAUSE_TEXT[c.cause] ?? c.cause },
        ]}
      />
    </Space>
  );
}

function AssignDialog({
  item,
  directory,
  onClose,
  onGone,
}: {
  item: QueuedPetition;
  directory: Loaded<Directory>;
  onClose: () => void;
  /** The petition left the queue: assigned here, or already by someone else. */
  onGone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignmentValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const keys = useRef(new SubmissionKeys());
  const dir = directory.state === 'ready' ? directory.value : null;

  const submit = async (values: AssignmentValues) => {
    const body = { petitionId: item.petitionId, ...toAssignmentBody(values) };
    setBusy(true);
    setFailure(null);
    try {
      const assignment = await unwrap(
        api.dispatch.POST('/api/assignments', { params: { header: { 'Idempotency-Key': keys.current.keyFor(body) } }, body }),
      );
      keys.current.done();
      void message.success(
        `${item.trackingNo} 已交办 ${unitName(dir, assignment.leadUnitId)}，受理期限 ${formatTime(assignment.acceptDue)}`,
      );
      onGone();
    } catch (error) {
      const apiError = error instanceof ApiError ? error : ApiError.network(error);
      if (apiError.status === 401) return;
      if (apiError.code === 'ASSIGNMENT_NOT_IN_QUEUE') {
        void message.warning(apiError.message);
        onGone();
        return;
      }
      const known = (f: string) => (ASSIGNMENT_FIELDS as readonly string[]).includes(f);
      const placed = Object.entries(apiError.fieldErrors).filter(([f]) => known(f));
      form.setFields(placed.map(([f, errors]) => ({ name: f as keyof AssignmentValues, errors })));
      setFailure(placed.length ? `${apiError.message}：请按提示修改` : apiError.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={860}
      title={`交办 ${item.trackingNo}`}
      okText="确认交办"
      okButtonProps={{ disabled: !dir }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Descriptions size="small" bordered column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="标题" span={2}>
          {item.title}
        </Descriptions.Item>
        <Descriptions.Item label="性质">{NATURE_LABELS[item.nature] ?? item.nature}</Descriptions.Item>
        <Descriptions.Item label="信访人">
          {item.petitionerNameMasked}
          {item.headcount > 1 ? `（${item.headcount} 人）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="问题分类">{categoryName(dir, item.categoryCode)}</Descriptions.Item>
        <Descriptions.Item label="问题发生地">{regionName(dir, item.regionCode)}</Descriptions.Item>
        <Descriptions.Item label="转人工原因" span={2}>
          {queueReasonText(item, dir)}
        </Descriptions.Item>
      </Descriptions>
      {item.nature === 'accusation' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="检举控告类事项须由纪检监察机关主办，且不得交被检举控告单位（《信访工作条例》第三十条）"
        />
      ) : null}
      {directory.state === 'loading' ? <Spin /> : null}
      {directory.state === 'failed' ? <Alert type="error" showIcon message={`无法加载单位目录：${directory.error.message}`} /> : null}
      {dir ? (
        <Form<AssignmentValues>
          form={form}
          layout="vertical"
          aria-label="交办"
          initialValues={{ track: defaultTrack(item.nature), coHandlerUnitIds: [] }}
          onFinish={(v) => void submit(v)}
          onValuesChange={() => setFailure(null)}
        >
          <AssignmentFields directory={dir} petition={item} />
          {failure ? <Alert type="error" showIcon message={failure} /> : null}
        </Form>
      ) : null}
    </Modal>
  );
}
