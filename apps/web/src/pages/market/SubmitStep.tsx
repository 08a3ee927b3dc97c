import { EditOutlined, SendOutlined } from '@ant-design/icons';
import type { Product } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Flex, Row, Typography } from 'antd';
import { useState } from 'react';
import { sdk } from '../../api/sdk';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { ListingChecklist } from './ListingChecklist';
import { useListingCheck } from './market-queries';
import { SignModal } from './SignModal';

/** The last step: the listing checks as a checklist, the signed declaration, then submission for review. */
export function SubmitStep({
  product,
  onSubmitted,
}: {
  product: Product;
  onSubmitted: (p: Product) => void;
}) {
  const t = useT();
  const m = t.market;
  const qc = useQueryClient();
  const check = useListingCheck(product.id);
  const submit = useMutation({
    mutationFn: () => sdk.market.submit({ params: { id: product.id } }),
    onSuccess: (p) => {
      qc.setQueryData(['market', 'product', p.id], p);
      void qc.invalidateQueries({ queryKey: ['market', 'mine'] });
      onSubmitted(p);
    },
  });
  const signature = product.declaration.signature;
  const [signing, setSigning] = useState(false);
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} xl={14} style={{ marginBottom: 16 }}>
          <ListingChecklist q={check} />
        </Col>
        <Col xs={24} xl={10}>
          <Card
            size="small"
            title={m.signature}
            data-testid="declaration-signature"
            data-signed={!!signature}
            extra={
              <Button
                size="small"
                type={signature ? 'default' : 'primary'}
                icon={<EditOutlined />}
                onClick={() => setSigning(true)}
                data-testid="declaration-sign"
              >
                {m.sign}
              </Button>
            }
          >
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'hash',
                  label: m.declarationHash,
                  children: (
                    <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                      {product.declaration.hash}
                    </Typography.Text>
                  ),
                },
                {
                  key: 'sig',
                  label: m.signature,
                  children: signature ? (
                    <span data-testid="signature-key">
                      {m.signed(signature.keyId)} · {formatTime(signature.signedAt)}
                    </span>
                  ) : (
                    <Typography.Text type="warning">{m.unsigned}</Typography.Text>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <SignModal product={product} open={signing} onClose={() => setSigning(false)} />
      <MutationErrorAlert error={submit.error} />
      <Flex justify="flex-end">
        <Button
          type="primary"
          icon={<SendOutlined />}
          disabled={!check.data?.passed || !signature}
          loading={submit.isPending}
          onClick={() => submit.mutate()}
          data-testid="wizard-submit"
        >
          {m.submitReview}
        </Button>
      </Flex>
    </>
  );
}
