import { Alert, App, Button, Descriptions, Empty, Form, Input, Modal, Radio, Segmented, Space, Spin, Table, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { components } from '../../api/generated/dispatch';
import { formatTime } from '../../time/format';
import { usePagedList } from '../window/paged-list';
import { useLoaded, type Loaded } from '../../reference/reference-data';
import { SubmissionKeys } from '../window/submission-key';
import { ASSIGNMENT_FIELDS, AssignmentFields, defaultTrack, toAssignmentBody, type AssignmentValues } from './assignment-fields';
import { categoryName, loadDirectory, NATURE_LABELS, regionName, TRACK_LABELS, unitName, type Directory } from './directory';

type ReturnView = components['schemas']['ReturnView'];
type Assignment = components['schemas']['AssignmentView'];
type Status = 'requested' | 'confirmed' | 'rejected';

/** A return request with the assignment it returns (tracking number, title, units), when dispatch knows it. */
export interface ReturnRow extends ReturnView {
  assignment: Assignment | null;
}

const STATUS_LABELS: Record<string, string> = { requested: '待审核', confirmed: '已确认退回', rejected: '已驳回' };

/** Reads the assignments of a page's petitions (`GET /api/assignments?petitionId=`), one request per petition. */
async function withAssignments(items: ReturnView[]): Promise<ReturnRow[]> {
  const petitionIds = [...new Set(items.map((r) => r.petitionId))];
  const lists = await Promise.all(
    petitionIds.map((petitionId) =>
      unwrap(api.dispatch.GET('/api/assignments', { params: { query: { petitionId } } })).then(
        (list) => list.items,
        () => [] as Assignment[],
      ),
    ),
  );
  const byId = new Map(lists.flat().map((a) => [a.id, a]));
  return items.map((r) => ({ ...r, assignment: byId.get(r.assignmentId) ?? null }));
}

/** 退回审核: units' requests to return a misrouted assignment; the dispatcher confirms (and re-assigns) or rejects. */
export function ReturnsPage() {
  const [status, setStatus] = useState<Status>('requested');
  const [deciding, setDeciding] = useState<{ row: ReturnRow; decision: 'confirm' | 'reject' } | null>(null);
  const directory = useLoaded(loadDirectory);
  const dir = directory.state === 'ready' ? directory.value : null;
  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const page = await unwrap(api.dispatch.GET('/api/returns', { params: { query: { status, limit: 50, cursor } } }));
      return { items: await withAssignments(page.items), nextCursor: page.nextCursor };
    },
    [status],
  );
  const list = usePagedList<ReturnRow>(fetchPage);

  return (
    <section>
      <Typography.Title level={3}>退回审核</Typography.Title>
      <Typography.Paragraph type="secondary">
        承办单位认为不属本单位职责、在退回期限（交办后 5
        个工作日）内申请退回的事项。确认退回后重新交办（可指定新的主办单位，或按路由规则重新分派并跳过已退回的单位）；不属实的予以驳回，事项仍由原单位办理。同一事项第二次确认退回时转入人工分办队列。
      </Typography.Paragraph>
      <Segmented<Status>
        style={{ marginBottom: 12 }}
        value={status}
        onChange={setStatus}
        options={(['requested', 'confirmed', 'rejected'] as const).map((value) => ({ value, label: STATUS_LABELS[value] }))}
      />
      {list.error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={`无法加载退回申请：${list.error.message}`} /> : null}
      <Table<ReturnRow>
        rowKey="id"
        size="small"
        loading={list.loading && !list.items.length}
        dataSource={list.items}
        pagination={false}
        locale={{
          emptyText: <Empty description={status === 'requested' ? '没有待审核的退回申请' : `没有${STATUS_LABELS[status]}的退回申请`} />,
        }}
        columns={[
          { title: '信访件编号', key: 'trackingNo', render: (_, r) => r.assignment?.trackingNo ?? '—' },
          { title: '标题', key: 'title', render: (_, r) => r.assignment?.title ?? '—' },
          { title: '申请退回单位', dataIndex: 'unitId', render: (v: string) => unitName(dir, v) },
          {
            title: '退回理由',
            dataIndex: 'reason',
            render: (v: string) => <Typography.Paragraph style={{ margin: 0 }}>{v}</Typography.Paragraph>,
          },
          { title: '申请时间', dataIndex: 'requestedAt', render: (v: string) => formatTime(v) },
          ...(status === 'requested'
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, r: ReturnRow) => (
                    <Space>
                      <Button size="small" type="primary" onClick={() => setDeciding({ row: r, decision: 'confirm' })}>
                        确认退回
                      </Button>
                      <Button size="small" danger onClick={() => setDeciding({ row: r, decision: 'reject' })}>
                        驳回
                      </Button>
                    </Space>
                  ),
                },
              ]
            : [
                { title: '处理时间', dataIndex: 'decidedAt', render: (v: string | null) => formatTime(v) },
                { title: '处理说明', dataIndex: 'decisionNote', render: (v: string | null) => v ?? '—' },
              ]),
        ]}
      />
      {list.hasMore ? (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={list.loadMore} loading={list.loading}>
            加载更多
          </Button>
        </div>
      ) : null}
      {deciding ? (
        <DecideDialog
          row={deciding.row}
          decision={deciding.decision}
          directory={directory}
          onClose={() => setDeciding(null)}
          onDone={() => {
            list.remove((r) => r.id === deciding.row.id);
            setDeciding(null);
          }}
        />
      ) : null}
    </section>
  );
}

interface DecisionValues extends AssignmentValues {
  mode?: 'rules' | 'choose';
  note?: string;
}

function DecideDialog({
  row,
  decision,
  directory,
  onClose,
  onDone,
}: {
  row: ReturnRow;
  decision: 'confirm' | 'reject';
  directory: Loaded<Directory>;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const keys = useRef(new SubmissionKeys());
  const mode = Form.useWatch('mode', form);
  const dir = directory.state === 'ready' ? directory.value : null;
  const a = row.assignment;

  const fail = (error: unknown) => {
    const apiError = error instanceof ApiError ? error : ApiError.network(error);
    if (apiError.status === 401) return;
    const known = (f: string) => f === 'note' || (ASSIGNMENT_FIELDS as readonly string[]).includes(f);
    const placed = Object.entries(apiError.fieldErrors).filter(([f]) => known(f));
    form.setFields(placed.map(([f, errors]) => ({ name: f as keyof DecisionValues, errors })));
    setFailure(placed.length ? `${apiError.message}：请按提示修改` : apiError.message);
  };

  const submit = async (v: DecisionValues) => {
    const note = v.note?.trim() || undefined;
    setBusy(true);
    setFailure(null);
    try {
      if (decision === 'reject') {
        const body = { note: note ?? '' };
        await unwrap(
          api.dispatch.POST('/api/returns/{id}/reject', {
            params: { path: { id: row.id }, header: { 'Idempotency-Key': keys.current.keyFor({ id: row.id, body }) } },
            body,
          }),
        );
        void message.success('已驳回退回申请，事项仍由原单位办理');
      } else {
        const body = v.mode === 'choose' ? { note, ...toAssignmentBody(v) } : { note };
        await unwrap(
          api.dispatch.POST('/api/returns/{id}/confirm', {
            params: { path: { id: row.id }, header: { 'Idempotency-Key': keys.current.keyFor({ id: row.id, body }) } },
            body,
          }),
        );
        void message.success(
          v.mode === 'choose' ? `已确认退回，改交 ${unitName(dir, v.leadUnitId ?? '')} 办理` : '已确认退回，按路由规则重新分派',
        );
      }
      keys.current.done();
      onDone();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={decision === 'confirm' ? 860 : 560}
      title={decision === 'confirm' ? `确认退回 ${a?.trackingNo ?? ''}` : `驳回退回申请 ${a?.trackingNo ?? ''}`}
      okText={decision === 'confirm' ? '确认退回' : '确认驳回'}
      okButtonProps={{ danger: decision === 'reject' }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Descriptions size="small" bordered column={2} style={{ marginBottom: 16 }}>
        {a ? (
          <>
            <Descriptions.Item label="标题" span={2}>
              {a.title}
            </Descriptions.Item>
            <Descriptions.Item label="问题分类">{categoryName(dir, a.categoryCode)}</Descriptions.Item>
            <Descriptions.Item label="问题发生地">{regionName(dir, a.regionCode)}</Descriptions.Item>
            <Descriptions.Item label="原主办单位">{unitName(dir, a.leadUnitId)}</Descriptions.Item>
            <Descriptions.Item label="性质">{NATURE_LABELS[a.nature] ?? a.nature}</Descriptions.Item>
            <Descriptions.Item label="办理程序">{TRACK_LABELS[a.track] ?? a.track}</Descriptions.Item>
          </>
        ) : null}
        <Descriptions.Item label="申请单位">{unitName(dir, row.unitId)}</Descriptions.Item>
        <Descriptions.Item label="申请时间">{formatTime(row.requestedAt)}</Descriptions.Item>
        <Descriptions.Item label="退回理由" span={2}>
          {row.reason}
        </Descriptions.Item>
      </Descriptions>
      <Form<DecisionValues>
        form={form}
        layout="vertical"
        aria-label={decision === 'confirm' ? '确认退回' : '驳回退回申请'}
        initialValues={{ mode: 'rules', track: a ? a.track : defaultTrack('claim'), coHandlerUnitIds: [] }}
        onFinish={(v) => void submit(v)}
        onValuesChange={() => setFailure(null)}
      >
        {decision === 'confirm' ? (
          <>
            <Form.Item name="mode" label="重新交办">
              <Radio.Group>
                <Space direction="vertical">
                  <Radio value="rules">按路由规则重新分派（跳过已退回的单位；无规则时转入人工分办队列）</Radio>
                  <Radio value="choose" disabled={!a}>
                    指定新的主办单位
                  </Radio>
                </Space>
              </Radio.Group>
            </Form.Item>
            {mode === 'choose' && a ? (
              dir ? (
                <AssignmentFields
                  directory={dir}
                  petition={{ nature: a.nature, categoryCode: a.categoryCode, regionCode: a.regionCode }}
                  excludeUnitIds={[row.unitId]}
                />
              ) : directory.state === 'failed' ? (
                <Alert type="error" showIcon message={`无法加载单位目录：${directory.error.message}`} />
              ) : (
                <Spin />
              )
            ) : null}
            <Form.Item name="note" label="说明（可选）" rules={[{ max: 2000, message: '说明不超过 2000 字' }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="note"
            label="驳回理由"
            extra="将告知申请退回的单位"
            rules={[
              { required: true, whitespace: true, message: '请填写驳回理由' },
              { max: 2000, message: '驳回理由不超过 2000 字' },
            ]}
          >
            <Input.TextArea rows={3} placeholder="如：经核实属本单位职责，请依法受理" />
          </Form.Item>
        )}
        {failure ? <Alert type="error" showIcon message={failure} /> : null}
      </Form>
      {a ? null : <Typography.Text type="secondary">未能读取该交办单的详情，只能按路由规则重新分派。</Typography.Text>}
    </Modal>
  );
}
