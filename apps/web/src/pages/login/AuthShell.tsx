import { CheckCircleFilled } from '@ant-design/icons';
import { Flex, Grid, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Logo } from '../../components/Logo';
import { useT } from '../../i18n/I18nProvider';
import { LangSwitch } from '../../layout/HeaderActions';

function BrandPanel() {
  const t = useT();
  return (
    <Flex
      vertical
      justify="space-between"
      style={{
        width: '42%',
        minWidth: 420,
        padding: '48px 56px',
        color: '#fff',
        background:
          'radial-gradient(circle at 20% 20%, rgba(56,189,248,0.35), transparent 45%), linear-gradient(135deg, #0b3b8c 0%, #1554c0 55%, #0e7490 100%)',
      }}
    >
      <Flex align="center" gap={12}>
        <Logo size={36} />
        <Typography.Text style={{ color: '#fff', fontSize: 20, fontWeight: 600 }}>
          {t.app.name}
        </Typography.Text>
      </Flex>
      <div>
        <Typography.Title style={{ color: '#fff', fontSize: 34, marginBottom: 12 }}>
          {t.app.full}
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.8)', fontSize: 16, marginBottom: 40 }}>
          {t.app.slogan}
        </Typography.Paragraph>
        <Flex vertical gap={14}>
          {t.login.features.map((f) => (
            <Flex key={f} gap={10} align="center">
              <CheckCircleFilled style={{ color: '#7dd3fc' }} />
              <Typography.Text style={{ color: 'rgba(255,255,255,0.92)', fontSize: 15 }}>{f}</Typography.Text>
            </Flex>
          ))}
        </Flex>
      </div>
      <Typography.Text style={{ color: 'rgba(255,255,255,0.55)' }}>{t.app.copyright}</Typography.Text>
    </Flex>
  );
}

/** The frame of the public pages (login, apply): a brand panel on wide screens, the form on the right. */
export function AuthShell({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const screens = Grid.useBreakpoint();
  return (
    <Flex style={{ minHeight: '100vh', background: '#f0f4fa' }}>
      {screens.lg && !wide && <BrandPanel />}
      <Flex vertical flex={1} style={{ minWidth: 0 }}>
        <Flex justify="end" style={{ padding: '12px 16px' }}>
          <LangSwitch />
        </Flex>
        <Flex
          flex={1}
          align={wide ? 'start' : 'center'}
          justify="center"
          style={{ padding: '8px 16px 48px' }}
        >
          {children}
        </Flex>
      </Flex>
    </Flex>
  );
}
