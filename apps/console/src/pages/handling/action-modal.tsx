import { Alert, App, Form, Modal, type FormInstance } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../../api/errors';
import { newIdempotencyKey } from '../../api/idempotency';

export interface ActionModalProps<Values, Result> {
  title: string;
  okText: string;
  /** The form's fields; the API's reasons for these names (or their sub-paths) are shown under them. */
  fields: readonly string[];
  /** Sends the values; the key stays the same while the same values are submitted again. */
  submit: (values: Values, idempotencyKey: string) => Promise<Result>;
  /** The success message. */
  success: string | ((result: Result) => string);
  onDone: (result: Result) => void;
  onClose: () => void;
  initialValues?: Partial<Values>;
  /** Shown above the form (a rework's reason, for instance). */
  before?: ReactNode;
  width?: number;
  children: ReactNode | ((form: FormInstance<Values>) => ReactNode);
}

/**
 * A write of the work item in a modal form: one Idempotency-Key per submission (kept across retries
 * of the same values), the API's field reasons under their fields, the rest in an alert, a success
 * message. Mount it only while it is open.
 */
export function ActionModal<Values extends object, Result = unknown>({
  title,
  okText,
  fields,
  submit,
  success,
  onDone,
  onClose,
  initialValues,
  before,
  width,
  children,
}: ActionModalProps<Values, Result>) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const submissionKey = useRef<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; unplaced: string[] } | null>(null);

  const showFailure = (error: unknown) => {
    const apiError = error instanceof ApiError ? error : ApiError.network(error);
    if (apiError.status === 401) return;
    const placed = new Map<string, string[]>();
    const unplaced: string[] = [];
    for (const [path, reasons] of Object.entries(apiError.fieldErrors)) {
      const field = path.split('.')[0];
      if (fields.includes(field)) placed.set(field, [...(placed.get(field) ?? []), ...reasons]);
      else unplaced.push(...reasons.map((r) => `${path}：${r}`));
    }
    form.setFields([...placed].map(([name, errors]) => ({ name, errors })) as Parameters<typeof form.setFields>[0]);
    setFailure({ message: placed.size ? '请按提示修改后重新提交' : apiError.message, unplaced });
  };

  const finish = async (values: Values) => {
    submissionKey.current ??= newIdempotencyKey();
    setBusy(true);
    setFailure(null);
    try {
      const result = await submit(values, submissionKey.current);
      submissionKey.current = null;
      void message.success(typeof success === 'function' ? success(result) : success);
      onDone(result);
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
      width={width}
    >
      {before}
      <Form<Values>
        form={form}
        layout="vertical"
        aria-label={title}
        initialValues={initialValues}
        onFinish={(values) => void finish(values)}
        onValuesChange={() => {
          submissionKey.current = null;
        }}
      >
        {typeof children === 'function' ? children(form) : children}
      </Form>
      {failure ? (
        <Alert
          type="error"
          showIcon
          message={failure.message}
          description={failure.unplaced.length ? failure.unplaced.map((line) => <div key={line}>{line}</div>) : undefined}
        />
      ) : null}
    </Modal>
  );
}
