import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/errors';

/**
 * Asks why something is read (the case file, a document): intake logs every such read with its
 * reason (4–500 characters). `run` does the read; its failure stays in the modal. Mount it only while open.
 */
export function ReasonModal({
  title,
  okText = '确定',
  defaultReason,
  run,
  onClose,
}: {
  title: string;
  okText?: string;
  defaultReason: string;
  run: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const finish = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      await run(reason.trim());
      onClose();
    } catch (error) {
      const apiError = error instanceof ApiError ? error : ApiError.network(error);
      const reasons = apiError.fieldErrors.reason;
      if (reasons) form.setFields([{ name: 'reason', errors: reasons }]);
      setFailure(apiError.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={title} okText={okText} cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose}>
      <Form form={form} layout="vertical" aria-label={title} initialValues={{ reason: defaultReason }} onFinish={(v) => void finish(v)}>
        <Form.Item
          name="reason"
          label="查阅事由"
          extra="事由随本次查阅记录在案"
          rules={[
            { required: true, whitespace: true, message: '请填写查阅事由' },
            { min: 4, max: 500, message: '事由为 4 至 500 字' },
          ]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      {failure ? <Alert type="error" showIcon message={failure} /> : null}
    </Modal>
  );
}
