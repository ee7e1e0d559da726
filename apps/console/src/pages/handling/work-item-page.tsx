import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Result, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import { newIdempotencyKey } from '../../api/idempotency';
import { hasAnyRole } from '../../auth/auth-provider';
import { useCurrentUser } from '../../auth/auth-context';
import { useReferenceNames } from '../../reference/reference-names';
import { formatTime } from '../../time/format';
import { ForbiddenPage } from '../status-pages';
import { loadWorkItem, type ExtensionRequest, type WorkItemDetail } from './handling-api';
import { DeadlineInForce, DeadlineTag, NATURE_LABELS, ROLE_LABELS, TRACK_LABELS, statusLabel } from './handling-labels';
import { useLoad } from './use-load';
import { ContactModal, ContributionModal, ExtensionModal, NoteModal, ReplyModal, ReturnModal, type ActionKind } from './work-item-actions';
import { CaseFileCard, DocumentsCard, HistoryCard, RepliesCard } from './work-item-sections';

/** What the item's state allows its unit to do now (the service checks again). */
export function allowedActions(item: WorkItemDetail): Record<ActionKind | 'accept', boolean> {
  const lead = item.role === 'lead';
  const waitingReturn = Boolean(item.returnRequestedAt);
  const accepted = item.status === 'accepted';
  return {
    accept: lead && item.status === 'assigned' && !waitingReturn,
    return: lead && (item.status === 'assigned' || accepted) && !waitingReturn,
    contact: lead && accepted,
    note: item.status !== 'returned',
    contribution: !lead && item.status !== 'returned' && item.status !== 'closed',
    // Once, before the handling deadline; a rework runs on supervision's deadline, which does not extend.
    extension: lead && accepted && !waitingReturn && !item.reworkDue && Boolean(item.handlingDue) && item.deadlineState !== 'overdue',
    reply: lead && accepted && !waitingReturn,
  };
}

/** 办理: one work item of the unit, with the whole petition, its history and the steps it allows. */
export function WorkItemPage() {
  const user = useCurrentUser();
  const { id = '' } = useParams();
  if (!hasAnyRole(user, ['handler', 'unit_head'])) return <ForbiddenPage />;
  return <WorkItem key={id} id={id} />;
}

function WorkItem({ id }: { id: string }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const load = useCallback(() => loadWorkItem(id), [id]);
  const detail = useLoad(load);
  const names = useReferenceNames();
  const [open, setOpen] = useState<ActionKind | null>(null);
  const [accepting, setAccepting] = useState(false);
  const [extension, setExtension] = useState<ExtensionRequest | null>(null);
  const acceptKey = useRef<string | null>(null);

  if (!detail.value) {
    if (detail.status === 'failed') {
      const notFound = detail.error.status === 404;
      return (
        <Result
          status={notFound ? '404' : 'error'}
          title={notFound ? '未找到该事项' : '加载失败'}
          subTitle={notFound ? '该事项不存在，或不属于本单位。' : detail.error.message}
          extra={
            <Space>
              <Button onClick={() => void navigate('/handling/inbox')}>返回待办事项</Button>
              {notFound ? null : (
                <Button type="primary" onClick={detail.reload}>
                  重试
                </Button>
              )}
            </Space>
          }
        />
      );
    }
    return (
      <div style={{ textAlign: 'center', padding: 48 }}>
        <Spin tip="正在加载事项…">
          <div style={{ minHeight: 48 }} />
        </Spin>
      </div>
    );
  }

  const item = detail.value;
  const can = allowedActions(item);
  const done = () => {
    setOpen(null);
    detail.reload();
  };

  const accept = async () => {
    acceptKey.current ??= newIdempotencyKey();
    setAccepting(true);
    try {
      await unwrap(
        api.handling.POST('/api/work-items/{id}/accept', {
          params: { path: { id: item.id }, header: { 'Idempotency-Key': acceptKey.current } },
        }),
      );
      acceptKey.current = null;
      void message.success('已受理，办理期限开始计算');
      detail.reload();
    } catch (error) {
      void message.error(`受理失败：${(error instanceof ApiError ? error : ApiError.network(error)).message}`);
    } finally {
      setAccepting(false);
    }
  };

  return (
    <section>
      <Space style={{ marginBottom: 8 }}>
        <Link to="/handling/inbox">
          <ArrowLeftOutlined /> 待办事项
        </Link>
      </Space>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {item.title}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Typography.Text copyable>{item.trackingNo}</Typography.Text>
        <Tag color={item.role === 'lead' ? 'blue' : 'purple'}>{ROLE_LABELS[item.role]}</Tag>
        <Tag data-testid="work-item-status">{statusLabel(item)}</Tag>
        <DeadlineTag state={item.deadlineState} />
        <Button size="small" icon={<ReloadOutlined />} loading={detail.status === 'loading'} onClick={detail.reload}>
          刷新
        </Button>
      </Space>

      {detail.status === 'failed' ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message={`刷新失败：${detail.error.message}`} />
      ) : null}
      <StateAlerts item={item} />
      {extension ? (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setExtension(null)}
          style={{ marginBottom: 16 }}
          message={`延期 ${extension.days} 日的申请已提交，待单位负责人审批`}
          description={
            <span>
              申请编号{' '}
              <Typography.Text copyable code>
                {extension.id}
              </Typography.Text>
              ，请告知单位负责人在“延期审批”中处理（审批链接：
              <Typography.Text copyable>{`/unit/approvals?request=${extension.id}`}</Typography.Text>）。
            </span>
          }
        />
      ) : null}

      <Card size="small" style={{ marginBottom: 16 }} title="办理">
        <Space wrap>
          {can.accept ? (
            <Popconfirm
              title="确认受理此事项？"
              description="受理后开始计算办理期限和首次联系期限。"
              okText="确认受理"
              cancelText="取消"
              onConfirm={() => accept()}
            >
              <Button type="primary" loading={accepting}>
                受理
              </Button>
            </Popconfirm>
          ) : null}
          {can.reply ? (
            <Button type="primary" onClick={() => setOpen('reply')}>
              {item.reworkReason ? '重新出具处理意见书' : '出具处理意见书'}
            </Button>
          ) : null}
          {can.contact ? <Button onClick={() => setOpen('contact')}>记录联系</Button> : null}
          {can.contribution ? <Button onClick={() => setOpen('contribution')}>协办意见</Button> : null}
          {can.extension ? <Button onClick={() => setOpen('extension')}>申请延期</Button> : null}
          {can.note ? <Button onClick={() => setOpen('note')}>备注</Button> : null}
          {can.return ? (
            <Button danger onClick={() => setOpen('return')}>
              申请退回
            </Button>
          ) : null}
        </Space>
        {Object.values(can).some(Boolean) ? null : <Typography.Text type="secondary">此事项当前没有可办理的操作。</Typography.Text>}
      </Card>

      <Card size="small" title="交办信息" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label="信访人">{item.petitionerNameMasked}</Descriptions.Item>
          <Descriptions.Item label="信访性质">{NATURE_LABELS[item.nature]}</Descriptions.Item>
          <Descriptions.Item label="办理程序">{TRACK_LABELS[item.track]}</Descriptions.Item>
          <Descriptions.Item label="问题分类 / 地区">
            {names.category(item.categoryCode)} / {names.region(item.regionCode)}
          </Descriptions.Item>
          <Descriptions.Item label="交办时间">{formatTime(item.assignedAt)}</Descriptions.Item>
          <Descriptions.Item label="受理期限">{formatTime(item.acceptDue)}</Descriptions.Item>
          <Descriptions.Item label="受理时间">{formatTime(item.acceptedAt)}</Descriptions.Item>
          <Descriptions.Item label="办理期限">
            {formatTime(item.handlingDue)}
            {item.handlingProvisional ? <Tag style={{ marginLeft: 8 }}>按暂定节假日计算</Tag> : null}
          </Descriptions.Item>
          <Descriptions.Item label="首次联系期限">{formatTime(item.firstContactDue)}</Descriptions.Item>
          <Descriptions.Item label="当前期限">
            <DeadlineInForce item={item} />
          </Descriptions.Item>
          <Descriptions.Item label="交办要求" span={2}>
            {item.instructions ?? '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <CaseFileCard item={item} />
      <RepliesCard item={item} />
      <HistoryCard item={item} />
      <DocumentsCard item={item} />

      {open === 'contact' ? <ContactModal item={item} onClose={() => setOpen(null)} onDone={done} /> : null}
      {open === 'note' ? <NoteModal item={item} onClose={() => setOpen(null)} onDone={done} /> : null}
      {open === 'contribution' ? <ContributionModal item={item} onClose={() => setOpen(null)} onDone={done} /> : null}
      {open === 'return' ? <ReturnModal item={item} onClose={() => setOpen(null)} onDone={done} /> : null}
      {open === 'reply' ? <ReplyModal item={item} onClose={() => setOpen(null)} onDone={done} /> : null}
      {open === 'extension' ? (
        <ExtensionModal
          item={item}
          onClose={() => setOpen(null)}
          onDone={(request) => {
            setExtension(request);
            done();
          }}
        />
      ) : null}
    </section>
  );
}

/** A rework, a waiting or refused return, a closed matter: said at the top. */
function StateAlerts({ item }: { item: WorkItemDetail }) {
  const alerts = [];
  if (item.status === 'accepted' && item.reworkReason)
    alerts.push(
      <Alert
        key="rework"
        type="warning"
        showIcon
        message={`处理意见书被审核退回，须重新办理${item.reworkDue ? `（重办期限 ${formatTime(item.reworkDue)}）` : ''}`}
        description={`退回理由：${item.reworkReason}`}
      />,
    );
  if (item.returnRequestedAt && (item.status === 'assigned' || item.status === 'accepted'))
    alerts.push(
      <Alert
        key="return"
        type="info"
        showIcon
        message={`已于 ${formatTime(item.returnRequestedAt)} 申请退回，待分办员确认`}
        description={item.returnReason ? `退回理由：${item.returnReason}` : undefined}
      />,
    );
  if (item.returnDecisionNote && !item.returnRequestedAt && item.status !== 'returned')
    alerts.push(
      <Alert key="refused" type="warning" showIcon message="退回申请未获同意，请继续办理" description={item.returnDecisionNote} />,
    );
  if (item.status === 'returned') alerts.push(<Alert key="returned" type="info" showIcon message="此事项已退回，由分办员重新交办。" />);
  if (item.status === 'replied')
    alerts.push(<Alert key="replied" type="info" showIcon message={`已于 ${formatTime(item.repliedAt)} 答复，待督查督办部门审核`} />);
  if (item.status === 'closed')
    alerts.push(<Alert key="closed" type="success" showIcon message={`已于 ${formatTime(item.closedAt)} 办结`} />);
  return alerts.length ? (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      {alerts}
    </Space>
  ) : null;
}
