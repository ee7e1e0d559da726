import { FileTextOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, List, Modal, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, fetchAllPages, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { components } from '../../api/generated/intake';
import { cityToday, formatTime } from '../../time/format';
import { DocumentDownloadButton } from './documents';
import { CHANNEL_LABELS, PETITION_STATUS_LABELS, type DocumentKind } from './labels';

type Petition = components['schemas']['PetitionView'];
type PetitionDocument = components['schemas']['PetitionDocumentView'];

/** The start of today in the city, as the list's `from`: `2026-11-23T00:00:00+08:00`. */
export function startOfCityToday(): string {
  return cityToday().startOf('day').format('YYYY-MM-DDTHH:mm:ssZ');
}

/**
 * 今日登记: the window's registrations of today (staff registrations, newest first) — the clerk's
 * own, or the whole window's — their status, and the documents each can have now. Remount it (a
 * new `key`) to reload it from outside.
 */
export function TodayRegistrations() {
  const [state, setState] = useState<{ loading: boolean; items: Petition[]; error: ApiError | null }>({
    loading: true,
    items: [],
    error: null,
  });
  const [reloads, setReloads] = useState(0);
  const [documentsOf, setDocumentsOf] = useState<Petition | null>(null);
  const [whose, setWhose] = useState<'me' | 'window'>('me');

  useEffect(() => {
    let live = true;
    const from = startOfCityToday();
    const registeredBy = whose === 'me' ? 'me' : undefined;
    fetchAllPages((cursor) =>
      unwrap(api.intake.GET('/api/petitions', { params: { query: { from, source: 'staff', registeredBy, limit: 200, cursor } } })),
    ).then(
      (items) => live && setState({ loading: false, items, error: null }),
      (error: unknown) =>
        live && setState({ loading: false, items: [], error: error instanceof ApiError ? error : ApiError.network(error) }),
    );
    return () => {
      live = false;
    };
  }, [reloads, whose]);

  return (
    <Card
      size="small"
      title={`今日登记（${state.items.length}）`}
      extra={
        <Space size={4}>
          <Segmented<'me' | 'window'>
            size="small"
            aria-label="登记人"
            options={[
              { value: 'me', label: '我登记的' },
              { value: 'window', label: '全部窗口' },
            ]}
            value={whose}
            onChange={(next) => {
              setState((s) => ({ ...s, loading: true, error: null }));
              setWhose(next);
            }}
          />
          <Button
            size="small"
            type="text"
            icon={<ReloadOutlined />}
            aria-label="刷新今日登记"
            onClick={() => {
              setState((s) => ({ ...s, loading: true, error: null }));
              setReloads((n) => n + 1);
            }}
          />
        </Space>
      }
      data-testid="today-registrations"
    >
      {state.error ? <Alert type="error" showIcon message={`无法加载今日登记：${state.error.message}`} /> : null}
      <List<Petition>
        size="small"
        loading={state.loading}
        dataSource={state.items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="今天还没有登记的信访件" /> }}
        renderItem={(p) => (
          <List.Item
            actions={[
              <Button key="docs" size="small" type="link" icon={<FileTextOutlined />} onClick={() => setDocumentsOf(p)}>
                文书
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  <Typography.Text copyable>{p.trackingNo}</Typography.Text>
                  <Tag>{CHANNEL_LABELS[p.channel] ?? p.channel}</Tag>
                </Space>
              }
              description={
                <Space direction="vertical" size={0}>
                  <span>{p.title}</span>
                  <Space size={4}>
                    <Tag color={p.status === 'registered' ? 'orange' : 'blue'}>{PETITION_STATUS_LABELS[p.status] ?? p.status}</Tag>
                    <span>{formatTime(p.registeredAt).slice(11)}</span>
                  </Space>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {documentsOf ? <DocumentsDialog petition={documentsOf} onClose={() => setDocumentsOf(null)} /> : null}
    </Card>
  );
}

/** What documents a petition can have now (`GET /api/petitions/:id/documents`), each downloadable. */
function DocumentsDialog({ petition, onClose }: { petition: Petition; onClose: () => void }) {
  const [state, setState] = useState<{ loading: boolean; documents: PetitionDocument[]; error: ApiError | null }>({
    loading: true,
    documents: [],
    error: null,
  });
  const load = useCallback(() => {
    let live = true;
    unwrap(api.intake.GET('/api/petitions/{id}/documents', { params: { path: { id: petition.id } } })).then(
      (documents) => live && setState({ loading: false, documents, error: null }),
      (error: unknown) =>
        live && setState({ loading: false, documents: [], error: error instanceof ApiError ? error : ApiError.network(error) }),
    );
    return () => {
      live = false;
    };
  }, [petition.id]);
  useEffect(load, [load]);

  return (
    <Modal open title={`${petition.trackingNo} 的文书`} footer={null} onCancel={onClose} destroyOnHidden>
      {state.loading ? <Spin /> : null}
      {state.error ? <Alert type="error" showIcon message={`无法加载文书：${state.error.message}`} /> : null}
      {!state.loading && !state.error ? (
        <List<PetitionDocument>
          size="small"
          dataSource={state.documents}
          locale={{ emptyText: <Empty description="此件目前还没有可出具的文书：承办单位受理后可出具受理告知书" /> }}
          renderItem={(d) => (
            <List.Item
              actions={[
                <DocumentDownloadButton
                  key="download"
                  petitionId={petition.id}
                  trackingNo={petition.trackingNo}
                  kind={d.kind as DocumentKind}
                  label="下载"
                />,
              ]}
            >
              <List.Item.Meta
                title={d.title}
                description={
                  d.issuedAt ? `已于 ${formatTime(d.issuedAt)} 出具（第 ${d.templateVersion ?? '—'} 版模板）` : '尚未出具，首次下载时出具'
                }
              />
            </List.Item>
          )}
        />
      ) : null}
    </Modal>
  );
}
