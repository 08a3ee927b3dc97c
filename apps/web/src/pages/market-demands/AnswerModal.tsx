import { AnswerBody, type Demand } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { sdk } from '../../api/sdk';
import { useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { yuanToFen } from '../../lib/format';
import { showServerIssues, whenValid, zodRule } from '../../lib/zod-form';

interface Values {
  productId: string;
  message: string;
  price?: number | null;
}

/** 应答: a seller answers a demand with one of its listed products, a message and optionally a price. */
export function AnswerModal({ demand, onClose }: { demand: Demand | null; onClose: () => void }) {
  const t = useT();
  const d = t.demands;
  const { message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const products = useQuery({
    queryKey: ['market', 'mine', 'published'],
    queryFn: () => sdk.market.mine({ query: { status: 'published', pageSize: 200 } }),
    enabled: !!demand,
  });
  const send = useMutation({
    mutationFn: (v: Values) =>
      sdk.demands.answer({
        params: { id: demand!.id },
        body: {
          productId: v.productId,
          message: v.message,
          priceFen: v.price == null ? null : yuanToFen(v.price),
        },
      }),
    onSuccess: () => {
      void message.success(d.answered);
      void qc.invalidateQueries({ queryKey: ['demands'] });
      form.resetFields();
      onClose();
    },
    onError: (e) => {
      if (!showServerIssues(form, e, [])) void message.error(errText(e));
    },
  });
  const options = (products.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }));
  return (
    <Modal
      open={!!demand}
      title={`${d.answerTitle}：${demand?.title ?? ''}`}
      onCancel={onClose}
      okText={t.common.submit}
      okButtonProps={{ disabled: products.isSuccess && !options.length }}
      confirmLoading={send.isPending}
      onOk={() => whenValid(form, (v) => send.mutate(v))}
      destroyOnHidden
    >
      {products.isSuccess && !options.length && (
        <Alert type="info" showIcon message={d.noProducts} style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical" data-testid="answer-form">
        <Form.Item
          name="productId"
          label={d.answerProduct}
          rules={[{ required: true, message: t.validation.required }]}
        >
          <Select options={options} loading={products.isPending} />
        </Form.Item>
        <Form.Item
          name="message"
          label={d.answerMessage}
          rules={[{ required: true, message: t.validation.required }, zodRule(AnswerBody.shape.message, t)]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="price" label={d.answerPrice} extra={d.answerPriceHelp}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
