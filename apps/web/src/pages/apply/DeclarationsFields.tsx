import { Declaration } from '@shuliu/contracts';
import { Checkbox, Flex, Form, Typography, theme } from 'antd';
import { useT } from '../../i18n/I18nProvider';

export type DeclarationKey = (typeof Declaration.options)[number];
export const DECLARATIONS = Declaration.options;

/** Form values of the declarations step: one checkbox each, under `decl.<key>`. */
export type DeclValues = Partial<Record<DeclarationKey, boolean>>;

export function affirmed(decl: DeclValues | undefined): DeclarationKey[] {
  return DECLARATIONS.filter((k) => decl?.[k]);
}

export function declFieldNames(): [string, string][] {
  return DECLARATIONS.map((k) => ['decl', k]);
}

/** 声明承诺: every declaration must be read and affirmed; each shows its own error. */
export function DeclarationsFields() {
  const t = useT();
  const { token } = theme.useToken();
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t.apply.declarationsIntro}</Typography.Text>
      {DECLARATIONS.map((k, i) => (
        <div
          key={k}
          style={{
            border: `1px solid ${token.colorBorderSecondary}`,
            borderRadius: 8,
            padding: '12px 16px 0',
          }}
        >
          <Typography.Text strong>
            {i + 1}. {t.declaration[k].title}
          </Typography.Text>
          <Form.Item
            name={['decl', k]}
            valuePropName="checked"
            rules={[
              {
                validator: async (_r, v) =>
                  v ? undefined : Promise.reject(new Error(t.validation.declarationRequired)),
              },
            ]}
            style={{ marginTop: 6, marginBottom: 12 }}
          >
            <Checkbox data-testid={`declaration-${k}`}>{t.declaration[k].text}</Checkbox>
          </Form.Item>
        </div>
      ))}
    </Flex>
  );
}
