import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Empty, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { loadInboxPage, type InboxQuery, type WorkItem } from './handling-api';
import { DEADLINE_STATES, DeadlineInForce, DeadlineTag, ROLE_LABELS, STATUS_LABELS, TRACK_LABELS, statusLabel } from './handling-labels';

const PAGE_SIZE = 20;

type Filters = Pick<InboxQuery, 'state' | 'status' | 'track' | 'emergency' | 'q'>;

interface Loaded {
  filters: Filters;
  items: WorkItem[];
  nextCursor: string | null;
  error?: ApiError;
}

const STATE_OPTIONS = (['on_track', 'warning', 'overdue'] as const).map((s) => ({ value: s, label: DEADLINE_STATES[s].label }));
const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as Array<WorkItem['status']>).map((s) => ({ value: s, label: STATUS_LABELS[s] }));
const TRACK_OPTIONS = (Object.keys(TRACK_LABELS) as Array<WorkItem['track']>).map((t) => ({ value: t, label: TRACK_LABELS[t] }));

const asError = (e: unknown) => (e instanceof ApiError ? e : ApiError.network(e));

export const INBOX_COLUMNS: TableColumnsType<WorkItem> = [
  { title: '信访件编号', dataIndex: 'trackingNo', key: 'trackingNo', width: 200 },
  {
    title: '标题',
    key: 'title',
    ellipsis: true,
    render: (_, item) => (
      <>
        {item.emergency ? <Tag color="red">紧急</Tag> : null}
        <span>{item.title}</span>
      </>
    ),
  },
  { title: '承办角色', dataIndex: 'role', key: 'role', width: 90, render: (role: WorkItem['role']) => ROLE_LABELS[role] },
  { title: '状态', key: 'status', width: 130, render: (_, item) => statusLabel(item) },
  { title: '程序', dataIndex: 'track', key: 'track', width: 110, render: (track: WorkItem['track']) => TRACK_LABELS[track] },
  { title: '当前期限', key: 'currentDue', width: 170, render: (_, item) => <DeadlineInForce item={item} /> },
  {
    title: '期限状态',
    key: 'deadlineState',
    width: 100,
    render: (_, item) => <DeadlineTag state={item.deadlineState} />,
  },
];

/** 待办事项: the unit's inbox, soonest deadline in force first, page by page with the API's cursor. */
export function InboxPage() {
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>({});
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [more, setMore] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    loadInboxPage({ ...filters, limit: PAGE_SIZE }).then(
      (page) => live && setLoaded({ filters, items: page.items, nextCursor: page.nextCursor }),
      (error: unknown) => live && setLoaded({ filters, items: [], nextCursor: null, error: asError(error) }),
    );
    return () => {
      live = false;
    };
  }, [filters, version]);

  const current = loaded?.filters === filters ? loaded : null;

  const loadMore = async () => {
    if (!current?.nextCursor) return;
    setMore(true);
    try {
      const page = await loadInboxPage({ ...filters, limit: PAGE_SIZE, cursor: current.nextCursor });
      setLoaded({ filters, items: [...current.items, ...page.items], nextCursor: page.nextCursor });
    } catch (error) {
      setLoaded({ ...current, error: asError(error) });
    } finally {
      setMore(false);
    }
  };

  const change = (next: Partial<Filters>) => setFilters((f) => ({ ...f, ...next }));
  const refresh = () => {
    setLoaded(null);
    setVersion((v) => v + 1);
  };
  const filtered = Boolean(filters.state || filters.status || filters.track || filters.emergency || filters.q);

  return (
    <section>
      <Typography.Title level={3}>待办事项</Typography.Title>
      <Typography.Paragraph type="secondary">
        本单位收到的交办件，按当前期限由近及远排列。点击一行打开办理页面：受理、联系信访人、协办意见、申请延期、出具处理意见书。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label="搜索编号或标题"
          placeholder="信访件编号或标题关键词"
          allowClear
          style={{ width: 240 }}
          maxLength={100}
          onSearch={(q) => change({ q: q.trim() || undefined })}
        />
        <Select<Filters['state']>
          aria-label="期限状态"
          placeholder="期限状态"
          allowClear
          style={{ width: 140 }}
          options={STATE_OPTIONS}
          value={filters.state}
          onChange={(state) => change({ state })}
        />
        <Select<Filters['status']>
          aria-label="办理状态"
          placeholder="办理状态"
          allowClear
          style={{ width: 160 }}
          options={STATUS_OPTIONS}
          value={filters.status}
          onChange={(status) => change({ status })}
        />
        <Select<Filters['track']>
          aria-label="办理程序"
          placeholder="办理程序"
          allowClear
          style={{ width: 140 }}
          options={TRACK_OPTIONS}
          value={filters.track}
          onChange={(track) => change({ track })}
        />
        <Checkbox checked={filters.emergency === true} onChange={(e) => change({ emergency: e.target.checked ? true : undefined })}>
          仅看紧急
        </Checkbox>
        <Button icon={<ReloadOutlined />} onClick={refresh}>
          刷新
        </Button>
        {filters.state ? <Tag>仅统计在办事项（待受理、办理中）</Tag> : null}
      </Space>
      {current?.error ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message={`加载待办事项失败：${current.error.message}`} />
      ) : null}
      <Table<WorkItem>
        rowKey="id"
        size="middle"
        columns={INBOX_COLUMNS}
        dataSource={current?.items ?? []}
        loading={!current}
        pagination={false}
        onRow={(item) => ({
          onClick: () => void navigate(`/handling/items/${item.id}`),
          style: { cursor: 'pointer' },
        })}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                filtered ? '没有符合筛选条件的事项，可调整或清除筛选条件。' : '本单位暂无交办事项，新的交办件到达后会出现在这里。'
              }
            />
          ),
        }}
      />
      {current?.nextCursor ? (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button loading={more} onClick={() => void loadMore()}>
            加载更多
          </Button>
        </div>
      ) : current && current.items.length ? (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16 }}>
          已显示全部 {current.items.length} 件
        </Typography.Paragraph>
      ) : null}
    </section>
  );
}
