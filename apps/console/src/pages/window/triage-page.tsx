import { Alert, App, Button, Descriptions, Empty, Form, Input, Modal, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { components } from '../../api/generated/intake';
import { formatTime } from '../../time/format';
import { DocumentDownloadButton } from './documents';
import {
  CHANNEL_LABELS,
  isPast,
  lastDayOf,
  NOTICE_METHOD_OPTIONS,
  noticeKindOf,
  PROPER_CHANNEL_OPTIONS,
  SOURCE_LABELS,
  TRIAGE_OUTCOME_LABELS,
  type NoticeMethod,
} from './labels';
import { usePagedList, type PagedList } from './paged-list';
import { useReferenceNames, type ReferenceNames } from '../../reference/reference-names';
import { SubmissionKeys } from './submission-key';

export type Petition = components['schemas']['PetitionView'];
type TriageBody = components['schemas']['TriagePetitionDto'];
type Outcome = TriageBody['outcome'];

export interface TriageValues {
  outcome?: Outcome;
  properChannel?: TriageBody['properChannel'];
  authority?: string;
  relatedTrackingNo?: string;
  answer?: string;
  note?: string;
}

const TRIAGE_FIELDS = ['outcome', 'properChannel', 'authority', 'relatedTrackingNo', 'answer', 'note'] as const;
const TRACKING_NO = /^\d{6}-\d{8}-\d{6}$/;
const PAGE = 50;

const text = (v: string | undefined) => {
  const t = v?.trim();
  return t ? t : undefined;
};

/** The body of `POST /api/petitions/:id/triage`: only the fields the chosen outcome takes. */
export function toTriageBody(v: TriageValues): TriageBody {
  const outcome = v.outcome as Outcome;
  const body: TriageBody = { outcome };
  if (outcome === 'inform') {
    body.properChannel = v.properChannel;
    if (text(v.authority)) body.authority = text(v.authority);
  }
  if (outcome === 'forward') body.authority = text(v.authority);
  if (outcome === 'refuse' || outcome === 'link_repeat') body.relatedTrackingNo = text(v.relatedTrackingNo);
  if (outcome === 'answer_on_the_spot') body.answer = text(v.answer);
  if (text(v.note)) body.note = text(v.note);
  return body;
}

const answerable = (p: Petition) => p.channel === 'visit' || p.channel === 'call';

/** 待分流: petitions held for the clerk's decision, and the written notices those decisions owe. */
export function TriagePage() {
  const [noticesVersion, setNoticesVersion] = useState(0);
  return (
    <section>
      <Typography.Title level={3}>待分流</Typography.Title>
      <Typography.Paragraph type="secondary">
        网上提交和窗口暂缓分流的信访件：转交办理、告知、转送、不再受理、并入重复件或当场答复。不予受理的决定须在收到之日起 15
        日内书面告知信访人（《信访工作条例》第二十二条）。
      </Typography.Paragraph>
      <Tabs
        items={[
          { key: 'triage', label: '待分流', children: <TriageList onNoticeOwed={() => setNoticesVersion((n) => n + 1)} /> },
          { key: 'notices', label: '待书面告知', children: <PendingNotices key={noticesVersion} /> },
        ]}
      />
    </section>
  );
}

function ListFooter<T>({ list }: { list: PagedList<T> }) {
  return list.hasMore ? (
    <div style={{ textAlign: 'center', marginTop: 12 }}>
      <Button onClick={list.loadMore} loading={list.loading}>
        加载更多
      </Button>
    </div>
  ) : null;
}

function TriageList({ onNoticeOwed }: { onNoticeOwed: () => void }) {
  const names = useReferenceNames();
  const [current, setCurrent] = useState<Petition | null>(null);
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      unwrap(api.intake.GET('/api/petitions', { params: { query: { status: 'registered', limit: PAGE, cursor } } })),
    [],
  );
  const list = usePagedList<Petition>(fetchPage);

  return (
    <>
      {list.error ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={`无法加载待分流信访件：${list.error.message}`} />
      ) : null}
      <Table<Petition>
        rowKey="id"
        size="small"
        loading={list.loading && !list.items.length}
        dataSource={list.items}
        pagination={false}
        locale={{ emptyText: <Empty description="暂无待分流的信访件，网上提交和暂缓分流的信访件会出现在这里" /> }}
        expandable={{ expandedRowRender: (p) => <Typography.Paragraph style={{ margin: 0 }}>{p.content}</Typography.Paragraph> }}
        columns={[
          { title: '信访件编号', dataIndex: 'trackingNo' },
          {
            title: '来源',
            key: 'source',
            render: (_, p) => `${CHANNEL_LABELS[p.channel] ?? p.channel} · ${SOURCE_LABELS[p.source] ?? p.source}`,
          },
          {
            title: '标题',
            dataIndex: 'title',
            render: (v: string, p) => (
              <Space>
                {v}
                {p.emergency ? <Tag color="red">紧急</Tag> : null}
                {p.headcount >= 5 ? <Tag color="orange">集体访 {p.headcount} 人</Tag> : null}
              </Space>
            ),
          },
          { title: '问题分类', dataIndex: 'categoryCode', render: (v: string) => names.category(v) },
          { title: '问题发生地', dataIndex: 'regionCode', render: (v: string) => names.region(v) },
          { title: '信访人', dataIndex: 'petitionerNameMasked' },
          { title: '收到时间', dataIndex: 'receivedAt', render: (v: string) => formatTime(v) },
          {
            title: '操作',
            key: 'actions',
            render: (_, p) => (
              <Button type="link" onClick={() => setCurrent(p)} aria-label={`分流 ${p.trackingNo}`}>
                分流
              </Button>
            ),
          },
        ]}
      />
      <ListFooter list={list} />
      {current ? (
        <TriageDialog
          petition={current}
          names={names}
          onClose={() => setCurrent(null)}
          onDone={(decided) => {
            list.remove((p) => p.id === decided.id);
            setCurrent(null);
            if (decided.writtenNotice && !decided.writtenNotice.givenAt) onNoticeOwed();
          }}
        />
      ) : null}
    </>
  );
}

function TriageDialog({
  petition,
  names,
  onClose,
  onDone,
}: {
  petition: Petition;
  names: ReferenceNames;
  onClose: () => void;
  onDone: (decided: Petition) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TriageValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const keys = useRef(new SubmissionKeys());
  const outcome = Form.useWatch('outcome', form);

  const submit = async (values: TriageValues) => {
    const body = toTriageBody(values);
    setBusy(true);
    setFailure(null);
    try {
      const decided = await unwrap(
        api.intake.POST('/api/petitions/{id}/triage', {
          params: { path: { id: petition.id }, header: { 'Idempotency-Key': keys.current.keyFor({ id: petition.id, body }) } },
          body,
        }),
      );
      keys.current.done();
      const owed = decided.writtenNotice && !decided.writtenNotice.givenAt;
      void message.success(
        owed
          ? `${decided.trackingNo} 已分流，请在 ${lastDayOf(decided.writtenNotice?.due)} 前送达书面告知`
          : `${decided.trackingNo} 已分流：${TRIAGE_OUTCOME_LABELS[body.outcome] ?? body.outcome}`,
      );
      onDone(decided);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : ApiError.network(error);
      if (apiError.status === 401) return;
      const known = (f: string) => (TRIAGE_FIELDS as readonly string[]).includes(f);
      const placed = Object.entries(apiError.fieldErrors).filter(([f]) => known(f));
      form.setFields(placed.map(([f, errors]) => ({ name: f as keyof TriageValues, errors })));
      setFailure(placed.length ? '请按提示修改后重新提交' : apiError.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`分流 ${petition.trackingNo}`}
      width={720}
      okText="确定分流"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Descriptions size="small" bordered column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="标题" span={2}>
          {petition.title}
        </Descriptions.Item>
        <Descriptions.Item label="来源">
          {CHANNEL_LABELS[petition.channel] ?? petition.channel} · {SOURCE_LABELS[petition.source] ?? petition.source}
        </Descriptions.Item>
        <Descriptions.Item label="信访人">{petition.petitionerNameMasked}</Descriptions.Item>
        <Descriptions.Item label="问题分类">{names.category(petition.categoryCode)}</Descriptions.Item>
        <Descriptions.Item label="问题发生地">{names.region(petition.regionCode)}</Descriptions.Item>
        <Descriptions.Item label="内容" span={2}>
          <Typography.Paragraph ellipsis={{ rows: 4, expandable: true, symbol: '展开' }} style={{ margin: 0 }}>
            {petition.content}
          </Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
      <Form<TriageValues>
        form={form}
        layout="vertical"
        aria-label="分流决定"
        initialValues={{ outcome: 'dispatch' }}
        onFinish={(v) => void submit(v)}
        onValuesChange={() => setFailure(null)}
      >
        <Form.Item name="outcome" label="分流决定" rules={[{ required: true, message: '请选择分流决定' }]}>
          <Radio.Group>
            <Space direction="vertical">
              <Radio value="dispatch">转交办理（交分办员分派承办单位）</Radio>
              <Radio value="inform">告知：应通过诉讼、仲裁、复议等法定途径解决</Radio>
              <Radio value="forward">转送：属其他机关职权范围</Radio>
              <Radio value="refuse">不再受理：同一事项已办结</Radio>
              <Radio value="link_repeat">重复信访：并入在办的原件</Radio>
              <Radio value="answer_on_the_spot" disabled={!answerable(petition)}>
                当场答复{answerable(petition) ? '' : '（仅来访、来电）'}
              </Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {outcome === 'inform' ? (
          <>
            <Form.Item name="properChannel" label="法定途径" rules={[{ required: true, message: '请选择告知的法定途径' }]}>
              <Select options={[...PROPER_CHANNEL_OPTIONS]} placeholder="选择途径" />
            </Form.Item>
            <Form.Item name="authority" label="受理机关（可选）" rules={[{ min: 2, max: 200, message: '机关名称为 2 至 200 字' }]}>
              <Input placeholder="如：广州市天河区人民法院" />
            </Form.Item>
          </>
        ) : null}
        {outcome === 'forward' ? (
          <Form.Item
            name="authority"
            label="转送机关"
            rules={[
              { required: true, whitespace: true, message: '请填写有权处理的机关' },
              { min: 2, max: 200, message: '机关名称为 2 至 200 字' },
            ]}
          >
            <Input placeholder="如：某省人力资源和社会保障厅" />
          </Form.Item>
        ) : null}
        {outcome === 'refuse' || outcome === 'link_repeat' ? (
          <Form.Item
            name="relatedTrackingNo"
            label={outcome === 'refuse' ? '已办结的原信访件编号' : '在办的原信访件编号'}
            rules={[
              { required: true, whitespace: true, message: '请填写原信访件编号' },
              { pattern: TRACKING_NO, message: '信访件编号形如 440106-20261122-000001' },
            ]}
          >
            <Input placeholder="440106-20261122-000001" />
          </Form.Item>
        ) : null}
        {outcome === 'answer_on_the_spot' ? (
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
        <Form.Item name="note" label="内部备注（不向信访人公开）" rules={[{ max: 2000, message: '备注不超过 2000 字' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {failure ? <Alert type="error" showIcon message={failure} /> : null}
      </Form>
    </Modal>
  );
}

function PendingNotices() {
  const [current, setCurrent] = useState<Petition | null>(null);
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      unwrap(api.intake.GET('/api/petitions', { params: { query: { noticePending: true, limit: PAGE, cursor } } })),
    [],
  );
  const list = usePagedList<Petition>(fetchPage);

  return (
    <>
      {list.error ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={`无法加载待书面告知的信访件：${list.error.message}`} />
      ) : null}
      <Table<Petition>
        rowKey="id"
        size="small"
        loading={list.loading && !list.items.length}
        dataSource={list.items}
        pagination={false}
        locale={{ emptyText: <Empty description="没有待送达的书面告知，不予受理的决定都已告知信访人" /> }}
        columns={[
          { title: '信访件编号', dataIndex: 'trackingNo' },
          { title: '标题', dataIndex: 'title' },
          { title: '信访人', dataIndex: 'petitionerNameMasked' },
          {
            title: '分流决定',
            key: 'decision',
            render: (_, p) =>
              p.triage ? (
                <span>
                  {TRIAGE_OUTCOME_LABELS[p.triage.outcome] ?? p.triage.outcome}
                  {p.triage.target ? `：${p.triage.target}` : ''}
                  {p.triage.by === 'system' ? <Tag style={{ marginInlineStart: 8 }}>系统判定</Tag> : null}
                </span>
              ) : (
                '—'
              ),
          },
          { title: '决定时间', key: 'at', render: (_, p) => formatTime(p.triage?.at) },
          {
            title: '告知期限',
            key: 'due',
            render: (_, p) => (
              <Space>
                <span>{lastDayOf(p.writtenNotice?.due)}</span>
                {isPast(p.writtenNotice?.due) ? <Tag color="red">已超期</Tag> : null}
              </Space>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, p) => {
              const kind = noticeKindOf(p.triage?.outcome);
              return (
                <Space>
                  {kind ? <DocumentDownloadButton petitionId={p.id} trackingNo={p.trackingNo} kind={kind} label="下载告知书" /> : null}
                  <Button size="small" type="primary" onClick={() => setCurrent(p)} aria-label={`记录送达 ${p.trackingNo}`}>
                    记录送达
                  </Button>
                </Space>
              );
            },
          },
        ]}
      />
      <ListFooter list={list} />
      {current ? (
        <RecordNoticeDialog
          petition={current}
          onClose={() => setCurrent(null)}
          onDone={() => {
            list.remove((p) => p.id === current.id);
            setCurrent(null);
          }}
        />
      ) : null}
    </>
  );
}

function RecordNoticeDialog({ petition, onClose, onDone }: { petition: Petition; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ method?: NoticeMethod }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const keys = useRef(new SubmissionKeys());

  const submit = async ({ method }: { method?: NoticeMethod }) => {
    const body = { method: method as NoticeMethod };
    setBusy(true);
    setFailure(null);
    try {
      await unwrap(
        api.intake.POST('/api/petitions/{id}/written-notice', {
          params: { path: { id: petition.id }, header: { 'Idempotency-Key': keys.current.keyFor({ id: petition.id, body }) } },
          body,
        }),
      );
      keys.current.done();
      void message.success(`${petition.trackingNo} 的书面告知已记录送达`);
      onDone();
    } catch (error) {
      const apiError = error instanceof ApiError ? error : ApiError.network(error);
      if (apiError.status === 401) return;
      if (apiError.fieldErrors.method) form.setFields([{ name: 'method', errors: apiError.fieldErrors.method }]);
      else setFailure(apiError.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`记录送达 ${petition.trackingNo}`}
      okText="记录送达"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {TRIAGE_OUTCOME_LABELS[petition.triage?.outcome ?? ''] ?? '不予受理'}的书面告知应于 {lastDayOf(petition.writtenNotice?.due)}{' '}
        前送达信访人。送达后在此记录，记录后不能更改。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" aria-label="记录送达" onFinish={(v) => void submit(v)}>
        <Form.Item name="method" label="送达方式" rules={[{ required: true, message: '请选择送达方式' }]}>
          <Radio.Group options={[...NOTICE_METHOD_OPTIONS]} />
        </Form.Item>
        {failure ? <Alert type="error" showIcon message={failure} /> : null}
      </Form>
    </Modal>
  );
}
