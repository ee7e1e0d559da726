import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';

export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}

export function ForbiddenPage() {
  return <Result status="403" title="无权访问" subTitle="当前账号没有使用此工作台的角色。" />;
}

export function NoWorkspacePage() {
  return <Result status="info" title="暂无可用的工作台" subTitle="当前账号的角色没有对应的工作台，请联系管理员。" />;
}
