// The writes of a work item, each a modal form: 记录联系, 备注, 协办意见, 申请延期, 出具处理意见书
// (and again after a returned review), 申请退回. Every one sends its own Idempotency-Key.
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, InputNumber, List, Radio, Select, Space, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import { newIdempotencyKey } from '../../api/idempotency';
import { CITY_TIME_ZONE, dayjs, formatTime } from '../../time/format';
import { ActionModal } from './action-modal';
import {
  uploadReplyAttachment,
  type ContactMethod,
  type ExtensionRequest,
  type UploadedAttachment,
  type WorkItemDetail,
} from './handling-api';
import { CONTACT_METHOD_LABELS, OUTCOME_LABELS } from './handling-labels';

export type ActionKind = 'contact' | 'note' | 'contribution' | 'extension' | 'reply' | 'return';

interface ActionProps {
  item: WorkItemDetail;
  onClose: () => void;
  /** After a successful write: the page reloads the work item. */
  onDone: () => void;
}

const idem = (key: string) => ({ 'Idempotency-Key': key });

/** The city's wall clock now, as a picker value (the picker shows and returns wall-clock times). */
function cityNowForPicker(): Dayjs {
  return dayjs(dayjs().tz(CITY_TIME_ZONE).format('YYYY-MM-DDTHH:mm:ss'));
}

/** A wall-clock time picked in the city, as an ISO instant with its offset. */
function pickedCityTime(value: Dayjs): string {
  return dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), CITY_TIME_ZONE).format();
}

interface ContactValues {
  contactedAt: Dayjs;
  method: ContactMethod;
  summary: string;
}

export function ContactModal({ item, onClose, onDone }: ActionProps) {
  return (
    <ActionModal<ContactValues>
      title="记录联系信访人"
      okText="保存"
      fields={['contactedAt', 'method', 'summary']}
      initialValues={{ contactedAt: cityNowForPicker(), method: 'phone' }}
      submit={(v, key) =>
        unwrap(
          api.handling.POST('/api/work-items/{id}/contacts', {
            params: { path: { id: item.id }, header: idem(key) },
            body: { contactedAt: pickedCityTime(v.contactedAt), method: v.method, summary: v.summary.trim() },
          }),
        )
      }
      success="已记录联系情况"
      onDone={onDone}
      onClose={onClose}
    >
      {item.firstContactDue && !item.contacts.length ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`首次联系信访人期限：${formatTime(item.firstContactDue)}`} />
      ) : null}
      <Form.Item name="contactedAt" label="联系时间（北京时间）" rules={[{ required: true, message: '请选择联系时间' }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="method" label="联系方式" rules={[{ required: true, message: '请选择联系方式' }]}>
        <Select options={Object.entries(CONTACT_METHOD_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item
        name="summary"
        label="联系情况"
        rules={[
          { required: true, whitespace: true, message: '请填写联系情况' },
          { min: 2, max: 2000, message: '联系情况为 2 至 2000 字' },
        ]}
      >
        <Input.TextArea rows={4} showCount maxLength={2000} />
      </Form.Item>
    </ActionModal>
  );
}

export function NoteModal({ item, onClose, onDone }: ActionProps) {
  return (
    <ActionModal<{ text: string }>
      title="添加备注"
      okText="保存"
      fields={['text']}
      submit={(v, key) =>
        unwrap(
          api.handling.POST('/api/work-items/{id}/notes', {
            params: { path: { id: item.id }, header: idem(key) },
            body: { text: v.text.trim() },
          }),
        )
      }
      success="已添加备注"
      onDone={onDone}
      onClose={onClose}
    >
      <Form.Item
        name="text"
        label="备注（仅本单位可见）"
        rules={[
          { required: true, whitespace: true, message: '请填写备注内容' },
          { max: 4000, message: '备注不超过 4000 字' },
        ]}
      >
        <Input.TextArea rows={4} showCount maxLength={4000} />
      </Form.Item>
    </ActionModal>
  );
}

export function ContributionModal({ item, onClose, onDone }: ActionProps) {
  return (
    <ActionModal<{ summary: string }>
      title="提交协办意见"
      okText="提交"
      fields={['summary']}
      submit={(v, key) =>
        unwrap(
          api.handling.POST('/api/work-items/{id}/contributions', {
            params: { path: { id: item.id }, header: idem(key) },
            body: { summary: v.summary.trim() },
          }),
        )
      }
      success="协办意见已提交主办单位"
      onDone={onDone}
      onClose={onClose}
    >
      <Form.Item
        name="summary"
        label="协办意见"
        extra="主办单位可见；请勿填写信访人的联系方式"
        rules={[
          { required: true, whitespace: true, message: '请填写协办意见' },
          { min: 2, max: 5000, message: '协办意见为 2 至 5000 字' },
        ]}
      >
        <Input.TextArea rows={5} showCount maxLength={5000} />
      </Form.Item>
    </ActionModal>
  );
}

export function ExtensionModal({ item, onClose, onDone }: Omit<ActionProps, 'onDone'> & { onDone: (request: ExtensionRequest) => void }) {
  return (
    <ActionModal<{ days: number; reason: string }, ExtensionRequest>
      title="申请延期"
      okText="提交申请"
      fields={['days', 'reason']}
      submit={(v, key) =>
        unwrap(
          api.handling.POST('/api/work-items/{id}/extension-requests', {
            params: { path: { id: item.id }, header: idem(key) },
            body: { days: v.days, reason: v.reason.trim() },
          }),
        )
      }
      success="延期申请已提交，待单位负责人审批"
      onDone={onDone}
      onClose={onClose}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={`现办理期限：${formatTime(item.handlingDue)}`}
        description="延期须在期限届满前申请，每件只能延期一次，最长 30 日（《信访工作条例》第三十四条）；理由将告知信访人。"
      />
      <Form.Item name="days" label="延期天数" rules={[{ required: true, message: '请填写延期天数' }]}>
        <InputNumber min={1} max={30} precision={0} suffix="日" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label="延期理由"
        rules={[
          { required: true, whitespace: true, message: '请填写延期理由' },
          { min: 2, max: 1000, message: '延期理由为 2 至 1000 字' },
        ]}
      >
        <Input.TextArea rows={3} showCount maxLength={1000} />
      </Form.Item>
    </ActionModal>
  );
}

export function ReturnModal({ item, onClose, onDone }: ActionProps) {
  return (
    <ActionModal<{ reason: string }>
      title="申请退回（非本单位职责）"
      okText="申请退回"
      fields={['reason']}
      submit={(v, key) =>
        unwrap(
          api.handling.POST('/api/work-items/{id}/return', {
            params: { path: { id: item.id }, header: idem(key) },
            body: { reason: v.reason.trim() },
          }),
        )
      }
      success="退回申请已提交，待分办员确认"
      onDone={onDone}
      onClose={onClose}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message="退回须在规定期限内提出，并说明理由（例如应由哪个单位办理）。分办员确认后重新交办，驳回则须继续办理。"
      />
      <Form.Item
        name="reason"
        label="退回理由"
        rules={[
          { required: true, whitespace: true, message: '请填写退回理由' },
          { min: 2, max: 2000, message: '退回理由为 2 至 2000 字' },
        ]}
      >
        <Input.TextArea rows={4} showCount maxLength={2000} />
      </Form.Item>
    </ActionModal>
  );
}

interface ReplyValues {
  outcome: 'support' | 'explain' | 'not_support';
  facts: string;
  decision: string;
  legalBasis: string;
  text: string;
  attachments?: UploadedAttachment[];
}

const required = (label: string, max: number) => [
  { required: true, whitespace: true, message: `请填写${label}` },
  { max, message: `${label}不超过 ${max} 字` },
];

/** 出具处理意见书, and again after supervision returned the reply (退回重办), with its reason. */
export function ReplyModal({ item, onClose, onDone }: ActionProps) {
  const rework = Boolean(item.reworkReason);
  const last = item.replies.length ? item.replies[item.replies.length - 1] : null;
  return (
    <ActionModal<ReplyValues>
      title={rework ? '重新出具处理意见书' : '出具处理意见书'}
      okText="提交处理意见书"
      width={760}
      fields={['outcome', 'facts', 'decision', 'legalBasis', 'text', 'attachments']}
      initialValues={
        rework && last
          ? {
              outcome: last.outcome,
              facts: last.facts,
              decision: last.decision,
              legalBasis: last.legalBasis,
              text: last.text,
              attachments: [],
            }
          : { attachments: [] }
      }
      submit={(v, key) =>
        unwrap(
          api.handling.POST('/api/work-items/{id}/reply', {
            params: { path: { id: item.id }, header: idem(key) },
            body: {
              outcome: v.outcome,
              facts: v.facts.trim(),
              decision: v.decision.trim(),
              legalBasis: v.legalBasis.trim(),
              text: v.text.trim(),
              attachments: (v.attachments ?? []).map((a) => ({ attachmentId: a.attachmentId, sha256: a.sha256 })),
            },
          }),
        )
      }
      success="处理意见书已提交，待结果审核"
      onDone={onDone}
      onClose={onClose}
      before={
        rework ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={`审核退回重办${item.reworkDue ? `，重办期限 ${formatTime(item.reworkDue)}` : ''}`}
            description={`退回理由：${item.reworkReason ?? ''}`}
          />
        ) : null
      }
    >
      <Form.Item name="outcome" label="处理结果" rules={[{ required: true, message: '请选择处理结果' }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={(Object.keys(OUTCOME_LABELS) as Array<ReplyValues['outcome']>).map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))}
        />
      </Form.Item>
      <Form.Item name="facts" label="查明事实" rules={required('查明事实', 20000)}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="decision" label="处理意见" rules={required('处理意见', 20000)}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="legalBasis" label="法律政策依据" rules={required('法律政策依据', 5000)}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="text" label="处理意见书正文" extra="信访人将看到的全文，请勿写入联系方式" rules={required('处理意见书正文', 50000)}>
        <Input.TextArea rows={6} />
      </Form.Item>
      <Form.Item name="attachments" label="附件">
        <ReplyAttachments workItemId={item.id} />
      </Form.Item>
    </ActionModal>
  );
}

/** The reply's attachments: each file is uploaded to the work item first, then referenced by its id. */
function ReplyAttachments({
  workItemId,
  value = [],
  onChange,
}: {
  workItemId: string;
  value?: UploadedAttachment[];
  onChange?: (value: UploadedAttachment[]) => void;
}) {
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const upload = async (file: File) => {
    setUploading(true);
    setFailure(null);
    try {
      const uploaded = await uploadReplyAttachment(workItemId, file, newIdempotencyKey());
      onChange?.([...value, uploaded]);
    } catch (error) {
      setFailure(`${file.name} 上传失败：${(error instanceof ApiError ? error : ApiError.network(error)).message}`);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload showUploadList={false} disabled={uploading || value.length >= 20} customRequest={({ file }) => void upload(file as File)}>
        <Button icon={<UploadOutlined />} loading={uploading}>
          上传附件
        </Button>
      </Upload>
      {value.length ? (
        <List
          size="small"
          bordered
          dataSource={value}
          renderItem={(a) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="link"
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={`移除 ${a.fileName}`}
                  onClick={() => onChange?.(value.filter((x) => x.attachmentId !== a.attachmentId))}
                />,
              ]}
            >
              <Space>
                <PaperClipOutlined />
                <span>{a.fileName}</span>
                <Typography.Text type="secondary">{Math.max(1, Math.round(a.sizeBytes / 1024))} KB</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">可上传现场照片、勘查报告等，最多 20 个</Typography.Text>
      )}
      {failure ? <Alert type="error" showIcon message={failure} /> : null}
    </Space>
  );
}
