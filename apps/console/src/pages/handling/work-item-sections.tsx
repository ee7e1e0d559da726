// The read-only parts of the work item page: the whole petition (case file), the history, the
// replies, and the documents to print.
import { DownloadOutlined, FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, List, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import { formatTime } from '../../time/format';
import {
  downloadAssignmentSheet,
  downloadCaseFileAttachment,
  downloadPetitionerDocument,
  loadCaseFile,
  representativesOf,
  saveFile,
  type CaseFile,
  type PetitionerDocumentKind,
  type WorkItemDetail,
} from './handling-api';
import {
  CHANNEL_LABELS,
  CONTACT_METHOD_LABELS,
  EMERGENCY_SIGNAL_LABELS,
  NATURE_LABELS,
  OUTCOME_LABELS,
  PETITIONER_DOCUMENTS,
} from './handling-labels';
import { ReasonModal } from './reason-modal';

export const CASE_FILE_REASON = '办理需要阅读信访事项全文';

const errorText = (error: unknown) => (error instanceof ApiError ? error : ApiError.network(error)).message;

const LINK_STATUS: Record<string, string> = {
  registered: '已登记',
  dispatched: '已转交办理',
  assigned: '已交办',
  accepted: '办理中',
  replied: '已答复',
  approved: '答复已审核',
  closed: '已办结',
  ended: '已处理完毕',
  concluded: '终结',
};

/** 信访事项全文: read from intake once the reason is given (logged there with the read). */
export function CaseFileCard({ item }: { item: WorkItemDetail }) {
  const { message } = App.useApp();
  const [asking, setAsking] = useState(false);
  const [read, setRead] = useState<{ caseFile: CaseFile; reason: string } | null>(null);
  const readable = item.status !== 'returned' && !item.returnRequestedAt;

  const downloadAttachment = async (attachmentId: string, fileName: string) => {
    if (!read) return;
    try {
      saveFile(await downloadCaseFileAttachment(item.id, attachmentId, read.reason, fileName));
    } catch (error) {
      void message.error(`下载失败：${errorText(error)}`);
    }
  };

  return (
    <Card
      title="信访事项全文"
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        read || !readable ? null : (
          <Button icon={<FileTextOutlined />} onClick={() => setAsking(true)}>
            阅读全文
          </Button>
        )
      }
    >
      {read ? (
        <CaseFileView caseFile={read.caseFile} onDownload={(attachmentId, fileName) => void downloadAttachment(attachmentId, fileName)} />
      ) : (
        <Typography.Text type="secondary">
          {readable ? '信访内容、附件和关联信访件需说明事由后查阅，每次查阅均留痕。' : '事项已退回或正在退回，不能再查阅全文。'}
        </Typography.Text>
      )}
      {asking ? (
        <ReasonModal
          title="阅读信访事项全文"
          okText="确认阅读"
          defaultReason={CASE_FILE_REASON}
          run={async (reason) => setRead({ caseFile: await loadCaseFile(item.id, reason), reason })}
          onClose={() => setAsking(false)}
        />
      ) : null}
    </Card>
  );
}

function CaseFileView({ caseFile, onDownload }: { caseFile: CaseFile; onDownload: (attachmentId: string, fileName: string) => void }) {
  const representatives = representativesOf(caseFile);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {caseFile.emergency ? (
        <Alert
          type="error"
          showIcon
          message="紧急情形"
          description={caseFile.emergencySignals.map((s) => EMERGENCY_SIGNAL_LABELS[s] ?? s).join('、') || '登记时标记为紧急'}
        />
      ) : null}
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label="登记方式">{CHANNEL_LABELS[caseFile.channel] ?? caseFile.channel}</Descriptions.Item>
        <Descriptions.Item label="信访性质">
          {NATURE_LABELS[caseFile.nature as keyof typeof NATURE_LABELS] ?? caseFile.nature}
        </Descriptions.Item>
        <Descriptions.Item label="信访人">{caseFile.petitionerNameMasked}</Descriptions.Item>
        <Descriptions.Item label="人数">{caseFile.headcount} 人</Descriptions.Item>
        <Descriptions.Item label="收到时间">{formatTime(caseFile.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label="登记时间">{formatTime(caseFile.registeredAt)}</Descriptions.Item>
        {representatives.length ? (
          <Descriptions.Item label="代表" span={2}>
            {representatives.map((r) => `${r.name}${r.phone ? `（${r.phone}）` : ''}`).join('；')}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label="紧急情形" span={2}>
          {caseFile.emergency ? <Tag color="red">紧急</Tag> : '否'}
        </Descriptions.Item>
      </Descriptions>
      <div>
        <Typography.Text strong>信访内容</Typography.Text>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }} data-testid="case-file-content">
          {caseFile.content}
        </Typography.Paragraph>
      </div>
      <List
        size="small"
        header={<Typography.Text strong>信访人提交的附件</Typography.Text>}
        locale={{ emptyText: '信访人未提交附件' }}
        dataSource={caseFile.attachments}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button key="download" type="link" icon={<DownloadOutlined />} onClick={() => onDownload(a.id, a.fileName)}>
                下载
              </Button>,
            ]}
          >
            <Space>
              <span>{a.fileName}</span>
              <Typography.Text type="secondary">{Math.max(1, Math.round(a.sizeBytes / 1024))} KB</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Table
        size="small"
        rowKey="petitionId"
        title={() => <Typography.Text strong>关联信访件（重复信访）</Typography.Text>}
        pagination={false}
        dataSource={caseFile.linked}
        locale={{ emptyText: '没有关联的信访件' }}
        columns={[
          { title: '信访件编号', dataIndex: 'trackingNo' },
          { title: '关系', dataIndex: 'relation', render: (r: string) => (r === 'original' ? '原件' : '重复件') },
          { title: '登记时间', dataIndex: 'registeredAt', render: (t: string) => formatTime(t) },
          { title: '状态', dataIndex: 'status', render: (s: string) => LINK_STATUS[s] ?? s },
        ]}
      />
    </Space>
  );
}

/** Everything that happened to the item, oldest first. */
export function HistoryCard({ item }: { item: WorkItemDetail }) {
  const events: Array<{ at: string; color: string; children: ReactNode }> = [
    {
      at: item.assignedAt,
      color: 'blue',
      children: <span>交办到本单位{item.instructions ? `，交办要求：${item.instructions}` : ''}</span>,
    },
  ];
  if (item.acceptedAt) events.push({ at: item.acceptedAt, color: 'green', children: '受理' });
  for (const c of item.contacts)
    events.push({ at: c.contactedAt, color: 'blue', children: `联系信访人（${CONTACT_METHOD_LABELS[c.method]}）：${c.summary}` });
  for (const n of item.notes) events.push({ at: n.createdAt, color: 'gray', children: `备注：${n.text}` });
  for (const c of item.contributions) events.push({ at: c.addedAt, color: 'purple', children: `协办意见：${c.summary}` });
  for (const r of item.replies)
    events.push({
      at: r.repliedAt,
      color: r.repliedOnTime ? 'green' : 'red',
      children: `出具处理意见书（第 ${r.round} 次，${OUTCOME_LABELS[r.outcome]}）${r.repliedOnTime ? '' : '，逾期答复'}`,
    });
  if (item.returnRequestedAt)
    events.push({ at: item.returnRequestedAt, color: 'orange', children: `申请退回：${item.returnReason ?? ''}` });
  if (item.closedAt) events.push({ at: item.closedAt, color: 'green', children: '审核通过，办结' });
  events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <Card title="办理记录" size="small" style={{ marginBottom: 16 }}>
      <Timeline
        items={events.map((e, i) => ({
          key: `${e.at}-${i}`,
          color: e.color,
          children: (
            <Space direction="vertical" size={0}>
              <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>
              <span>{e.children}</span>
            </Space>
          ),
        }))}
      />
    </Card>
  );
}

/** The replies made so far (lead only), newest first, with their uploaded attachments. */
export function RepliesCard({ item }: { item: WorkItemDetail }) {
  const { message } = App.useApp();
  if (!item.replies.length) return null;

  const download = async (uploadId: string, fileName: string) => {
    try {
      const { data, error, response } = await api.handling.GET('/api/work-items/{id}/attachments/{attachmentId}/content', {
        params: { path: { id: item.id, attachmentId: uploadId } },
        parseAs: 'blob',
      });
      if (!response.ok || error !== undefined) throw ApiError.fromResponse(response.status, error);
      saveFile({ blob: data as Blob, fileName });
    } catch (e) {
      void message.error(`下载失败：${errorText(e)}`);
    }
  };

  return (
    <Card title="处理意见书" size="small" style={{ marginBottom: 16 }}>
      {[...item.replies].reverse().map((r) => (
        <Descriptions
          key={r.id}
          size="small"
          bordered
          column={2}
          style={{ marginBottom: 12 }}
          title={`第 ${r.round} 次答复 · ${formatTime(r.repliedAt)}`}
          extra={r.repliedOnTime ? <Tag color="green">按期</Tag> : <Tag color="red">逾期</Tag>}
        >
          <Descriptions.Item label="处理结果">{OUTCOME_LABELS[r.outcome]}</Descriptions.Item>
          <Descriptions.Item label="答复时的期限">{formatTime(r.handlingDeadline.due)}</Descriptions.Item>
          <Descriptions.Item label="查明事实" span={2}>
            {r.facts}
          </Descriptions.Item>
          <Descriptions.Item label="处理意见" span={2}>
            {r.decision}
          </Descriptions.Item>
          <Descriptions.Item label="法律政策依据" span={2}>
            {r.legalBasis}
          </Descriptions.Item>
          <Descriptions.Item label="正文" span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.text}</Typography.Paragraph>
          </Descriptions.Item>
          {r.attachments.length ? (
            <Descriptions.Item label="附件" span={2}>
              <Space wrap>
                {r.attachments.map((a) =>
                  a.stored && a.uploadId ? (
                    <Button
                      key={a.attachmentId}
                      type="link"
                      size="small"
                      icon={<DownloadOutlined />}
                      onClick={() => void download(a.uploadId as string, a.fileName)}
                    >
                      {a.fileName}
                    </Button>
                  ) : (
                    <Tag key={a.attachmentId}>{a.fileName}（单位留存）</Tag>
                  ),
                )}
              </Space>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ))}
    </Card>
  );
}

type DocumentRequest = { kind: 'assignment_sheet' } | { kind: PetitionerDocumentKind; label: string };

/** 打印交办单 and the petitioner's documents, each download with its reason. */
export function DocumentsCard({ item }: { item: WorkItemDetail }) {
  const { message } = App.useApp();
  const [kind, setKind] = useState<PetitionerDocumentKind>('acceptance_notice');
  const [asking, setAsking] = useState<DocumentRequest | null>(null);
  if (item.status === 'returned' || item.returnRequestedAt) return null;

  const run = async (request: DocumentRequest, reason: string) => {
    const file =
      request.kind === 'assignment_sheet'
        ? await downloadAssignmentSheet(item.id, reason, item.trackingNo)
        : await downloadPetitionerDocument(item.id, request.kind, reason, `${request.label}-${item.trackingNo}`);
    saveFile(file);
    void message.success(`已下载 ${file.fileName}`);
  };

  const label = PETITIONER_DOCUMENTS.find((d) => d.kind === kind)?.label ?? kind;
  return (
    <Card title="文书" size="small" style={{ marginBottom: 16 }}>
      <Space wrap>
        <Button icon={<PrinterOutlined />} onClick={() => setAsking({ kind: 'assignment_sheet' })}>
          打印交办单
        </Button>
        <Select<PetitionerDocumentKind>
          aria-label="信访人文书"
          style={{ width: 200 }}
          value={kind}
          onChange={setKind}
          options={PETITIONER_DOCUMENTS.map((d) => ({ value: d.kind, label: d.label }))}
        />
        <Button icon={<DownloadOutlined />} onClick={() => setAsking({ kind, label })}>
          下载文书
        </Button>
      </Space>
      {asking ? (
        <ReasonModal
          title={asking.kind === 'assignment_sheet' ? '打印交办单' : `下载${asking.label}`}
          okText="下载"
          defaultReason={asking.kind === 'assignment_sheet' ? '打印交办单，归档备查' : '办理需要，下载文书备查'}
          run={(reason) => run(asking, reason)}
          onClose={() => setAsking(null)}
        />
      ) : null}
    </Card>
  );
}
