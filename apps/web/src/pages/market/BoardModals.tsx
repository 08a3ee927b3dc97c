import { BoardBody, DeliveryMode, GRADES, type Board } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select } from 'antd';
import { sdk } from '../../api/sdk';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import { showServerIssues, zodRule } from '../../lib/zod-form';
import { ActionModal } from '../registry/ActionModal';

interface BoardForm {
  code: string;
  name: string;
  nameEn?: string;
  description?: string;
  deliveryModes?: string[];
  computeOnlySectors?: string[];
  sectors?: string[];
  maxGrade?: string;
}

const some = <T,>(xs: T[] | undefined) => (xs && xs.length ? xs : undefined);

/** Create a board, or change one's names, description and listing rules (its code stays). */
export function BoardFormModal({
  board,
  open,
  onClose,
}: {
  board: Board | null;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const m = t.market;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<BoardForm>();
  const save = useMutation({
    mutationFn: (v: BoardForm) => {
      const rules = {
        deliveryModes: some(v.deliveryModes) as DeliveryMode[] | undefined,
        computeOnlySectors: some(v.computeOnlySectors),
        sectors: some(v.sectors),
        maxGrade: v.maxGrade as (typeof GRADES)[number] | undefined,
      };
      const fields = {
        name: v.name.trim(),
        nameEn: v.nameEn?.trim() || null,
        description: v.description?.trim() || null,
        rules,
      };
      return board
        ? sdk.market.updateBoard({ params: { code: board.code }, body: fields })
        : sdk.market.createBoard({ body: { code: v.code.trim(), ...fields } });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['market', 'boards'] });
      void message.success(m.boardSaved);
      onClose();
    },
    onError: (e) => showServerIssues(form, e),
  });
  const multiSector = (name: keyof BoardForm, label: string) => (
    <Form.Item name={name} label={label}>
      <Select mode="tags" tokenSeparators={[',', ' ']} />
    </Form.Item>
  );
  return (
    <ActionModal<BoardForm>
      open={open}
      title={board ? m.editBoard : m.newBoard}
      form={form}
      pending={save.isPending}
      error={save.error}
      onOk={(v) => save.mutate(v)}
      onClose={onClose}
      testId="board-modal"
      width={640}
    >
      <Form.Item
        name="code"
        label={m.boardCode}
        initialValue={board?.code}
        rules={[{ required: true, message: t.validation.required }, zodRule(BoardBody.shape.code, t)]}
      >
        <Input disabled={!!board} maxLength={30} data-testid="board-code" />
      </Form.Item>
      <Form.Item
        name="name"
        label={m.boardName}
        initialValue={board?.name}
        rules={[{ required: true, message: t.validation.required }, zodRule(BoardBody.shape.name, t)]}
      >
        <Input maxLength={40} data-testid="board-name" />
      </Form.Item>
      <Form.Item name="nameEn" label={m.boardNameEn} initialValue={board?.nameEn ?? undefined}>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="description" label={m.boardDesc} initialValue={board?.description ?? undefined}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="deliveryModes" label={m.ruleDeliveryModes} initialValue={board?.rules.deliveryModes}>
        <Select
          mode="multiple"
          options={DeliveryMode.options.map((d) => ({ value: d, label: m.deliveryMode[d] }))}
        />
      </Form.Item>
      {multiSector('computeOnlySectors', m.ruleComputeOnly)}
      {multiSector('sectors', m.ruleSectors)}
      <Form.Item name="maxGrade" label={m.ruleMaxGrade} initialValue={board?.rules.maxGrade}>
        <Select allowClear options={GRADES.map((g) => ({ value: g, label: enumLabel(t.grade, g) }))} />
      </Form.Item>
    </ActionModal>
  );
}

/** The board's reviewers: active users of a certifier org (认证机构), replacing the set. */
export function ReviewersModal({ board, onClose }: { board: Board | null; onClose: () => void }) {
  const t = useT();
  const m = t.market;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ userIds: string[] }>();
  const users = useQuery({
    queryKey: ['users', 'providers'],
    queryFn: () => sdk.users.list({ query: { role: 'provider', status: 'active', pageSize: 200 } }),
    enabled: !!board,
  });
  const save = useMutation({
    mutationFn: (userIds: string[]) =>
      sdk.market.setReviewers({ params: { code: board!.code }, body: { userIds } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['market', 'boards'] });
      void message.success(m.reviewersSaved);
      onClose();
    },
    onError: (e) => showServerIssues(form, e),
  });
  return (
    <ActionModal<{ userIds: string[] }>
      open={!!board}
      title={`${m.setReviewers}：${board?.name ?? ''}`}
      form={form}
      pending={save.isPending}
      error={save.error}
      onOk={(v) => save.mutate(v.userIds ?? [])}
      onClose={onClose}
      testId="reviewers-modal"
    >
      <Form.Item
        name="userIds"
        label={m.reviewers}
        extra={m.reviewerIdsHelp}
        initialValue={board?.reviewers.map((r) => r.userId)}
      >
        <Select
          mode="tags"
          loading={users.isPending}
          optionFilterProp="label"
          options={(users.data?.items ?? []).map((u) => ({
            value: u.id,
            label: `${u.displayName} (${u.username})`,
          }))}
        />
      </Form.Item>
    </ActionModal>
  );
}
