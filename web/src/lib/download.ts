import { type QueryParams, api } from './api-client';

/**
 * The file name a download was given in its Content-Disposition header: the UTF-8 `filename*` (RFC 5987, Chinese
 * names), else the plain `filename`, else the fallback.
 */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // a malformed encoding: fall back to the plain name
    }
  }
  return /filename\s*=\s*"([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/**
 * Downloads a file from the API with the session (errors answered in the usual shape, as ApiError) and hands it to
 * the browser under the server's file name; answers that name.
 */
export async function downloadFile(path: string, query?: QueryParams): Promise<string> {
  const { blob, fileName } = await api.get<{ blob: Blob; fileName: string }>(path, query, {
    read: async (response) => ({
      blob: await response.blob(),
      fileName: fileNameOf(response.headers.get('content-disposition'), 'download'),
    }),
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, so the browser has taken the file.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return fileName;
}
