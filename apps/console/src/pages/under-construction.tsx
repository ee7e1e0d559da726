import { Alert, Tag, Typography } from 'antd';
import type { Workspace } from '../layout/workspaces';

/** A workspace of the scaffold that another issue fills: its heading, what it is for, and 建设中. */
export function UnderConstructionPage({ workspace }: { workspace: Workspace }) {
  return (
    <section>
      <Typography.Title level={3}>
        {workspace.title} <Tag color="orange">建设中</Tag>
      </Typography.Title>
      <Typography.Paragraph>{workspace.description}</Typography.Paragraph>
      <Alert type="info" showIcon message="此工作台正在建设中" description="页面框架已就绪，功能将在后续版本中提供。" />
    </section>
  );
}
