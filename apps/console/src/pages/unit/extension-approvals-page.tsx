import { Alert, App, Button, Card, Empty, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/generated/handling';
import { ApiError } from '../../api/errors';
import { newIdempotencyKey } from '../../api/idempotency';
import { formatTime } from '../../time/format';
import { usePagedList } from '../window/paged-list';

type ListedRequest = components['schemas']['ExtensionRequestListItemView'];
type Decision = 'approve' | 'deny';
type Status = 'pending' | 'approved' | 'denied';

const STATUS: Record<Status, { label: string; color: string }> = {
  pending: { label: '待审批', color: 'blue' },
  approved: { label: '已批准', color: 'green' },
  denied: { label: '不予批准', color: 'red' },
};

/**
 * 延期审批: the unit's extension requests, oldest first — the pending ones are the unit head's
 * queue (条例 Art. 34: the head of the unit may extend by at most 30 days, and the petitioner is
 * told the reason). Each is approved or denied with a note; decided ones are listed on the other tabs.
 */
export function ExtensionApprovalsPage() {
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [status, setStatus] = useState<Status>('pending');
  const [deciding, setDeciding] = useState<{ request: ListedRequest; decision: Decision } | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef<string | null>(null);

  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      unwrap(api.handling.GET('/api/extension-requests', { params: { query: { status, limit: 50, ...(cursor ? { cursor } : {}) } } })),
    [status],
  );
  const list = usePagedList<ListedRequest>(fetchPage);

  const open = (request: ListedRequest, decision: Decision) => {
    key.current = newIdempotencyKey();
    setNote('');
    setNoteError(null);
    setDeciding({ request, decision });
  };

  const decide = async () => {
    if (!deciding) return;
    setBusy(true);
    setNoteError(null);
    const request = {
      params: { path: { id: deciding.request.id }, header: { 'Idempotency-Key': key.current as string } },
      body: note.trim() ? { note: note.trim() } : {},
    };
    try {
      const result = await unwrap(
        deciding.decision === 'approve'
          ? api.handling.POST('/api/extension-requests/{id}/approve', request)
          : api.handling.POST('/api/extension-requests/{id}/deny', request),
      );
      void message.success(
        deciding.decision === 'approve'
          ? `已批准延期 ${result.days} 日，新的办理期限 ${formatTime(result.dueAfter)}`
          : '已决定不予延期，原办理期限不变',
      );
      setDeciding(null);
      list.reload();
    } catch (error) {
      const apiError = error instanceof ApiError ? error : ApiError.network(error);
      if (apiError.fieldErrors.note) setNoteError(apiError.fieldErrors.note.join('；'));
      else setNoteError(apiError.message);
    } finally {
      setBusy(false);
    }
  };

  const highlighted = params.get('request');
  return (
    <section>
      <Typography.Title level={3}>延期审批</Typography.Title>
      <Typography.Paragraph type="secondary">
        本单位经办人提出的延期申请，按提出时间排列：批准后办理期限按申请天数顺延（最长 30
        日，每件一次），不批准则原期限不变。延期理由会告知信访人。
      </Typography.Paragraph>
      <Card
        size="small"
        tabList={(Object.keys(STATUS) as Status[]).map((s) => ({ key: s, tab: STATUS[s].label }))}
        activeTabKey={status}
        onTabChange={(k) => setStatus(k as Status)}
      >
        {list.error ? <Alert type="error" showIcon style={{ marginBottom: 16 }} message={list.error.message} /> : null}
        <Table<ListedRequest>
          rowKey="id"
          size="small"
          loading={list.loading}
          pagination={false}
          dataSource={list.items}
          rowClassName={(r) => (r.id === highlighted ? 'ant-table-row-selected' : '')}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={status === 'pending' ? '没有待审批的延期申请。' : `没有${STATUS[status].label}的延期申请。`}
              />
            ),
          }}
          columns={[
            {
              title: '信访事项',
              dataIndex: 'trackingNo',
              render: (_: string, r) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/handling/items/${r.workItemId}`}>{r.trackingNo}</Link>
                  <Typography.Text type="secondary">{r.title}</Typography.Text>
                </Space>
              ),
            },
            { title: '延期天数', dataIndex: 'days', width: 90, render: (d: number) => `${d} 日` },
            { title: '延期理由', dataIndex: 'reason' },
            { title: '提出时间', dataIndex: 'requestedAt', width: 150, render: (t: string) => formatTime(t) },
            { title: '原办理期限', dataIndex: 'dueBefore', width: 150, render: (t: string) => formatTime(t) },
            {
              title: status === 'pending' ? '审批' : '结果',
              key: 'decision',
              width: 200,
              render: (_: unknown, r) =>
                r.status === 'pending' ? (
                  <Space>
                    <Button type="primary" size="small" onClick={() => open(r, 'approve')}>
                      同意
                    </Button>
                    <Button danger size="small" onClick={() => open(r, 'deny')}>
                      不同意
                    </Button>
                  </Space>
                ) : (
                  <Space direction="vertical" size={0}>
                    <Tag color={STATUS[r.status as Status].color}>{STATUS[r.status as Status].label}</Tag>
                    {r.dueAfter ? <Typography.Text type="secondary">新期限 {formatTime(r.dueAfter)}</Typography.Text> : null}
                    {r.decisionNote ? <Typography.Text type="secondary">{r.decisionNote}</Typography.Text> : null}
                  </Space>
                ),
            },
          ]}
        />
        {list.hasMore ? (
          <Button style={{ marginTop: 12 }} loading={list.loading} onClick={list.loadMore}>
            加载更多
          </Button>
        ) : null}
      </Card>
      <Modal
        open={deciding !== null}
        title={deciding?.decision === 'approve' ? '同意延期' : '不同意延期'}
        okText={deciding?.decision === 'approve' ? '同意' : '不同意'}
        okButtonProps={{ danger: deciding?.decision === 'deny', loading: busy }}
        cancelText="取消"
        onOk={() => void decide()}
        onCancel={() => setDeciding(null)}
        destroyOnHidden
      >
        {deciding ? (
          <Typography.Paragraph>
            {deciding.request.trackingNo}「{deciding.request.title}」申请延期 {deciding.request.days} 日：{deciding.request.reason}
          </Typography.Paragraph>
        ) : null}
        <Input.TextArea
          aria-label="审批意见"
          rows={3}
          showCount
          maxLength={1000}
          placeholder={deciding?.decision === 'approve' ? '如：同意延期二十日。' : '如：请按期办结。'}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          status={noteError ? 'error' : undefined}
        />
        {noteError ? <Typography.Text type="danger">{noteError}</Typography.Text> : null}
      </Modal>
    </section>
  );
}
