// Downloading a petitioner document (docs/documents.md): fetched with the token as a Blob and
// saved as .docx. Every download is logged by intake with its reason, so the clerk names one.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import { DOCUMENT_TITLES, type DocumentKind } from './labels';

/** The file name of a `Content-Disposition: attachment; filename*=UTF-8''…` header, or null. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      return null;
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : null;
}

/** Hands a Blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  if (typeof URL.createObjectURL !== 'function') return; // jsdom
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Fetches one document of a petition and saves it; resolves with the file name. */
export async function downloadDocument(petitionId: string, kind: DocumentKind, reason: string, fallbackName: string): Promise<string> {
  let response: Response | undefined;
  const blob = await unwrap(
    api.intake
      .GET('/api/petitions/{id}/documents/{kind}', { params: { path: { id: petitionId, kind }, query: { reason } }, parseAs: 'blob' })
      .then((result) => {
        response = result.response;
        return result;
      }),
  );
  const fileName = fileNameOf(response?.headers.get('Content-Disposition') ?? null) ?? `${fallbackName}.docx`;
  saveBlob(blob as unknown as Blob, fileName.endsWith('.docx') ? fileName : `${fileName}.docx`);
  return fileName;
}

interface DownloadButtonProps {
  petitionId: string;
  trackingNo: string;
  kind: DocumentKind;
  /** The button's words; the document's title by default. */
  label?: string;
  defaultReason?: string;
  size?: 'small' | 'middle';
}

/** A button that asks why (the download is logged), then downloads the document. */
export function DocumentDownloadButton({
  petitionId,
  trackingNo,
  kind,
  label,
  defaultReason = '送达信访人',
  size = 'small',
}: DownloadButtonProps) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const title = DOCUMENT_TITLES[kind];

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      const name = await downloadDocument(petitionId, kind, reason.trim(), `${title}-${trackingNo}`);
      void message.success(`已下载 ${name}`);
      setOpen(false);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : ApiError.network(error);
      const reasons = apiError.fieldErrors.reason;
      if (reasons) form.setFields([{ name: 'reason', errors: reasons }]);
      else void message.error(`无法下载${title}：${apiError.message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size={size} icon={<DownloadOutlined />} onClick={() => setOpen(true)}>
        {label ?? title}
      </Button>
      <Modal
        title={`下载${title}（${trackingNo}）`}
        open={open}
        okText="下载"
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ reason: defaultReason }} onFinish={(v) => void submit(v)} preserve={false}>
          <Form.Item
            name="reason"
            label="下载用途"
            extra="每次下载都会记录下载人、时间和用途"
            rules={[
              { required: true, whitespace: true, message: '请填写下载用途' },
              { min: 4, max: 500, message: '用途为 4 至 500 字' },
            ]}
          >
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
