import { Card } from 'antd';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n/I18nProvider';
import { HqdCriteriaTable } from './HqdReviewForm';
import { HqdDesignatedTable } from './HqdDesignatedTable';

/** 高质量数据集认定名单 for everyone, with the published criteria it was judged by. */
export function HqdPublicPage() {
  const x = useT().hqd;
  return (
    <PageContainer title={x.designatedList} subTitle={x.intro}>
      <Card style={{ marginBottom: 16 }}>
        <HqdDesignatedTable />
      </Card>
      <Card title={x.criteria}>
        <HqdCriteriaTable scores={[]} editable={false} />
      </Card>
    </PageContainer>
  );
}
