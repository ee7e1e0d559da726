import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '../auth/auth-provider';
import { useAuth, useCurrentUser } from '../auth/auth-context';
import { groupsFor } from './workspaces';

const { Header, Sider, Content } = Layout;

/** The frame of every workspace: the menu of the user's roles, and a header with who is signed in. */
export function ConsoleLayout() {
  const user = useCurrentUser();
  const { session } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const groups = groupsFor(user);

  const signOut = async () => {
    await session.signOut();
    void navigate('/signin', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
          信访工作平台
        </Typography.Title>
        <Space size="middle">
          <Space size={4} style={{ color: '#fff' }} data-testid="signed-in-user">
            <UserOutlined />
            <span>{user.name}</span>
            {/* A development user's label already names the unit; a person's name does not. */}
            {user.unitName && !user.name.includes(user.unitName) ? <span>（{user.unitName}）</span> : null}
          </Space>
          <Space size={4}>
            {user.roles.map((r) => (
              <Tag key={r} color="blue">
                {ROLE_LABELS[r]}
              </Tag>
            ))}
          </Space>
          <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
            退出
          </Button>
        </Space>
      </Header>
      <Layout>
        <Sider width={220} theme="light">
          <Menu
            mode="inline"
            aria-label="工作台"
            selectedKeys={[location.pathname]}
            defaultOpenKeys={groups.map((g) => g.key)}
            items={groups.map((g) => ({
              key: g.key,
              label: g.label,
              type: 'group' as const,
              children: g.workspaces.map((w) => ({ key: w.path, label: w.title })),
            }))}
            onClick={({ key }) => navigate(key)}
            style={{ height: '100%', borderInlineEnd: 0 }}
          />
        </Sider>
        <Content style={{ padding: 24 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
