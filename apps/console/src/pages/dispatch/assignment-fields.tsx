// The units, track and instructions of an assignment (交办), as form fields: pickers searchable by
// name, narrowed by kind and region, the units that fit the petition first, each with its load.
import { Col, Form, Input, List, Radio, Row, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import {
  fitsPetition,
  loadText,
  regionAndBelow,
  TRACK_OPTIONS,
  UNIT_KIND_LABELS,
  type Directory,
  type PetitionContext,
  type Track,
  type UnitView,
} from './directory';

export interface AssignmentValues {
  leadUnitId?: string;
  coHandlerUnitIds?: string[];
  track?: Track;
  instructions?: string;
}

export const ASSIGNMENT_FIELDS = ['leadUnitId', 'coHandlerUnitIds', 'track', 'instructions'] as const;

export const defaultTrack = (nature: string): Track => (nature === 'suggestion' ? 'suggestion' : 'standard');

interface TreeOption {
  value: string;
  title: string;
  children?: TreeOption[];
}

function regionTree(d: Directory): TreeOption[] {
  const rows = [...d.regions.values()].filter((r) => r.active).sort((a, b) => a.code.localeCompare(b.code));
  const nodes = new Map<string, TreeOption>(rows.map((r) => [r.code, { value: r.code, title: r.name }]));
  const roots: TreeOption[] = [];
  for (const r of rows) {
    const node = nodes.get(r.code) as TreeOption;
    const parent = r.parentCode ? nodes.get(r.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

function UnitOption({ unit, directory }: { unit: UnitView; directory: Directory }) {
  const load = directory.load.get(unit.id);
  return (
    <Space direction="vertical" size={0}>
      <span>
        {unit.name} <Tag>{UNIT_KIND_LABELS[unit.kind] ?? unit.kind}</Tag>
      </span>
      <Typography.Text type={load && load.acceptDuePassed > 0 ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
        {loadText(load)}
      </Typography.Text>
    </Space>
  );
}

/** The assignment fields inside a parent Form; `excludeUnitIds` are never offered (a unit that returned the matter). */
export function AssignmentFields({
  directory,
  petition,
  excludeUnitIds = [],
}: {
  directory: Directory;
  petition: PetitionContext;
  excludeUnitIds?: string[];
}) {
  const form = Form.useFormInstance<AssignmentValues>();
  const [scope, setScope] = useState<'fit' | 'all'>('fit');
  const [kind, setKind] = useState<string | undefined>();
  const [region, setRegion] = useState<string | undefined>();
  const lead = Form.useWatch('leadUnitId', form);
  const co = Form.useWatch('coHandlerUnitIds', form);
  const tree = useMemo(() => regionTree(directory), [directory]);

  const offered = useMemo(() => {
    const below = region ? regionAndBelow(directory, region) : null;
    return directory.units.filter(
      (u) =>
        !excludeUnitIds.includes(u.id) &&
        (scope === 'all' || fitsPetition(directory, u, petition)) &&
        (!kind || u.kind === kind) &&
        (!below || u.regionCodes.some((r) => below.has(r))),
    );
  }, [directory, petition, excludeUnitIds, scope, kind, region]);

  const options = (excluded: string[]) =>
    offered
      .filter((u) => !excluded.includes(u.id))
      .map((u) => ({ value: u.id, label: u.name }))
      .sort((a, b) => (directory.load.get(a.value)?.leadOpen ?? 0) - (directory.load.get(b.value)?.leadOpen ?? 0));
  const render = (option: { value?: string | number | null }) => {
    const unit = directory.unitsById.get(String(option.value));
    return unit ? <UnitOption unit={unit} directory={directory} /> : null;
  };

  const chosen = [lead, ...(co ?? [])].filter((id): id is string => !!id);

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Radio.Group
          size="small"
          value={scope}
          onChange={(e) => setScope(e.target.value as 'fit' | 'all')}
          options={[
            { value: 'fit', label: '与本件地区、分类相符的单位' },
            { value: 'all', label: '全部单位' },
          ]}
          optionType="button"
        />
        <Select
          size="small"
          allowClear
          placeholder="单位类型"
          style={{ width: 140 }}
          value={kind}
          onChange={setKind}
          options={Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          aria-label="按单位类型筛选"
        />
        <TreeSelect
          size="small"
          allowClear
          showSearch
          treeNodeFilterProp="title"
          placeholder="单位所在地区"
          style={{ width: 200 }}
          value={region}
          onChange={setRegion}
          treeData={tree}
          aria-label="按地区筛选"
        />
      </Space>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="leadUnitId"
            label="主办单位"
            rules={[{ required: true, message: '请选择主办单位' }]}
            extra={offered.length ? undefined : '没有符合条件的单位，请改选“全部单位”或放宽筛选'}
          >
            <Select
              showSearch
              allowClear
              placeholder="输入单位名称搜索"
              optionFilterProp="label"
              options={options(co ?? [])}
              optionRender={render}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="coHandlerUnitIds" label="协办单位" rules={[{ type: 'array', max: 20, message: '协办单位最多 20 个' }]}>
            <Select
              mode="multiple"
              allowClear
              placeholder="可选，输入单位名称搜索"
              optionFilterProp="label"
              options={options(lead ? [lead] : [])}
              optionRender={render}
            />
          </Form.Item>
        </Col>
      </Row>
      {chosen.length ? (
        <List
          size="small"
          bordered
          style={{ marginBottom: 16 }}
          header="所选单位的负荷"
          dataSource={chosen}
          renderItem={(id) => {
            const load = directory.load.get(id);
            return (
              <List.Item>
                <Space wrap>
                  {id === lead ? <Tag color="blue">主办</Tag> : <Tag>协办</Tag>}
                  <span>{directory.unitsById.get(id)?.name ?? id}</span>
                  <Typography.Text type="secondary">主办在办 {load?.leadOpen ?? 0}</Typography.Text>
                  <Typography.Text type="secondary">协办在办 {load?.coHandlerOpen ?? 0}</Typography.Text>
                  <Typography.Text type={load?.acceptDuePassed ? 'danger' : 'secondary'}>
                    逾期未受理 {load?.acceptDuePassed ?? 0}
                  </Typography.Text>
                  <Typography.Text type="secondary">待审退回 {load?.returnsPending ?? 0}</Typography.Text>
                </Space>
              </List.Item>
            );
          }}
        />
      ) : null}
      <Form.Item name="track" label="办理程序" rules={[{ required: true, message: '请选择办理程序' }]}>
        <Radio.Group options={TRACK_OPTIONS} />
      </Form.Item>
      <Form.Item name="instructions" label="办理要求" rules={[{ max: 2000, message: '办理要求不超过 2000 字' }]}>
        <Input.TextArea rows={3} placeholder="如：请属地街道牵头，三日内联系信访人" />
      </Form.Item>
    </>
  );
}

/** The assignment's part of a request body: blanks left out. */
export function toAssignmentBody(v: AssignmentValues) {
  const instructions = v.instructions?.trim();
  return {
    leadUnitId: v.leadUnitId as string,
    coHandlerUnitIds: v.coHandlerUnitIds?.length ? v.coHandlerUnitIds : undefined,
    track: v.track as Track,
    instructions: instructions ? instructions : undefined,
  };
}
