import { CHECK_ITEMS, ListingReviewBody, type CheckItemKey, type ListingReview } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Switch,
  Timeline,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { asApiError } from '../../api/errors';
import { sdk } from '../../api/sdk';
import { PageContainer } from '../../components/PageContainer';
import { errorText, MutationErrorAlert } from '../../components/QueryError';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { whenValid, zodRule } from '../../lib/zod-form';
import { CertBadges } from './CertBadges';
import { ProductStatusTag } from './market-parts';
import { useListingCheck, useProduct, useReviews } from './market-queries';
import { ProductReasons, ProductSummary } from './ProductSummary';

interface DecisionForm {
  decision: 'approve' | 'reject';
  reason?: string;
  checklist: Record<CheckItemKey, { passed: boolean; note?: string }>;
}

/** The decisions so far, newest first, each with who, when and why. */
function ReviewHistory({ items }: { items: ListingReview[] }) {
  const t = useT();
  const m = t.market;
  if (items.length === 0) return <Typography.Text type="secondary">{m.noHistory}</Typography.Text>;
  return (
    <Timeline
      items={items.map((r) => ({
        key: r.id,
        color: r.decision === 'approve' ? 'green' : 'red',
        content: (
          <>
            <Typography.Text strong>
              {r.decision === 'approve' ? m.decidedApprove : m.decidedReject}
            </Typography.Text>{' '}
            · v{r.productVersion} · {r.reviewerName ?? r.reviewerId} · {formatTime(r.createdAt)}
            {r.reason && <div>{r.reason}</div>}
          </>
        ),
      }))}
    />
  );
}

/** 合规审查: the product, its listing checks as a prefilled checklist, and the reviewer's decision. */
export function ProductReviewPage() {
  const { id = '' } = useParams();
  const t = useT();
  const m = t.market;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useProduct(id);
  const inReview = q.data?.status === 'in_review';
  const check = useListingCheck(id, inReview);
  const reviews = useReviews(id);
  const [form] = Form.useForm<DecisionForm>();
  const decision = Form.useWatch('decision', form);
  const [conflict, setConflict] = useState(false);
  useEffect(() => {
    if (!check.data) return;
    const checklist = Object.fromEntries(
      check.data.items.map((i) => [
        i.key,
        {
          passed: i.passed,
          note: i.passed ? undefined : ((i.code && errorText(t, i.code)) ?? i.reason ?? undefined),
        },
      ]),
    );
    form.setFieldsValue({ checklist: checklist as DecisionForm['checklist'] });
  }, [check.data, form, t]);
  const decide = useMutation({
    mutationFn: (v: DecisionForm) =>
      sdk.market.review({
        params: { id },
        body: {
          decision: v.decision,
          version: q.data!.version,
          reason: v.reason?.trim() || undefined,
          checklist: Object.fromEntries(
            CHECK_ITEMS.map((k) => [
              k,
              {
                passed: !!v.checklist[k]?.passed,
                ...(v.checklist[k]?.note?.trim() && { note: v.checklist[k].note.trim() }),
              },
            ]),
          ) as DecisionForm['checklist'],
        },
      }),
    onSuccess: (p) => {
      qc.setQueryData(['market', 'product', id], p);
      void qc.invalidateQueries({ queryKey: ['market'] });
      void message.success(p.status === 'published' ? m.decidedApprove : m.decidedReject);
    },
    onError: (e) => {
      // another reviewer decided first: the product has moved on; show what happened instead of the form
      const code = asApiError(e).code;
      if (code === 'MARKET_ILLEGAL_TRANSITION' || code === 'MARKET_VERSION_CONFLICT') {
        setConflict(true);
        void q.refetch();
        void reviews.refetch();
      }
    },
  });
  if (q.isPending || q.isError) return <QueryState q={q} title={m.reviewTitle} />;
  const p = q.data;
  const latest = reviews.data?.items[0];
  return (
    <PageContainer title={p.title} subTitle={<ProductStatusTag status={p.status} />}>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={m.conflict}
          description={
            latest &&
            m.conflictDesc(
              latest.reviewerName ?? latest.reviewerId,
              `${latest.decision === 'approve' ? m.decidedApprove : m.decidedReject}${latest.reason ? `（${latest.reason}）` : ''}`,
            )
          }
          style={{ marginBottom: 16 }}
          data-testid="review-conflict"
        />
      )}
      <ProductReasons p={p} />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <ProductSummary p={p} />
        </Col>
        <Col xs={24} xl={10}>
          <Card title={m.certificates} size="small" style={{ marginBottom: 16 }}>
            <CertBadges certNos={check.data?.certificateNos ?? p.certificateNos} />
          </Card>
          {inReview && !conflict && (
            <Card title={m.checklist} style={{ marginBottom: 16 }} data-testid="review-form">
              <Typography.Paragraph type="secondary">{m.checklistHelp}</Typography.Paragraph>
              <MutationErrorAlert error={decide.error} />
              {check.error ? <MutationErrorAlert error={check.error} /> : null}
              <Form<DecisionForm> form={form} layout="vertical" initialValues={{ decision: 'approve' }}>
                {(check.data?.items ?? []).map((i) => (
                  <div key={i.key} data-testid={`review-item-${i.key}`}>
                    <Flex gap={12} align="center">
                      <Form.Item name={['checklist', i.key, 'passed']} valuePropName="checked" noStyle>
                        <Switch checkedChildren={m.passed} unCheckedChildren={m.failedLabel} />
                      </Form.Item>
                      <Typography.Text strong>{m.checkItem[i.key]}</Typography.Text>
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {i.rule}
                    </Typography.Text>
                    <Form.Item
                      name={['checklist', i.key, 'note']}
                      dependencies={[['checklist', i.key, 'passed'], 'decision']}
                      rules={[
                        ({ getFieldValue }) => ({
                          validator: async (_r, v?: string) => {
                            const failed = !getFieldValue(['checklist', i.key, 'passed']);
                            if (failed && getFieldValue('decision') === 'reject' && !v?.trim())
                              throw new Error(m.noteRequired);
                          },
                        }),
                      ]}
                      style={{ marginTop: 4 }}
                    >
                      <Input placeholder={m.note} maxLength={1000} />
                    </Form.Item>
                  </div>
                ))}
                <Form.Item
                  name="decision"
                  label={m.decision}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: async (_r, v?: string) => {
                        const all = CHECK_ITEMS.every((k) => getFieldValue(['checklist', k, 'passed']));
                        if (v === 'approve' && !all) throw new Error(m.approveNeedsAll);
                      },
                    }),
                  ]}
                >
                  <Radio.Group>
                    <Radio value="approve" data-testid="decision-approve">
                      {m.approve}
                    </Radio>
                    <Radio value="reject" data-testid="decision-reject">
                      {m.reject}
                    </Radio>
                  </Radio.Group>
                </Form.Item>
                {decision === 'reject' && (
                  <Form.Item
                    name="reason"
                    label={m.rejectReason}
                    rules={[
                      { required: true, whitespace: true, message: m.reasonRequired },
                      zodRule(ListingReviewBody.shape.reason, t),
                    ]}
                  >
                    <Input.TextArea rows={3} maxLength={2000} showCount data-testid="review-reason" />
                  </Form.Item>
                )}
                <Button
                  type="primary"
                  danger={decision === 'reject'}
                  loading={decide.isPending}
                  disabled={!check.data}
                  onClick={() => whenValid(form, (v) => decide.mutate(v))}
                  data-testid="review-submit"
                >
                  {m.decide}
                </Button>
              </Form>
            </Card>
          )}
          <Card title={m.history} size="small" data-testid="review-history">
            <ReviewHistory items={reviews.data?.items ?? []} />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
