import { LoginOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { isRole, ROLE_LABELS } from '../auth/auth-provider';
import { useAuth } from '../auth/auth-context';
import { DevAuthProvider, DevSignInUnavailableError, type DevUser } from '../auth/dev-auth-provider';
import { homePathFor } from '../layout/workspaces';

type Users = { state: 'loading' } | { state: 'ready'; users: DevUser[] } | { state: 'unavailable' } | { state: 'failed' };

/** `/signin`: in development, pick one of the demo users the gateway lists. */
export function SignInPage() {
  const { session, user, signOutReason } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const provider = session.provider;
  const [users, setUsers] = useState<Users>({ state: 'loading' });
  const [signingIn, setSigningIn] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!(provider instanceof DevAuthProvider)) return;
    let live = true;
    provider.listUsers().then(
      (list) => live && setUsers({ state: 'ready', users: list }),
      (err: unknown) => live && setUsers({ state: err instanceof DevSignInUnavailableError ? 'unavailable' : 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [provider]);

  if (user) return <Navigate to={from && from !== '/signin' ? from : (homePathFor(user) ?? '/')} replace />;

  const signIn = async (userId: string) => {
    setSigningIn(userId);
    setError(null);
    try {
      const signedIn = await session.signIn({ userId });
      if (signedIn) void navigate(from && from !== '/signin' ? from : (homePathFor(signedIn) ?? '/'), { replace: true });
    } catch {
      setError('登录失败，请稍后重试');
    } finally {
      setSigningIn(null);
    }
  };

  return (
    <div style={{ maxWidth: 720, margin: '48px auto', padding: '0 16px' }}>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            信访工作平台 · 登录
          </Typography.Title>
        }
      >
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {signOutReason === 'expired' ? <Alert type="warning" showIcon message="登录已过期，请重新登录" /> : null}
          {error ? <Alert type="error" showIcon message={error} /> : null}
          {!(provider instanceof DevAuthProvider) ? (
            <Button type="primary" icon={<LoginOutlined />} onClick={() => void session.signIn({})}>
              统一身份认证登录
            </Button>
          ) : (
            <>
              <Typography.Paragraph type="secondary">开发环境：选择一个演示账号登录。</Typography.Paragraph>
              {users.state === 'loading' ? <Spin /> : null}
              {users.state === 'unavailable' ? (
                <Alert type="error" showIcon message="开发登录不可用" description="生产环境请使用统一身份认证登录。" />
              ) : null}
              {users.state === 'failed' ? <Alert type="error" showIcon message="无法获取演示账号，请确认服务已启动" /> : null}
              {users.state === 'ready' ? (
                <List
                  aria-label="演示账号"
                  dataSource={users.users}
                  renderItem={(u) => (
                    <List.Item
                      actions={[
                        <Button
                          key="signin"
                          type="primary"
                          loading={signingIn === u.id}
                          onClick={() => void signIn(u.id)}
                          aria-label={`以${u.label}登录`}
                        >
                          登录
                        </Button>,
                      ]}
                    >
                      <List.Item.Meta
                        title={u.label}
                        description={
                          <Space size={4} wrap>
                            {u.roles.filter(isRole).map((r) => (
                              <Tag key={r}>{ROLE_LABELS[r]}</Tag>
                            ))}
                            {u.unitName ? <span>{u.unitName}</span> : null}
                          </Space>
                        }
                      />
                    </List.Item>
                  )}
                />
              ) : null}
            </>
          )}
        </Space>
      </Card>
    </div>
  );
}
