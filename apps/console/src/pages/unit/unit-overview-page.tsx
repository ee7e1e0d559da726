import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Space, Statistic, Table, Typography } from 'antd';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { fetchAllPages } from '../../api/client';
import { loadInboxPage, type WorkItem } from '../handling/handling-api';
import { DEADLINE_STATES } from '../handling/handling-labels';
import { INBOX_COLUMNS } from '../handling/inbox-page';
import { useLoad } from '../handling/use-load';

const OLDEST = 10;

interface Overview {
  onTrack: number;
  warning: WorkItem[];
  overdue: WorkItem[];
}

/** The unit's open items by deadline state, from the inbox (open items only: 待受理 and 办理中). */
async function loadOverview(): Promise<Overview> {
  const all = (state: 'on_track' | 'warning' | 'overdue') => fetchAllPages((cursor) => loadInboxPage({ state, limit: 200, cursor }));
  const [onTrack, warning, overdue] = await Promise.all([all('on_track'), all('warning'), all('overdue')]);
  return { onTrack: onTrack.length, warning, overdue };
}

/** 本单位办理情况: open items on track, in warning and overdue; the longest overdue and those about to be. */
export function UnitOverviewPage() {
  const navigate = useNavigate();
  const load = useCallback(() => loadOverview(), []);
  const overview = useLoad(load);
  const value = overview.value;
  const open = (item: WorkItem) => ({ onClick: () => void navigate(`/handling/items/${item.id}`), style: { cursor: 'pointer' } });

  return (
    <section>
      <Typography.Title level={3}>本单位办理情况</Typography.Title>
      <Typography.Paragraph type="secondary">
        本单位在办事项（待受理、办理中）按当前期限的状态统计，以及超期最久和即将到期的事项。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Button icon={<ReloadOutlined />} loading={overview.status === 'loading'} onClick={overview.reload}>
          刷新
        </Button>
      </Space>
      {overview.status === 'failed' ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message={`加载本单位办理情况失败：${overview.error.message}`} />
      ) : null}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card size="small">
            <Statistic
              title="在办合计"
              loading={!value}
              value={value ? value.onTrack + value.warning.length + value.overdue.length : 0}
              suffix="件"
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small" data-testid="count-on_track">
            <Statistic
              title={DEADLINE_STATES.on_track.label}
              loading={!value}
              value={value?.onTrack ?? 0}
              suffix="件"
              valueStyle={{ color: '#389e0d' }}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small" data-testid="count-warning">
            <Statistic
              title={DEADLINE_STATES.warning.label}
              loading={!value}
              value={value?.warning.length ?? 0}
              suffix="件"
              valueStyle={{ color: '#d46b08' }}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small" data-testid="count-overdue">
            <Statistic
              title={DEADLINE_STATES.overdue.label}
              loading={!value}
              value={value?.overdue.length ?? 0}
              suffix="件"
              valueStyle={{ color: '#cf1322' }}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={`超期最久的事项（前 ${OLDEST} 件）`} style={{ marginBottom: 16 }}>
        <Table<WorkItem>
          rowKey="id"
          size="small"
          pagination={false}
          loading={!value}
          columns={INBOX_COLUMNS}
          dataSource={value?.overdue.slice(0, OLDEST) ?? []}
          onRow={open}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本单位没有超期事项。" /> }}
        />
      </Card>
      <Card size="small" title={`临近期限的事项（预警，前 ${OLDEST} 件）`}>
        <Table<WorkItem>
          rowKey="id"
          size="small"
          pagination={false}
          loading={!value}
          columns={INBOX_COLUMNS}
          dataSource={value?.warning.slice(0, OLDEST) ?? []}
          onRow={open}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有进入预警期的事项。" /> }}
        />
      </Card>
    </section>
  );
}
