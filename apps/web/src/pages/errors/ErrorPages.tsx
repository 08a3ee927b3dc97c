import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/I18nProvider';

function ErrorPage({ status, text }: { status: '403' | '404'; text: string }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status={status}
      title={status}
      subTitle={text}
      data-testid={`page-${status}`}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t.common.backHome}
        </Button>
      }
      style={{ paddingTop: 96 }}
    />
  );
}

export function ForbiddenPage() {
  return <ErrorPage status="403" text={useT().errors.forbidden} />;
}

export function NotFoundPage() {
  return <ErrorPage status="404" text={useT().errors.notFound} />;
}
